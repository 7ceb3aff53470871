import { createHash } from 'node:crypto';

/**
 * The short code printed on a secured document, for a person to type into the /verify page
 * or give over the phone: 10 characters in groups, `7KQ3-M9XD-2F`.
 *
 * - Crockford base32 (digits and capitals without I, L, O, U): no letters that look like digits,
 *   case does not matter, and the usual misreadings (O for 0, I or L for 1) are read as meant.
 * - 9 characters carry 45 bits taken from SHA-256 of the signature, so the code is a fingerprint
 *   of the signature: the code printed on the paper and the QR code beside it must agree, which
 *   an offline verifier can check, and a code cannot be guessed from the document's fields.
 * - The 10th is a check character (Luhn mod 32): every single mistyped character and almost every
 *   swap of two neighbours is caught before any lookup, and reported as a typing mistake.
 */
export const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BASE = CROCKFORD.length;
const DATA_CHARS = 9;
const CODE_CHARS = DATA_CHARS + 1;

/** Luhn mod N (N = 32) over code points in the Crockford alphabet. */
function luhnSum(values: readonly number[], doubleFirstFromRight: boolean): number {
  let sum = 0;
  let double = doubleFirstFromRight;
  for (let i = values.length - 1; i >= 0; i--) {
    let addend = (values[i] as number) * (double ? 2 : 1);
    addend = Math.floor(addend / BASE) + (addend % BASE);
    sum += addend;
    double = !double;
  }
  return sum % BASE;
}

function checkValue(data: readonly number[]): number {
  return (BASE - luhnSum(data, true)) % BASE;
}

/** `XXXXXXXXXX` → `XXXX-XXXX-XX`. */
export function formatVerificationCode(compact: string): string {
  return `${compact.slice(0, 4)}-${compact.slice(4, 8)}-${compact.slice(8)}`;
}

/** The code of a signature (base64url), formatted. */
export function verificationCodeOf(signature: string): string {
  const digest = createHash('sha256').update(Buffer.from(signature, 'base64url')).digest();
  // The first 45 bits of the digest, five at a time.
  let bits = 0n;
  for (let i = 0; i < 6; i++) bits = (bits << 8n) | BigInt(digest[i] as number);
  bits >>= 3n; // 48 → 45 bits
  const values: number[] = [];
  for (let i = DATA_CHARS - 1; i >= 0; i--) values.push(Number((bits >> BigInt(5 * i)) & 31n));
  values.push(checkValue(values));
  return formatVerificationCode(values.map((v) => CROCKFORD[v]).join(''));
}

export type ParsedCode =
  { readonly ok: true; readonly code: string } | { readonly ok: false; readonly problem: string };

const EXPECTED =
  'a verification code is 10 characters such as 7KQ3-M9XD-2F (digits and letters, no I, L, O or U)';

/**
 * Reads what a person typed: any case, with or without hyphens and spaces, O for 0 and I or L
 * for 1. Answers the code in its printed form, or why the text cannot be one.
 */
export function parseVerificationCode(input: string): ParsedCode {
  const compact = input.trim().toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (compact.length !== CODE_CHARS) {
    return { ok: false, problem: `"${input}" is not a verification code: ${EXPECTED}.` };
  }
  const values: number[] = [];
  for (const ch of compact) {
    const v = CROCKFORD.indexOf(ch);
    if (v < 0) return { ok: false, problem: `"${input}" is not a verification code: ${EXPECTED}.` };
    values.push(v);
  }
  if (luhnSum(values, false) !== 0) {
    return {
      ok: false,
      problem: `"${input}" is not a verification code: its check character does not match, so it was probably mistyped.`,
    };
  }
  return { ok: true, code: formatVerificationCode(compact) };
}
