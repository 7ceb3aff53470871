import { GraphQLError } from 'graphql';
import { Specialization } from '../entities/contractor.entity';
import { addDays, addYears, todayIso, validityEnd } from '../rules/classification-dates';
import {
  assertCompanyName,
  assertGrade,
  assertReason,
  assertSpecializations,
  nameSearchKey,
} from '../rules/contractor-input.rules';
import { contractorSearchKey, searchKeyOf } from '../rules/search-key';

function thrown(fn: () => unknown): { message: string; extensions: Record<string, unknown> } {
  try {
    fn();
  } catch (error) {
    const e = error as GraphQLError;
    return { message: e.message, extensions: { ...e.extensions } };
  }
  throw new Error('did not throw');
}

describe('classification dates', () => {
  it('adds two years of validity, 29 February landing on 28 February', () => {
    expect(validityEnd('2025-03-14')).toBe('2027-03-14');
    expect(addYears('2024-02-29', 2)).toBe('2026-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2026-11-01', -2)).toBe('2024-11-01');
  });

  it('adds days across months and years', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('writes today as a UTC date', () => {
    expect(todayIso(new Date('2026-05-31T23:30:00-03:00'))).toBe('2026-06-01');
  });
});

describe('search key', () => {
  it('ignores case, hamza forms, taa marbuta, diacritics, tatweel and punctuation', () => {
    expect(searchKeyOf('شركة آشور للإنشاءات')).toBe(searchKeyOf('شركه اشور للانشاءات'));
    expect(searchKeyOf('المُقـاولات العامّة')).toBe('المقاولات العامه');
    expect(searchKeyOf('  Al-Rafidain   GENERAL ')).toBe('al rafidain general');
  });

  it('leaves no LIKE wildcard in a searched text', () => {
    expect(searchKeyOf('50%_off\\')).toBe('50 off');
    expect(contractorSearchKey('شركة أور', 'Ur Co.')).toBe('شركه اور|ur co');
  });
});

describe('contractor input rules', () => {
  it('accepts grades 1 to 10 only', () => {
    expect(assertGrade(1)).toBe(1);
    expect(assertGrade(10)).toBe(10);
    expect(thrown(() => assertGrade(11, 'filter.grade'))).toEqual({
      message: '`filter.grade` must be a whole number from 1 (highest) to 10 (lowest); got 11.',
      extensions: { code: 'BAD_USER_INPUT', argument: 'filter.grade', http: { status: 200 } },
    });
    expect(thrown(() => assertGrade(0)).extensions.code).toBe('BAD_USER_INPUT');
  });

  it('requires a reason, trimmed', () => {
    expect(assertReason('  تأخير  ')).toBe('تأخير');
    expect(thrown(() => assertReason('   ')).message).toBe('`reason` must say why; got an empty reason.');
    expect(thrown(() => assertReason('x'.repeat(1001))).message).toBe(
      '`reason` may be at most 1000 characters; got 1001.',
    );
  });

  it('wants the Arabic name in Arabic letters and the English one in Latin letters', () => {
    expect(assertCompanyName('  شركة   أور ', 'input.name', 'Arabic')).toBe('شركة أور');
    expect(thrown(() => assertCompanyName('Ur Company', 'input.name', 'Arabic')).message).toBe(
      '`input.name` must be the company\'s Arabic name, in Arabic letters, at most 200 characters; got "Ur Company".',
    );
    expect(thrown(() => assertCompanyName('شركة أور', 'input.nameEn', 'English')).extensions.argument).toBe(
      'input.nameEn',
    );
  });

  it('needs at least one specialization and drops repeats', () => {
    expect(assertSpecializations([Specialization.ROADS_BRIDGES, Specialization.ROADS_BRIDGES])).toEqual([
      Specialization.ROADS_BRIDGES,
    ]);
    expect(thrown(() => assertSpecializations([])).message).toBe(
      '`specializations` must name at least one specialization, e.g. BUILDINGS or ROADS_BRIDGES.',
    );
  });

  it('refuses a name search with nothing to search for', () => {
    expect(nameSearchKey('Al-Rafidain')).toBe('al rafidain');
    expect(thrown(() => nameSearchKey('%')).message).toBe(
      '`nameContains` must contain at least one letter or digit of an Arabic or English company name; got "%".',
    );
  });
});
