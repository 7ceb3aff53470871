import { InspectionResult } from '../entities/inspection.entity';
import { ProjectStatus } from '../entities/municipal-project.entity';
import { isIsoDate } from '../rules/dates';
import { checkInspection } from '../rules/inspection.rules';
import { applyProgressReport, type ProgressState, resume, suspend } from '../rules/project-status.rules';

const TODAY = '2026-11-01';
const started: ProgressState = {
  id: 'MP-0001',
  status: ProjectStatus.IN_PROGRESS,
  progress: 40,
  lastReportedAt: '2026-10-01',
};

/** The error a rule throws, as the caller receives it (message and extensions). */
function refusal(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    const { message, extensions } = error as { message: string; extensions: Record<string, unknown> };
    const { http: _http, ...rest } = extensions;
    return { message, extensions: rest };
  }
  throw new Error('expected the rule to refuse');
}

describe('applyProgressReport', () => {
  it('the first report starts a PLANNED project', () => {
    const planned = { ...started, status: ProjectStatus.PLANNED, progress: 0, lastReportedAt: null };
    expect(applyProgressReport(planned, { progress: 5, reportedAt: '2026-10-20' }, TODAY)).toEqual({
      status: ProjectStatus.IN_PROGRESS,
      progress: 5,
      previousProgress: 0,
      completedAt: null,
      reason: null,
    });
  });

  it('100% completes the project on the report’s date', () => {
    expect(applyProgressReport(started, { progress: 100, reportedAt: '2026-10-30' }, TODAY)).toEqual({
      status: ProjectStatus.COMPLETED,
      progress: 100,
      previousProgress: 40,
      completedAt: '2026-10-30',
      reason: null,
    });
  });

  it('a PLANNED project reported straight at 100% completes too', () => {
    const planned = { ...started, status: ProjectStatus.PLANNED, progress: 0, lastReportedAt: null };
    expect(applyProgressReport(planned, { progress: 100, reportedAt: TODAY }, TODAY).status).toBe(
      ProjectStatus.COMPLETED,
    );
  });

  it('accepts the same day as the latest report, and today', () => {
    expect(applyProgressReport(started, { progress: 41, reportedAt: '2026-10-01' }, TODAY).progress).toBe(41);
    expect(applyProgressReport(started, { progress: 41, reportedAt: TODAY }, TODAY).progress).toBe(41);
  });

  it('refuses COMPLETED and SUSPENDED projects', () => {
    for (const status of [ProjectStatus.COMPLETED, ProjectStatus.SUSPENDED]) {
      expect(
        refusal(() =>
          applyProgressReport({ ...started, status }, { progress: 50, reportedAt: TODAY }, TODAY),
        ),
      ).toEqual({
        message: `Project MP-0001 is ${status}; progress can be reported only on a PLANNED or IN_PROGRESS project.`,
        extensions: { code: 'INVALID_STATE_TRANSITION', status, accepted: ['PLANNED', 'IN_PROGRESS'] },
      });
    }
  });

  it('refuses a progress outside 0–100', () => {
    for (const progress of [-1, 101]) {
      expect(refusal(() => applyProgressReport(started, { progress, reportedAt: TODAY }, TODAY))).toEqual({
        message: `Progress ${progress} is not a percentage; give a whole number from 0 to 100.`,
        extensions: { code: 'BAD_USER_INPUT', argument: 'input.progress' },
      });
    }
  });

  it('refuses a date that is not a real calendar date', () => {
    for (const reportedAt of ['2026-02-30', '01/10/2026', '2026-1-5']) {
      expect(refusal(() => applyProgressReport(started, { progress: 50, reportedAt }, TODAY))).toEqual({
        message: `"${reportedAt}" is not a date; write a real calendar date as YYYY-MM-DD.`,
        extensions: { code: 'BAD_USER_INPUT', argument: 'input.reportedAt' },
      });
    }
  });

  it('refuses a date in the future', () => {
    expect(
      refusal(() => applyProgressReport(started, { progress: 50, reportedAt: '2026-11-02' }, TODAY)),
    ).toEqual({
      message: 'input.reportedAt 2026-11-02 is in the future; it may be at most 2026-11-01.',
      extensions: { code: 'BAD_USER_INPUT', argument: 'input.reportedAt' },
    });
  });

  it('refuses a date before the latest report', () => {
    expect(
      refusal(() => applyProgressReport(started, { progress: 50, reportedAt: '2026-09-30' }, TODAY)),
    ).toEqual({
      message:
        'input.reportedAt 2026-09-30 is before the latest report (2026-10-01); reports may not go back in date.',
      extensions: { code: 'BAD_USER_INPUT', argument: 'input.reportedAt', latestReportedAt: '2026-10-01' },
    });
  });

  it('refuses progress going back without a reason, naming both numbers', () => {
    for (const reason of [undefined, null, '', '   ']) {
      expect(
        refusal(() => applyProgressReport(started, { progress: 30, reportedAt: TODAY, reason }, TODAY)),
      ).toEqual({
        message: 'Progress may not go back from 40% to 30% without a reason; give input.reason to say why.',
        extensions: { code: 'BAD_USER_INPUT', argument: 'input.reason', previousProgress: 40, progress: 30 },
      });
    }
  });

  it('accepts progress going back with a reason, and keeps the reason', () => {
    const reason = ' إزالة طبقة إسفلت غير مطابقة ';
    expect(applyProgressReport(started, { progress: 30, reportedAt: TODAY, reason }, TODAY)).toEqual({
      status: ProjectStatus.IN_PROGRESS,
      progress: 30,
      previousProgress: 40,
      completedAt: null,
      reason: 'إزالة طبقة إسفلت غير مطابقة',
    });
  });
});

describe('suspend and resume', () => {
  it('IN_PROGRESS ↔ SUSPENDED', () => {
    expect(suspend('MP-0001', ProjectStatus.IN_PROGRESS, 'تأخر التمويل')).toBe(ProjectStatus.SUSPENDED);
    expect(resume('MP-0001', ProjectStatus.SUSPENDED)).toBe(ProjectStatus.IN_PROGRESS);
  });

  it('suspends only IN_PROGRESS projects', () => {
    for (const status of [ProjectStatus.PLANNED, ProjectStatus.SUSPENDED, ProjectStatus.COMPLETED]) {
      expect(refusal(() => suspend('MP-0001', status, 'تأخر التمويل'))).toEqual({
        message: `Project MP-0001 is ${status}; only an IN_PROGRESS project can be SUSPENDED.`,
        extensions: { code: 'INVALID_STATE_TRANSITION', status, requested: 'SUSPENDED' },
      });
    }
  });

  it('a suspension needs a reason', () => {
    expect(refusal(() => suspend('MP-0001', ProjectStatus.IN_PROGRESS, '  '))).toEqual({
      message: 'A suspension needs a reason; give a non-empty `reason`.',
      extensions: { code: 'BAD_USER_INPUT', argument: 'reason' },
    });
  });

  it('resumes only SUSPENDED projects', () => {
    for (const status of [ProjectStatus.PLANNED, ProjectStatus.IN_PROGRESS, ProjectStatus.COMPLETED]) {
      expect(refusal(() => resume('MP-0001', status))).toEqual({
        message: `Project MP-0001 is ${status}; only a SUSPENDED project can be resumed to IN_PROGRESS.`,
        extensions: { code: 'INVALID_STATE_TRANSITION', status, requested: 'IN_PROGRESS' },
      });
    }
  });
});

describe('checkInspection', () => {
  const inspection = {
    date: '2026-10-15',
    inspector: ' المهندس علي الجبوري ',
    result: InspectionResult.PASSED,
  };

  it('accepts a PASSED inspection without notes, trimming the inspector', () => {
    expect(checkInspection(inspection, TODAY)).toEqual({
      date: '2026-10-15',
      inspector: 'المهندس علي الجبوري',
      result: InspectionResult.PASSED,
      notes: null,
    });
  });

  it('a FAILED inspection needs notes', () => {
    expect(
      refusal(() => checkInspection({ ...inspection, result: InspectionResult.FAILED, notes: ' ' }, TODAY)),
    ).toEqual({
      message: 'A FAILED inspection needs notes saying what failed; give input.notes.',
      extensions: { code: 'BAD_USER_INPUT', argument: 'input.notes' },
    });
  });

  it('refuses a future date and an empty inspector', () => {
    expect(refusal(() => checkInspection({ ...inspection, date: '2026-12-01' }, TODAY))).toEqual({
      message: 'input.date 2026-12-01 is in the future; it may be at most 2026-11-01.',
      extensions: { code: 'BAD_USER_INPUT', argument: 'input.date' },
    });
    expect(refusal(() => checkInspection({ ...inspection, inspector: '' }, TODAY))).toEqual({
      message: 'input.inspector is empty; give the inspecting engineer’s name.',
      extensions: { code: 'BAD_USER_INPUT', argument: 'input.inspector' },
    });
  });
});

describe('isIsoDate', () => {
  it('accepts real dates only', () => {
    expect(['2024-02-29', '2026-11-01'].map(isIsoDate)).toEqual([true, true]);
    expect(['2025-02-29', '2026-13-01', '2026-11-1', '20261101', ''].map(isIsoDate)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
