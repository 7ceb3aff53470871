import { jsonBytes } from './json-bytes';

const same = (value: unknown) => expect(jsonBytes(value, '\n').toString()).toBe(`${JSON.stringify(value)}\n`);

describe('jsonBytes', () => {
  it('writes what JSON.stringify writes for small answers', () => {
    same({ data: { me: { id: '1', name: 'علي حسن', username: null } } });
    same({ data: null, errors: [{ message: 'x', extensions: { code: 'FORBIDDEN_FIELD' } }] });
    same({ data: { a: [1, 2, 3], b: true, c: 1.5, d: '"quoted"\u2028' } });
  });

  it('writes long lists an item at a time with the same bytes, nested lists and objects included', () => {
    const items = Array.from({ length: 40 }, (_, i) => ({
      id: String(i),
      name: `بغداد ${i}`,
      tags: Array.from({ length: 20 }, (_x, j) => j),
      owner: i % 3 ? { id: `o${i}`, grades: [{ at: new Date(0) }] } : null,
      missing: undefined,
    }));
    same({ data: { items, more: [items, items.slice(0, 17)] }, extensions: { requestId: 'r' } });
  });

  it('follows JSON.stringify for what has no JSON: dropped in objects, null in lists', () => {
    const list: unknown[] = Array.from({ length: 20 }, () => 1);
    list[3] = undefined;
    list[4] = () => 1;
    same({ data: { list, gone: undefined, fn: () => 1, nested: { x: undefined, y: list } } });
  });

  it('keeps keys that name Object.prototype members as plain keys', () => {
    const data = JSON.parse('{"__proto__":{"a":1},"constructor":[1,2],"list":[]}') as unknown;
    same({ data: { wrap: data, long: Array.from({ length: 30 }, () => data) } });
  });

  it('encodes a list long enough to fill several chunks', () => {
    const body = 'x'.repeat(1000);
    same({ data: { reviews: Array.from({ length: 200 }, (_, i) => ({ i, body })) } });
  });
});
