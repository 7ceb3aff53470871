import { ProjectStatus } from '../entities/municipal-project.entity';
import { daysBetween } from './dates';

export interface DelayInput {
  readonly plannedStartDate: string;
  readonly plannedEndDate: string;
  readonly completedAt?: string | null;
  /** Percent, 0–100. */
  readonly progress: number;
  readonly status: ProjectStatus;
}

/**
 * Days a project is behind its plan, as of `today` (ISO dates throughout):
 * - COMPLETED: max(0, completedAt − plannedEndDate);
 * - past its planned end and not completed: today − plannedEndDate;
 * - otherwise the schedule slip: expected = elapsed / duration × 100 and
 *   delay = max(0, round((expected − progress) / 100 × duration)), computed here as
 *   round((100 × elapsed − progress × duration) / 100), the same number without a rounding error
 *   (and the form the `delayedOnly` filter uses in SQL).
 */
export function delayDays(p: DelayInput, today: string): number {
  if (p.status === ProjectStatus.COMPLETED) {
    return p.completedAt ? Math.max(0, daysBetween(p.plannedEndDate, p.completedAt)) : 0;
  }
  if (today > p.plannedEndDate) return daysBetween(p.plannedEndDate, today);
  const duration = daysBetween(p.plannedStartDate, p.plannedEndDate);
  const elapsed = Math.max(0, daysBetween(p.plannedStartDate, today));
  return Math.max(0, Math.round((100 * elapsed - p.progress * duration) / 100));
}

/**
 * `delayDays(p, today) > 0` as an SQL condition on the project table aliased `a`, so that
 * `delayedOnly` pages in SQL like any other filter. Its two `?` parameters are both `today`.
 * Date arithmetic differs by dialect: whole days are a difference of `date`s in PostgreSQL and of
 * `julianday`s in SQLite. The slip is positive exactly when 100 × elapsed − progress × duration ≥ 50.
 */
export function delayedCondition(dialect: 'sqlite' | 'postgresql', a: string): string {
  const days = (from: string, to: string) =>
    dialect === 'postgresql'
      ? `(cast(${to} as date) - cast(${from} as date))`
      : `(julianday(${to}) - julianday(${from}))`;
  const [start, end, done] = [`${a}.planned_start_date`, `${a}.planned_end_date`, `${a}.completed_at`];
  return (
    `(${a}.status = 'COMPLETED' and ${days(end, done)} > 0)` +
    ` or (${a}.status <> 'COMPLETED' and (${end} < ?` +
    ` or 100 * ${days(start, '?')} - ${a}.progress * ${days(start, end)} >= 50))`
  );
}
