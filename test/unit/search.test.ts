import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { containsWhole, seedSearchDocs, type EvalQuery } from '../../scripts/search-eval.ts';
import { forEachIndexTerm, lookupsOf, normalizeByCodePoint, normalizeForSearch, normalizeWithOffsets } from '../../src/shared/search-config.ts';
import { SearchEngine, type SearchDoc, type SearchResult } from '../../src/shared/search.ts';
import { engineOfDocs, memorySource } from '../../src/pipeline/search-source.ts';
import { keyTerm, scanIndexTerms, sortPostings } from '../../src/pipeline/search-index.ts';
import { IndexChunk, encodeChunk } from '../../src/shared/search/postings.ts';

const docs = seedSearchDocs();
const textOf = new Map(docs.map((d) => [d.id, normalizeForSearch(d.text)]));
let engine: SearchEngine;
let built: Awaited<ReturnType<typeof engineOfDocs>>;

beforeAll(async () => {
  // Several shards and the compressed chunks, as a bundle ships them.
  built = await engineOfDocs(docs, 4);
  engine = built.engine;
});

const ALL = docs.length;
const ids = (r: SearchResult) => r.hits.map((h) => h.paragraph).sort();
/** Paragraph ids containing every needle (numbers and words whole), by brute force. */
const expected = (...needles: string[]) =>
  docs.filter((d) => needles.every((n) => containsWhole(textOf.get(d.id)!, normalizeForSearch(n)))).map((d) => d.id).sort();

async function engineOf(paragraphs: Partial<SearchDoc>[]): Promise<SearchEngine> {
  const list = paragraphs.map((p, i) => ({ id: `d${i}`, article: `a${i}`, kind: 'body' as const, date: null, title: `t${i}`, text: '', ...p }));
  return (await engineOfDocs(list)).engine;
}

describe('words', () => {
  test.each([
    ['互助金'],
    ['送温暖'],
    ['慰问'],
    ['荆门'],
    ['奥尔西'], // split by a column break in the source
    ['针对民营企业'], // split by a column break and two photo captions
    ['外商投资产业目录'], // split by a column break and a photo caption
  ])('%s finds exactly the paragraphs containing it', async (q) => {
    const want = expected(q);
    expect(want.length).toBeGreaterThan(0);
    expect(ids(await engine.search(q, { limit: ALL }))).toEqual(want);
  });
});

describe('numbers match whole', () => {
  test.each([
    ['1700', '170'],
    ['170', '1700'],
  ])('%s does not match a paragraph that only has %s', async (q, other) => {
    const hits = ids(await engine.search(q, { limit: ALL }));
    const onlyOther = expected(other).filter((id) => !expected(q).includes(id));
    expect(onlyOther.length).toBeGreaterThan(0);
    for (const id of onlyOther) expect(hits).not.toContain(id);
    expect(hits).toEqual(expected(q));
  });

  test.each([['1618.59'], ['12351'], ['2907.5']])('%s matches as written', async (q) => {
    const r = await engine.search(q, { limit: ALL });
    expect(r.total).toBeGreaterThan(0);
    expect(ids(r)).toEqual(expected(q));
    expect(r.hits[0].snippet).toContain(`<mark>${q}</mark>`);
  });

  test.each([
    ['2907', '2907.5 is another number'],
    ['907.5', 'starts inside 2907.5'],
  ])('%s finds nothing (%s)', async (q) => {
    expect((await engine.search(q)).total).toBe(expected(q).length);
  });
});

describe('query language', () => {
  test('several words must all match, in any order', async () => {
    const both = expected('互助金', '荆门');
    expect(both.length).toBeGreaterThan(0);
    expect(both.length).toBeLessThan(expected('互助金').length);
    expect(ids(await engine.search('互助金 荆门', { limit: ALL }))).toEqual(both);
    expect(ids(await engine.search('荆门　互助金', { limit: ALL }))).toEqual(both); // ideographic space
  });

  test.each([['"职工 互助"'], ['“职工 互助”']])('a quoted phrase %s is matched exactly, space included', async (q) => {
    expect((await engine.search(q)).total).toBe(expected('职工 互助').length);
    expect((await engine.search('职工 互助')).total).toBe(expected('职工', '互助').length);
    expect(expected('职工', '互助').length).toBeGreaterThan(expected('职工 互助').length);
  });

  test('quotes around one word change nothing', async () => {
    expect(ids(await engine.search('“互助金”', { limit: ALL }))).toEqual(expected('互助金'));
  });

  test.each([
    ['職工互助保障', '职工互助保障'],
    ['慰問', '慰问'],
  ])('Traditional %s finds %s', async (q, simplified) => {
    const r = await engine.search(q, { limit: ALL });
    expect(expected(simplified).length).toBeGreaterThan(0);
    expect(ids(r)).toEqual(expected(simplified));
    expect(r.notice).toContain(simplified);
    expect(r.query.via).toBe('traditional');
  });

  test.each([
    ['huzhujin', '互助金'],
    ['songwennuan', '送温暖'],
    ['hu zhu jin', '互助金'],
    ["song'wen'nuan", '送温暖'],
  ])('pinyin %s finds %s', async (q, han) => {
    const r = await engine.search(q, { limit: ALL });
    expect(ids(r)).toEqual(expected(han));
    expect(r.notice).toBe(`pinyin: ${han}`);
  });

  test.each([
    ['１２３５１', '12351'],
    ['（新华社发）', '(新华社发)'],
  ])('full-width %s is searched as %s', async (q, half) => {
    expect(expected(half).length).toBeGreaterThan(0);
    expect(ids(await engine.search(q, { limit: ALL }))).toEqual(expected(half));
  });

  test.each([[''], ['   '], ['""']])('empty query %j returns nothing', async (q) => {
    expect((await engine.search(q)).total).toBe(0);
  });
});

describe('normalisation of the page text', () => {
  test.each([
    ['互助\u200b金', '互助金'],
    ['互助\u00a0金', '互助金'],
    ['APEC\u200d会议', 'apec会议'],
    ['ＡＰＥＣ会议', 'APEC'],
  ])('text %j is found by %s', async (text, q) => {
    const e = await engineOf([{ text: `今年${text}发放到位。` }, { text: '无关段落。' }]);
    const r = await e.search(q);
    expect(r.total).toBe(1);
    expect(r.hits[0].snippet).toContain('<mark>');
  });
});

describe('normalisation fast path', () => {
  const pieces = ['中', '国', ' ', '  ', '\t', '\n', '\u3000', 'Ａ', '１', '，', '㈠', '½', 'İ', '𠀀', 'a', 'B', '7', '.', '¨', 'ﬁ', '\u2003', '\u200b', '\u00a0', '\ufeff', '\ud800', '\udc00'];
  const text = fc.array(fc.constantFrom(...pieces), { maxLength: 16 }).map((a) => a.join(''));

  test('equals the per-code-point definition, and offsets map back into the source', async () => {
    fc.assert(
      fc.property(text, (source) => {
        const { text: out, offsets } = normalizeWithOffsets(source);
        expect(out).toBe(normalizeByCodePoint(source));
        if (!offsets) expect(out.length).toBe(source.length);
        else {
          expect(offsets.length).toBe(out.length + 1);
          expect(offsets[out.length]).toBe(source.length);
          for (let i = 1; i < offsets.length; i++) expect(offsets[i]).toBeGreaterThanOrEqual(offsets[i - 1]);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('snippets escape the source text', () => {
  const hostile = '<img src=x onerror=alert(1)>';

  test('markup inside a paragraph comes out as text', async () => {
    const e = await engineOf([{ text: `说明${hostile}互助金发放` }]);
    const snippet = await (await e.search('互助金')).hits[0].snippet;
    expect(snippet).not.toContain('<img');
    expect(snippet).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  });

  test('a hostile query finds the paragraph and marks it escaped', async () => {
    const e = await engineOf([{ text: `说明${hostile}互助金发放` }, { text: '无关段落' }]);
    const r = await e.search(`"${hostile}"`);
    expect(r.total).toBe(1);
    expect(r.hits[0].snippet).toContain('<mark>&lt;img src=x onerror=alert(1)&gt;</mark>');
  });

  test('a hostile query on the seeds returns no markup', async () => {
    const r = await engine.search(hostile);
    for (const h of r.hits) expect(h.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
    expect(r.query.raw).toBe(hostile);
  });

  test('long paragraphs are cut around the first match with …', async () => {
    const text = '甲'.repeat(100) + '互助金' + '乙'.repeat(100);
    const snippet = (await (await engineOf([{ text }])).search('互助金')).hits[0].snippet;
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet.replace(/<\/?mark>|…/g, '').length).toBeLessThanOrEqual(42);
  });
});

describe('ranking and facets', () => {
  const paragraphs: Partial<SearchDoc>[] = [
    { kind: 'body', date: '2021-01-01', text: '本市发放互助金给职工。' },
    { kind: 'title', date: '2020-01-01', text: '本市发放互助金给职工。' },
    { kind: 'body', date: '2022-01-01', text: '本市发放互助金给职工。' },
    { kind: 'body', date: '2023-01-01', text: '互助的资金和职工的金额。' },
  ];

  test('title above body, then newer pages first', async () => {
    const r = await (await engineOf(paragraphs)).search('互助金');
    expect(r.hits.map((h) => h.paragraph)).toEqual(['d1', 'd2', 'd0']);
  });

  test('at equal scores: newer pages first, then source order, undated pages last', async () => {
    const same = '本市发放互助金给职工。';
    const e = await engineOf([
      { date: null, text: same },
      { date: '2021-05-01', text: same },
      { date: '2022-01-01', text: same },
      { date: '2021-05-01', text: same },
    ]);
    expect((await e.search('互助金')).hits.map((h) => h.paragraph)).toEqual(['d2', 'd1', 'd3', 'd0']);
  });

  test('words as one exact phrase rank above the same words scattered', async () => {
    const e = await engineOf([
      { date: '2023-01-01', text: '职工代表谈互助，金额另计。' },
      { date: '2020-01-01', text: '职工代表谈互助金。' },
    ]);
    expect((await e.search('互助 金')).hits.map((h) => h.paragraph)).toEqual(['d1', 'd0']);
  });

  test('a small limit gives the head of the full ranking (the scan may stop early)', async () => {
    for (const q of ['互助', '职工', '的', '工会', '2021', '困难 职工']) {
      const full = await engine.search(q, { limit: ALL });
      for (const limit of [1, 3, 10]) {
        const r = await engine.search(q, { limit });
        expect(r.total, q).toBe(full.total);
        expect(r.articles, q).toBe(full.articles);
        expect(r.hits.map((h) => h.paragraph), `${q} @${limit}`).toEqual(full.hits.slice(0, limit).map((h) => h.paragraph));
        expect(r.groups, `${q} @${limit}`).toEqual(full.groups.slice(0, limit));
      }
    }
  });

  test('the early stop agrees with the full ranking on many articles, kinds and dates', async () => {
    const kinds = ['title', 'subhead', 'lead', 'body', 'byline', 'caption'] as const;
    const filler = '本报讯职工代表大会召开会议研究部署今年工作';
    const paragraphs: Partial<SearchDoc>[] = Array.from({ length: 400 }, (_, i) => {
      const at = (i * 7) % 60;
      const times = 1 + (i % 5);
      const body = filler.repeat(4).slice(0, at) + '互助金'.repeat(times) + filler.slice(0, (i * 3) % 20);
      return { id: `p${i}`, article: `a${i % 90}`, kind: kinds[(i * 5) % kinds.length], date: `202${i % 4}-0${1 + (i % 9)}-1${i % 10}`, text: i % 3 ? body : filler };
    });
    const e = await engineOf(paragraphs);
    const full = await e.search('互助金', { limit: 1000 });
    expect(full.total).toBeGreaterThan(200);
    for (const limit of [1, 5, 20, 50]) {
      const r = await e.search('互助金', { limit });
      expect(r.total).toBe(full.total);
      expect(r.hits.map((h) => h.paragraph)).toEqual(full.hits.slice(0, limit).map((h) => h.paragraph));
      expect(r.groups).toEqual(full.groups.slice(0, limit));
    }
  });

  test('groups hits by article with counts', async () => {
    const r = await (await engineOf(paragraphs.map((p) => ({ ...p, article: 'same' })))).search('互助金');
    expect(r.total).toBe(3);
    expect(r.articles).toBe(1);
    expect(r.groups).toHaveLength(1);
    // One article has one page date (its first paragraph's here), so source order decides among equals.
    expect(r.groups[0].hits.map((h) => h.paragraph)).toEqual(['d1', 'd0', 'd2']);
  });

  test.each([
    [{ kinds: ['title' as const] }, ['d1']],
    [{ from: '2021-06-01' }, ['d2']],
    [{ to: '2021-01-01' }, ['d1', 'd0']],
    [{ from: '2020-01-01', to: '2021-12-31', kinds: ['body' as const] }, ['d0']],
  ])('facets %j', async (opts, want) => {
    expect((await (await engineOf(paragraphs)).search('互助金', opts)).hits.map((h) => h.paragraph)).toEqual(want);
  });
});

describe('index chunks and shards', () => {
  const queries = (JSON.parse(readFileSync(new URL('../fixtures/queries.json', import.meta.url), 'utf8')) as EvalQuery[]).map((q) => q.q);

  test('one shard or many, small chunks or one: the same answers', async () => {
    const single = (await engineOfDocs(docs, 1)).engine;
    const many = (await engineOfDocs(docs, 9)).engine;
    for (const q of queries) {
      const want = await single.search(q, { limit: ALL });
      expect(await many.search(q, { limit: ALL }), q).toEqual(want);
      expect(await engine.search(q, { limit: ALL }), q).toEqual(want);
    }
  });

  test('the seeds index is split into several term-range chunks, each read only when needed', async () => {
    const chunks = [...built.files.keys()].filter((f) => f.endsWith('.bin'));
    expect(chunks.length).toBeGreaterThan(1);
    const read: string[] = [];
    const source = memorySource(built.files);
    const counting = { ...source, bytes: (file: string) => (read.push(file), source.bytes(file)) };
    const fresh = await SearchEngine.open(counting);
    expect(read).toEqual([]);
    await fresh.search('互助金');
    expect(read.length).toBeGreaterThan(0);
    expect(read.length).toBeLessThan(chunks.length);
  });

  test('every non-space character is indexed once, and a query term looks up what the index holds', () => {
    for (const d of docs) {
      const text = normalizeForSearch(d.text);
      let n = 0;
      forEachIndexTerm(text, (term, at) => {
        expect(text.startsWith(term, at)).toBe(true);
        n++;
      });
      expect(n).toBeGreaterThan(0);
    }
    expect(lookupsOf('互助金')).toEqual([
      { term: '互助', prefix: false, at: 0 },
      { term: '助金', prefix: false, at: 1 },
    ]);
    expect(lookupsOf('中')).toEqual([{ term: '中', prefix: true, at: 0 }]);
    expect(lookupsOf('10万')).toEqual([
      { term: '10', prefix: false, at: 0 },
      { term: '万', prefix: true, at: 2 },
    ]);
  });

  test('two Han characters are exactly one index term (the pinyin beam counts them from its list alone)', () => {
    const han = fc.oneof(
      fc.integer({ min: 0x4e00, max: 0x9fff }),
      fc.integer({ min: 0x20000, max: 0x2a6df }), // astral: two code units each
    ).map((code) => String.fromCodePoint(code));
    fc.assert(
      fc.property(han, han, (a, b) => {
        expect(lookupsOf(a + b)).toEqual([{ term: a + b, prefix: false, at: 0 }]);
      }),
      { numRuns: 500 },
    );
  });

  test('a bundle that does not match this code, or its shards, fails loudly', async () => {
    const source = memorySource(built.files);
    await expect(SearchEngine.open({ ...source, files: { ...source.files, config: 'other' } })).rejects.toThrow(/config/);
    const wrong = await SearchEngine.open({ ...source, shard: async () => [] });
    await expect(wrong.search('互助金')).rejects.toThrow(/does not match/);
  });
});

describe('the index builder', () => {
  const collect = (text: string) => {
    const fast: [string, number][] = [];
    scanIndexTerms(text, (key, at) => fast.push([keyTerm(key), at]), (term, at) => fast.push([term, at]));
    const slow: [string, number][] = [];
    forEachIndexTerm(text, (term, at) => slow.push([term, at]));
    return { fast, slow };
  };

  test.each([['互助金,10万元。'], ['COVID-19 疫情 3.5%'], ['职工 互助'], ['𠮷野家的饭'], ['2907.5.1'], ['']])('its fast scanner finds the terms of the definition in %j', (text) => {
    const { fast, slow } = collect(normalizeForSearch(text));
    expect(fast).toEqual(slow);
  });

  test('property: the fast scanner agrees with the definition on any normalised text', () => {
    const pieces = fc.constantFrom('互', '助', '金', '〇', '㐀', '𠮷', 'a', 'Z', 'é', '1', '0', '.', ',', '，', ' ', '-', '%', 'ー', '\u0301');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
        const { fast, slow } = collect(normalizeForSearch(parts.join('')));
        expect(fast).toEqual(slow);
      }),
      { numRuns: 500 },
    );
  });

  test('property: a chunk directory (front-coded terms, astral characters too) reads back as written', () => {
    const term = fc.array(fc.constantFrom('互', '助', '金', '𠮷', '𠮷野', 'a', '10', '，'), { minLength: 1, maxLength: 3 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.uniqueArray(term, { minLength: 1, maxLength: 30 }), (list) => {
        const terms = [...list].sort();
        const lengths = terms.map((_, i) => i % 3);
        const body = new Uint8Array(lengths.reduce((n, l) => n + l, 0));
        const chunk = new IndexChunk(encodeChunk(terms, lengths, body));
        expect(chunk.terms).toEqual(terms);
      }),
    );
  });

  test('sortPostings orders postings by key and keeps equal keys in their first order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2 ** 30 - 1 }), { maxLength: 200 }), (list) => {
        // Paragraph and position stand in for the original order, so stability shows.
        const postings = list.map((key, i) => [key, i, 3 * i]);
        const sorted = sortPostings({
          keys: Int32Array.from(list),
          paragraphs: Int32Array.from(postings, (p) => p[1]),
          positions: Int32Array.from(postings, (p) => p[2]),
          count: list.length,
        });
        const got = Array.from(sorted.keys, (key, k) => [key, sorted.paragraphs[k], sorted.positions[k]]);
        expect(got).toEqual([...postings].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
      }),
    );
  });
});

describe('property: substring recall and precision', () => {
  /** Substrings a reader could type as one word: no spaces or quote marks (those are query syntax). */
  const corpus = docs.map((d) => textOf.get(d.id)!);
  const substring = fc
    .tuple(fc.nat({ max: corpus.length - 1 }), fc.nat(), fc.integer({ min: 2, max: 6 }))
    .map(([i, start, length]) => {
      const text = corpus[i];
      const at = start % Math.max(1, text.length - length);
      return text.slice(at, at + length);
    })
    .filter((s) => s.length >= 2 && !/[\s"“”「」『』＂]/.test(s));

  test('search returns every paragraph containing the substring, and only those', async () => {
    await fc.assert(
      fc.asyncProperty(substring, async (s) => {
        expect(ids(await engine.search(s, { limit: ALL }))).toEqual(expected(s));
      }),
      { numRuns: 500 },
    );
  });
});
