import { canonicalJson } from './canonical-json';
import { parseQrPayload, QR_PREFIX } from './qr-payload';

/**
 * What a forger presents: a genuine QR payload with some essential fields changed and the
 * original signature kept (e.g. a better grade). For demos and tests only: the store never holds
 * one; `scripts/demo-tampered-payloads.ts` prints them for the seeded records that have one.
 */
export function tamperedCopy(genuinePayload: string, fieldChanges: Readonly<Record<string, string>>): string {
  const read = parseQrPayload(genuinePayload);
  if (!read.ok) throw new Error(`tamperedCopy needs a genuine payload: ${read.problem}`);
  const fields = { ...(read.signed.fields as Record<string, string>), ...fieldChanges };
  const json = canonicalJson({ ...read.signed, fields, sig: read.signature } as never);
  return QR_PREFIX + Buffer.from(json, 'utf8').toString('base64url');
}

/** A forged grade: the presented copy's average, raised so the forgery is worth making. */
export function forgedGrade(genuine: string): string {
  const raised = Math.min(99.5, Number(genuine) + 12.5);
  return raised.toFixed(1);
}
