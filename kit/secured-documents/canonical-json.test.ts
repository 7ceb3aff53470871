import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops absent fields, so key order never changes the bytes', () => {
    expect(canonicalJson({ b: 1, a: { d: [true, null, 'x'], c: 'ج' }, e: undefined })).toBe(
      '{"a":{"c":"ج","d":[true,null,"x"]},"b":1}',
    );
    expect(canonicalJson({ a: { c: 'ج', d: [true, null, 'x'] }, b: 1 })).toBe(
      canonicalJson({ b: 1, a: { d: [true, null, 'x'], c: 'ج' } }),
    );
  });

  it('escapes strings as JSON does and keeps Arabic text as UTF-8', () => {
    expect(canonicalJson({ t: 'سطر "أول"\nثانٍ' })).toBe('{"t":"سطر \\"أول\\"\\nثانٍ"}');
  });

  it('refuses what JSON cannot carry unambiguously', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow('canonical JSON has no NaN');
    expect(() => canonicalJson({ d: new Date(0) } as never)).toThrow(
      'canonical JSON takes plain objects only',
    );
    expect(() => canonicalJson([undefined] as never)).toThrow('canonical JSON has no undefined');
  });
});
