import { generateSigningKeyPair, signEd25519 } from './ed25519';
import { CROCKFORD, parseVerificationCode, verificationCodeOf } from './verification-code';

const signature = signEd25519(generateSigningKeyPair().privateKey, Buffer.from('statement'));
const code = verificationCodeOf(signature);

describe('verification codes', () => {
  it('are 10 Crockford characters grouped XXXX-XXXX-XX, and the same for the same signature', () => {
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{2}$/);
    expect(verificationCodeOf(signature)).toBe(code);
  });

  it('read what a person types: any case, spaces or no hyphens, O for 0 and I or L for 1', () => {
    expect(parseVerificationCode(code)).toEqual({ ok: true, code });
    expect(parseVerificationCode(` ${code.toLowerCase().replace(/-/g, ' ')} `)).toEqual({ ok: true, code });
    const withLookalikes = code.replace(/0/g, 'O').replace(/1/g, 'l');
    expect(parseVerificationCode(withLookalikes)).toEqual({ ok: true, code });
  });

  it('catch every single mistyped character by the check character', () => {
    const compact = code.replace(/-/g, '');
    for (let i = 0; i < compact.length; i++) {
      for (const ch of CROCKFORD) {
        if (ch === compact[i]) continue;
        const typo = compact.slice(0, i) + ch + compact.slice(i + 1);
        expect(parseVerificationCode(typo)).toEqual({
          ok: false,
          problem: `"${typo}" is not a verification code: its check character does not match, so it was probably mistyped.`,
        });
      }
    }
  });

  it('say what a code looks like when the text cannot be one', () => {
    for (const text of ['', 'ABC', 'ABCD-EFGH-JKM', 'ABCD-EFGH-U1']) {
      expect(parseVerificationCode(text)).toEqual({
        ok: false,
        problem: `"${text}" is not a verification code: a verification code is 10 characters such as 7KQ3-M9XD-2F (digits and letters, no I, L, O or U).`,
      });
    }
  });
});
