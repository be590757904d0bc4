import { expect, test } from 'vitest';
import fc from 'fast-check';
import { buildHash, parseHash } from '../../src/app/state/hash.ts';

test.each([
  ['', 'search', '', null],
  ['#/search?q=%E4%BA%92%E5%8A%A9%E9%87%91', 'search', '', null],
  ['#/article/000_9544-a5?p=000_9544-a5-p3', 'article', '000_9544-a5', null],
  ['#/timeline?from=2025-01-01&to=2025-12-31', 'timeline', '', null],
  ['#/charts?metric=互助金', 'charts', '', null],
  ['#/nonsense', 'search', '', 'bad-link'],
  ['#/article/%E0%A4%A', 'article', '%E0%A4%A', 'bad-link'],
])('parseHash(%j)', (hash, view, id, notice) => {
  const r = parseHash(hash);
  expect([r.view, r.id, r.notice]).toEqual([view, id, notice]);
});

test('buildHash → parseHash round-trips ids and parameters', () => {
  fc.assert(
    fc.property(fc.string(), fc.string(), (id, q) => {
      const r = parseHash(buildHash('article', { q }, id));
      expect(r.view).toBe('article');
      expect(r.id).toBe(id);
      expect(r.params.get('q') ?? '').toBe(q);
    }),
  );
});

test('parseHash never throws on arbitrary input', () => {
  fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => void parseHash('#' + s)));
});
