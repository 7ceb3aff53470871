import { testCaller } from '../../../kit/testing/subgraph-harness';
import { DocumentClassification, DocumentStatus } from '../entities/enums';
import { assertMayRead, readableClassifications } from '../rules/classification.rules';
import { decodeContent, MAX_CONTENT_BYTES, textOf } from '../rules/content.rules';
import { statusAfter } from '../rules/document-status.rules';
import { formatRegisterNumber } from '../rules/register-number.rules';
import { cutoffFor, dueDate } from '../rules/retention.rules';
import { issuanceDates, signedFieldsOf } from '../rules/secured-document.rules';
import { confidentialRead, internalRead, secretRead } from './callers';

describe('documents rules', () => {
  describe('classification', () => {
    it('clears PUBLIC for everyone and each other level by its own scope only', () => {
      expect(readableClassifications([])).toEqual(['PUBLIC']);
      expect(readableClassifications([secretRead])).toEqual(['PUBLIC', 'SECRET']);
      expect(readableClassifications([internalRead, confidentialRead, secretRead])).toEqual([
        'PUBLIC',
        'INTERNAL',
        'CONFIDENTIAL',
        'SECRET',
      ]);
      expect(() =>
        assertMayRead(testCaller([secretRead]), {
          id: 'DOC-1',
          classification: DocumentClassification.INTERNAL,
        }),
      ).toThrow('Document DOC-1 is INTERNAL: reading it needs scope documents.internal:read.');
    });
  });

  describe('status', () => {
    const { ACTIVE, SUSPENDED, REVOKED } = DocumentStatus;
    it.each([
      [ACTIVE, 'SUSPEND', SUSPENDED],
      [SUSPENDED, 'REINSTATE', ACTIVE],
      [ACTIVE, 'REVOKE', REVOKED],
      [SUSPENDED, 'REVOKE', REVOKED],
    ] as const)('%s --%s--> %s', (from, change, to) => {
      expect(statusAfter('DOC-1', from, change)).toBe(to);
    });
    it.each([
      [ACTIVE, 'REINSTATE'],
      [SUSPENDED, 'SUSPEND'],
      [REVOKED, 'REINSTATE'],
      [REVOKED, 'SUSPEND'],
      [REVOKED, 'REVOKE'],
    ] as const)('refuses %s --%s-->', (from, change) => {
      expect(() => statusAfter('DOC-1', from, change)).toThrow(
        /^Document DOC-1 is [A-Z]+; it cannot become [A-Z]+\.$/,
      );
    });
  });

  describe('retention dates', () => {
    it('falls due on the anniversary, never early for 29 February', () => {
      expect(dueDate('2019-05-10', 5)).toBe('2024-05-10');
      expect(dueDate('2016-02-29', 10)).toBe('2026-03-01');
      expect(dueDate('2016-02-29', 4)).toBe('2020-02-29');
    });
    it('inverts dueDate: due exactly when created on or before the cutoff', () => {
      for (const created of ['2016-02-28', '2016-02-29', '2016-03-01', '2015-12-31']) {
        for (const asOf of ['2026-02-28', '2026-03-01', '2028-02-29', '2026-01-01']) {
          for (const years of [1, 4, 10]) {
            expect([created, asOf, years, dueDate(created, years) <= asOf]).toEqual([
              created,
              asOf,
              years,
              created <= cutoffFor(asOf, years),
            ]);
          }
        }
      }
    });
  });

  it('numbers the register per agency and year', () => {
    expect(formatRegisterNumber('NDC', 2026, 123)).toBe('NDC/2026/000123');
    expect(formatRegisterNumber('AMANAT', 2026, 1234567)).toBe('AMANAT/2026/1234567');
  });

  describe('content', () => {
    it('decodes standard base64 up to 1 MiB exactly', () => {
      expect(decodeContent(Buffer.alloc(MAX_CONTENT_BYTES).toString('base64'), 'c')).toHaveLength(
        MAX_CONTENT_BYTES,
      );
      expect(() => decodeContent(Buffer.alloc(MAX_CONTENT_BYTES + 1).toString('base64'), 'c')).toThrow(
        `The content is ${MAX_CONTENT_BYTES + 1} bytes`,
      );
      expect(() => decodeContent('YWJj-_', 'c')).toThrow('c must be non-empty standard base64.');
    });
    it('gives text only for textual media types', () => {
      expect(textOf(Buffer.from('نص'), 'text/plain; charset=utf-8')).toBe('نص');
      expect(textOf(Buffer.from('{}'), 'application/json')).toBe('{}');
      expect(textOf(Buffer.from('%PDF'), 'application/pdf')).toBeNull();
    });
  });

  describe('secured documents', () => {
    it('signs a few short camelCase fields, each once', () => {
      expect(signedFieldsOf([{ name: 'holderName', value: ' زينب ' }])).toEqual({ holderName: 'زينب' });
      expect(() =>
        signedFieldsOf([
          { name: 'a', value: '1' },
          { name: 'a', value: '2' },
        ]),
      ).toThrow('Field "a" is given twice.');
      expect(() => signedFieldsOf([{ name: 'a', value: 'x'.repeat(201) }])).toThrow(
        'Field "a" must have a value of 1 to 200 characters.',
      );
      expect(() =>
        signedFieldsOf(Array.from({ length: 21 }, (_, i) => ({ name: `f${i}`, value: 'v' }))),
      ).toThrow('At most 20 essential fields fit in a QR code; got 21.');
    });
    it('dates an issuance today unless told, never in the future, expiring no earlier than issued', () => {
      expect(issuanceDates(null, null, '2026-11-01')).toEqual({ issuedAt: '2026-11-01', validUntil: null });
      expect(issuanceDates('2026-10-01', '2028-09-30', '2026-11-01')).toEqual({
        issuedAt: '2026-10-01',
        validUntil: '2028-09-30',
      });
      expect(() => issuanceDates('2026-10-01', '2026-09-30', '2026-11-01')).toThrow(
        'input.validUntil 2026-09-30 is before input.issuedAt 2026-10-01.',
      );
      expect(() => issuanceDates('2026-13-01', null, '2026-11-01')).toThrow(
        'input.issuedAt must be a date, YYYY-MM-DD; got "2026-13-01".',
      );
    });
  });
});
