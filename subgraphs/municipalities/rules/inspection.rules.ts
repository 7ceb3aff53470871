import { urError } from '../../../kit/errors/ur-error';
import { InspectionResult } from '../entities/inspection.entity';
import { assertIsoDate, assertNotFuture } from './dates';

export interface InspectionRequest {
  readonly date: string;
  readonly inspector: string;
  readonly result: InspectionResult;
  readonly notes?: string | null;
}

/** An inspection as it will be stored: a real date not after `today`, a named inspector, notes for FAILED. */
export function checkInspection(request: InspectionRequest, today: string): InspectionRequest {
  assertIsoDate(request.date, 'input.date');
  assertNotFuture(request.date, today, 'input.date');
  const inspector = request.inspector.trim();
  if (!inspector) {
    throw urError('BAD_USER_INPUT', 'input.inspector is empty; give the inspecting engineer’s name.', {
      argument: 'input.inspector',
    });
  }
  const notes = request.notes?.trim() || null;
  if (request.result === InspectionResult.FAILED && !notes) {
    throw urError('BAD_USER_INPUT', 'A FAILED inspection needs notes saying what failed; give input.notes.', {
      argument: 'input.notes',
    });
  }
  return { date: request.date, inspector, result: request.result, notes };
}
