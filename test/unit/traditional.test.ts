import fc from 'fast-check';
import { ConverterFactory } from 'opencc-js/core';
import { describe, expect, test } from 'vitest';
import { FULL_TRADITIONAL, buildTraditionalTable, trimTraditional } from '../../src/pipeline/traditional-table.ts';
import { traditionalConverter, type TraditionalTable } from '../../src/shared/search/traditional.ts';

const HAN = /\p{Script=Han}/u;
const converter = (table: TraditionalTable | ReadonlyMap<string, string>) =>
  ConverterFactory([table instanceof Map ? [...table] : Object.entries(table)]);
const full = converter(FULL_TRADITIONAL);
const chars = (s: string) => new Set([...s].filter((ch) => HAN.test(ch)));

describe('the Traditional table, trimmed to a corpus', () => {
  // Corpus text → query → what the query becomes.
  test.each([
    ['各级工会开展慰问活动', '慰問', '慰问'],
    ['保持环境干净整洁', '乾淨', '干净'],
    ['乾坤朗朗', '乾坤', '乾坤'],
    ['职工互助保障', '職工互助保障', '职工互助保障'],
    ['为职工送温暖', '為職工送溫暖', '为职工送温暖'],
  ])('corpus %s: %s → %s', async (corpus, query, expected) => {
    const convert = await traditionalConverter(buildTraditionalTable(chars(corpus)));
    expect(convert(query)).toBe(expected);
  });

  test('a corpus keeps only a small part of the table', () => {
    const table = buildTraditionalTable(chars('各级工会开展慰问活动，为困难职工送去温暖'));
    expect(Object.keys(table).length).toBeLessThan(FULL_TRADITIONAL.size / 10);
    // A corpus with no Han characters can be matched by no conversion at all.
    expect(buildTraditionalTable([])).toEqual({});
  });

  test('whenever either conversion of a query could match the corpus, the trimmed one equals the full one (property)', () => {
    const entries = [...FULL_TRADITIONAL];
    const charwise = (s: string) => [...s].map((ch) => FULL_TRADITIONAL.get(ch) ?? ch).join('');
    fc.assert(
      fc.property(
        // A few entries, and a corpus that has the characters of some side of each (its source, its result,
        // its characters converted one by one, or none): the cases where a trimmed table could go wrong.
        fc.array(fc.tuple(fc.constantFrom(...entries), fc.constantFrom('source', 'result', 'charwise', 'none')), { minLength: 1, maxLength: 12 }),
        fc.array(fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 10 }),
        (picked, queryPicks) => {
          const has = new Set<string>();
          for (const [[source, result], side] of picked) {
            const text = side === 'source' ? source : side === 'result' ? result : side === 'charwise' ? charwise(source) : '';
            for (const ch of text) has.add(ch);
          }
          const trimmed = converter(trimTraditional(FULL_TRADITIONAL, (ch) => has.has(ch)));
          const matchable = (s: string) => [...s].every((ch) => !HAN.test(ch) || has.has(ch));
          for (const picks of queryPicks) {
            // Queries run picked sources together, so that longest match can cross from one into the next.
            const q = picks.map((i) => picked[i % picked.length][0][0]).join('');
            const [f, t] = [full(q), trimmed(q)];
            if (matchable(f) || matchable(t)) expect(t, q).toBe(f);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
