import { urError } from '../../../kit/errors/ur-error';
import { ProjectStatus } from '../entities/municipal-project.entity';
import { assertIsoDate, assertNotFuture } from './dates';

/** What a progress report needs to know about its project. */
export interface ProgressState {
  readonly id: string;
  readonly status: ProjectStatus;
  readonly progress: number;
  /** Date of the latest report, or null before the first. */
  readonly lastReportedAt: string | null;
}

export interface ProgressReportRequest {
  readonly progress: number;
  readonly reportedAt: string;
  readonly reason?: string | null;
}

/** The project after an accepted report. */
export interface ProgressOutcome {
  readonly status: ProjectStatus;
  readonly progress: number;
  readonly previousProgress: number;
  readonly completedAt: string | null;
  /** The reason, trimmed; null when none was given. */
  readonly reason: string | null;
}

const REPORTABLE: readonly ProjectStatus[] = [ProjectStatus.PLANNED, ProjectStatus.IN_PROGRESS];

/**
 * A progress report, checked against its project and applied:
 * only PLANNED and IN_PROGRESS projects take reports; progress is a percentage; the date is real,
 * not before the latest report and not after `today`; progress goes back only with a reason.
 * The first report starts a PLANNED project; 100% completes it on the report's date.
 */
export function applyProgressReport(
  state: ProgressState,
  report: ProgressReportRequest,
  today: string,
): ProgressOutcome {
  if (!REPORTABLE.includes(state.status)) {
    throw urError(
      'INVALID_STATE_TRANSITION',
      `Project ${state.id} is ${state.status}; progress can be reported only on a PLANNED or IN_PROGRESS project.`,
      { status: state.status, accepted: REPORTABLE },
    );
  }
  if (!Number.isInteger(report.progress) || report.progress < 0 || report.progress > 100) {
    throw urError(
      'BAD_USER_INPUT',
      `Progress ${report.progress} is not a percentage; give a whole number from 0 to 100.`,
      { argument: 'input.progress' },
    );
  }
  assertIsoDate(report.reportedAt, 'input.reportedAt');
  assertNotFuture(report.reportedAt, today, 'input.reportedAt');
  if (state.lastReportedAt && report.reportedAt < state.lastReportedAt) {
    throw urError(
      'BAD_USER_INPUT',
      `input.reportedAt ${report.reportedAt} is before the latest report (${state.lastReportedAt}); reports may not go back in date.`,
      { argument: 'input.reportedAt', latestReportedAt: state.lastReportedAt },
    );
  }
  const reason = report.reason?.trim() || null;
  if (report.progress < state.progress && !reason) {
    throw urError(
      'BAD_USER_INPUT',
      `Progress may not go back from ${state.progress}% to ${report.progress}% without a reason; give input.reason to say why.`,
      { argument: 'input.reason', previousProgress: state.progress, progress: report.progress },
    );
  }
  const completed = report.progress === 100;
  return {
    status: completed ? ProjectStatus.COMPLETED : ProjectStatus.IN_PROGRESS,
    progress: report.progress,
    previousProgress: state.progress,
    completedAt: completed ? report.reportedAt : null,
    reason,
  };
}

/** IN_PROGRESS → SUSPENDED, with the reason on record. Returns the new status. */
export function suspend(id: string, status: ProjectStatus, reason: string): ProjectStatus {
  if (status !== ProjectStatus.IN_PROGRESS) {
    throw urError(
      'INVALID_STATE_TRANSITION',
      `Project ${id} is ${status}; only an IN_PROGRESS project can be SUSPENDED.`,
      { status, requested: ProjectStatus.SUSPENDED },
    );
  }
  if (!reason.trim()) {
    throw urError('BAD_USER_INPUT', 'A suspension needs a reason; give a non-empty `reason`.', {
      argument: 'reason',
    });
  }
  return ProjectStatus.SUSPENDED;
}

/** SUSPENDED → IN_PROGRESS. Returns the new status. */
export function resume(id: string, status: ProjectStatus): ProjectStatus {
  if (status !== ProjectStatus.SUSPENDED) {
    throw urError(
      'INVALID_STATE_TRANSITION',
      `Project ${id} is ${status}; only a SUSPENDED project can be resumed to IN_PROGRESS.`,
      { status, requested: ProjectStatus.IN_PROGRESS },
    );
  }
  return ProjectStatus.IN_PROGRESS;
}
