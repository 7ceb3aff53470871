import { urError } from '../errors/ur-error';

/**
 * National ID numbers of the unified national card: 12 digits, not starting with 0, the last a
 * Luhn check digit over the first 11 (this project's validation rule; it catches every single
 * mistyped digit and most swapped pairs before a lookup is made).
 */
const SHAPE = /^[1-9]\d{11}$/;

export function luhnCheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = body.charCodeAt(body.length - 1 - i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export function isValidNationalId(value: string): boolean {
  return SHAPE.test(value) && luhnCheckDigit(value.slice(0, 11)) === value.charCodeAt(11) - 48;
}

/** Throws INVALID_NATIONAL_ID naming the argument and the rule, so the caller can fix it. */
export function assertNationalId(value: string, argument = 'nationalId'): string {
  if (!isValidNationalId(value)) {
    const why = SHAPE.test(value) ? 'its check digit is wrong' : 'it must be 12 digits, not starting with 0';
    throw urError('INVALID_NATIONAL_ID', `"${value}" is not a valid national ID: ${why}.`, { argument });
  }
  return value;
}
