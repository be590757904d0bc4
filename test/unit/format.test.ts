import { expect, test } from 'vitest';
import { formatDate, formatNumber } from '../../src/app/lib/format.ts';
import { highlightRuns, snippetRuns } from '../../src/app/lib/snippet.ts';

test.each([
  ['2026-01-26', 'zh', '2026年1月26日'],
  ['2026-01-26', 'en', '26 Jan 2026'],
  ['2025-06', 'zh', '2025年6月'],
  ['2025', 'en', '2025'],
] as const)('formatDate(%s, %s) = %s', (iso, lang, expected) => {
  expect(formatDate(iso, lang)).toBe(expected);
});

test.each([
  [1857000, 'zh', false, '185.7万'],
  [1857000, 'en', false, '1.857 million'],
  [170000000000, 'zh', false, '1700亿'],
  [3819.24, 'zh', false, '3819.24'],
  [29075000, 'zh', true, '29,075,000'],
] as const)('formatNumber(%d, %s, plain=%s) = %s', (n, lang, plain, expected) => {
  expect(formatNumber(n, lang, plain)).toBe(expected);
});

test('snippet markup becomes text runs: escaped source text stays text', () => {
  expect(snippetRuns('…&lt;img src=x onerror=alert(1)&gt;<mark>互助金</mark>到账')).toEqual([
    { text: '…<img src=x onerror=alert(1)>', mark: false },
    { text: '互助金', mark: true },
    { text: '到账', mark: false },
  ]);
});

test('highlightRuns marks every occurrence, longest term first', () => {
  expect(highlightRuns('互助金和互助保障', ['互助', '互助金'])).toEqual([
    { text: '互助金', mark: true },
    { text: '和', mark: false },
    { text: '互助', mark: true },
    { text: '保障', mark: false },
  ]);
});
