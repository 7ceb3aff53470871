import { makeTestTrust } from './test-fixtures';
import { parseTrustList, renderTrustListJson } from './trust-list-json';
import type { TrustList } from './trust-list';

const { trustList } = makeTestTrust();

describe('static trust-list JSON', () => {
  it('renders the same bytes whatever the order of issuers, keys and revocations, and reads back', () => {
    const shuffled: TrustList = {
      ...trustList,
      issuers: [...trustList.issuers].reverse().map((i) => ({ ...i, keys: [...i.keys].reverse() })),
      revocations: [...trustList.revocations].reverse(),
    };
    const json = renderTrustListJson(trustList);
    expect(renderTrustListJson(shuffled)).toBe(json);
    const [university, mayoralty] = trustList.issuers;
    expect(parseTrustList(JSON.parse(json))).toEqual({ ...trustList, issuers: [mayoralty, university] });
    expect(json.indexOf('"AMANAT"')).toBeLessThan(json.indexOf('"UNI-01"'));
  });

  it('carries public keys only', () => {
    expect(renderTrustListJson(trustList)).not.toMatch(/"privateKey"|BEGIN/);
  });

  it('names the first problem of an unusable list', () => {
    const broken = JSON.parse(renderTrustListJson(trustList));
    expect(() => parseTrustList({ ...broken, format: 'x' })).toThrow(
      'not a ur-trust-list version 1 document',
    );
    broken.issuers[1].keys[0].publicKey = 'c2hvcnQ=';
    expect(() => parseTrustList(broken)).toThrow(
      'issuers[1].keys[0].publicKey must be a 32-byte key in base64',
    );
    broken.issuers[0].keys[0].validUntil = 'soon';
    expect(() => parseTrustList(broken)).toThrow(
      'issuers[0].keys[0].validUntil must be an ISO 8601 instant or null',
    );
  });
});
