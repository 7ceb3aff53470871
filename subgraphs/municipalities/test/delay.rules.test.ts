import { ProjectStatus } from '../entities/municipal-project.entity';
import { delayDays } from '../rules/delay.rules';

/** A 100-day plan: 2026-01-01 to 2026-04-11. */
const plan = { plannedStartDate: '2026-01-01', plannedEndDate: '2026-04-11' };

describe('delayDays', () => {
  it('COMPLETED: days finished after the planned end', () => {
    const done = { ...plan, progress: 100, status: ProjectStatus.COMPLETED };
    expect(delayDays({ ...done, completedAt: '2026-05-01' }, '2026-11-01')).toBe(20);
  });

  it('COMPLETED on or before the planned end: no delay, however late today is', () => {
    const done = { ...plan, progress: 100, status: ProjectStatus.COMPLETED };
    expect(delayDays({ ...done, completedAt: '2026-04-11' }, '2026-11-01')).toBe(0);
    expect(delayDays({ ...done, completedAt: '2026-03-01' }, '2026-11-01')).toBe(0);
  });

  it('past the planned end and not completed: days since the planned end, whatever the status', () => {
    for (const status of [ProjectStatus.IN_PROGRESS, ProjectStatus.SUSPENDED, ProjectStatus.PLANNED]) {
      expect(delayDays({ ...plan, progress: 95, status }, '2026-04-21')).toBe(10);
    }
  });

  it('within the plan: the schedule slip, (expected − progress) / 100 × duration', () => {
    // 60 of 100 days elapsed: 60% expected.
    const at = (progress: number) =>
      delayDays({ ...plan, progress, status: ProjectStatus.IN_PROGRESS }, '2026-03-02');
    expect(at(40)).toBe(20);
    expect(at(60)).toBe(0);
    expect(at(80)).toBe(0); // ahead of plan is not a negative delay
  });

  it('within the plan: half a day of slip rounds up, less rounds down', () => {
    const short = {
      plannedStartDate: '2026-01-01',
      plannedEndDate: '2026-01-11',
      status: ProjectStatus.IN_PROGRESS,
    };
    // 5 of 10 days elapsed: 50% expected; (50 − 45) / 100 × 10 = 0.5 days.
    expect(delayDays({ ...short, progress: 45 }, '2026-01-06')).toBe(1);
    expect(delayDays({ ...short, progress: 46 }, '2026-01-06')).toBe(0);
  });

  it('on the planned end day itself: the slip, not yet days past the end', () => {
    expect(delayDays({ ...plan, progress: 70, status: ProjectStatus.IN_PROGRESS }, '2026-04-11')).toBe(30);
  });

  it('before the planned start: no delay', () => {
    expect(delayDays({ ...plan, progress: 0, status: ProjectStatus.PLANNED }, '2025-12-15')).toBe(0);
  });

  it('not started although the plan has: the slip counts, PLANNED or not', () => {
    expect(delayDays({ ...plan, progress: 0, status: ProjectStatus.PLANNED }, '2026-01-21')).toBe(20);
  });
});
