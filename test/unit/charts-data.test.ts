import { expect, test } from 'vitest';
import fc from 'fast-check';
import type { Figure } from '../../src/shared/types.ts';
import {
  caseRows,
  dateSortKey,
  defaultMetric,
  periodOf,
  personIn,
  regionBars,
  seriesByRegion,
  sortByColumn,
  sortRows,
  textWidth,
  timePoints,
  truncateToWidth,
  unpairedCaseFigures,
  type TableColumn,
} from '../../src/app/charts/chart-data.ts';
import { chartParams, readChartState } from '../../src/app/charts/chart-state.ts';
import { formatFigure, formatShare, formatTimeTick, unitLabel } from '../../src/app/lib/format.ts';

/** A figure with the fields a test cares about; the rest filled in plausibly. */
function fig(id: string, over: Partial<Figure> = {}): Figure {
  return {
    id,
    article: 'a5',
    paragraph: 'a5-p1',
    text: '1万元',
    value: 10000,
    unit: '元',
    qualifier: 'exact',
    kind: 'money',
    metric: '参保人次',
    region: '湖北',
    sentence: '…',
    offset: 0,
    length: 3,
    ...over,
  };
}
const pageDates = new Map([
  ['a5', '2026-01-26'],
  ['b2', '2021-02-09'],
  ['nodate', null],
]);

/* ---------- periods ---------- */

test.each([
  ['2025', '2025-01-01', '2026-01-01'],
  ['2025-06', '2025-06-01', '2025-07-01'],
  ['2025-12', '2025-12-01', '2026-01-01'],
  ['2025-12-31', '2025-12-31', '2026-01-01'],
])('periodOf(%s) = [%s, %s)', (iso, from, to) => {
  expect(periodOf(iso)).toEqual([Date.parse(from), Date.parse(to)]);
});

test.each([[null], [''], ['2025年'], ['25-01-01'], ['2025-1']])('periodOf(%j) is null', (iso) => {
  expect(periodOf(iso)).toBeNull();
});

test('dateSortKey puts a year after its January and before its 31 December', () => {
  const keys = ['2025-01', '2025', '2025-12-31'].map((d) => dateSortKey(d)!);
  expect([...keys].sort((a, b) => a - b)).toEqual(keys);
});

/* ---------- (1) regions: aggregation ---------- */

// The Hubei insured person-times of the seeds: one province reported twice, two prefectures once.
const insured = [
  fig('a5-f3', { value: 1_700_000, region: '湖北', date: '2025-01', text: '170万人次', unit: '人次' }),
  fig('a5-f5', { value: 1_857_000, region: '湖北', date: '2025-12-31', text: '185.7万人次', unit: '人次' }),
  fig('a5-f18', { value: 160_000, region: '荆门市', date: '2025', qualifier: 'more_than', unit: '人次' }),
  fig('a5-f22', { value: 330_000, region: '恩施州', date: '2025', qualifier: 'more_than', unit: '人次' }),
  fig('a5-f99', { value: 5, region: '湖北', unit: '家' }), // another unit: never on this axis
];

test.each([
  ['latest', '', [['湖北', 1_857_000, 2], ['恩施州', 330_000, 1], ['荆门市', 160_000, 1]]],
  ['all', '', [['湖北', 1_857_000, 2], ['湖北', 1_700_000, 2], ['恩施州', 330_000, 1], ['荆门市', 160_000, 1]]],
  ['latest', '湖北', [['湖北', 1_857_000, 2]]],
  ['all', '湖北', [['湖北', 1_857_000, 2], ['湖北', 1_700_000, 2]]],
  ['latest', '北京市', []],
] as const)('regionBars mode=%s region=%j', (mode, region, expected) => {
  const rows = regionBars(insured, { metric: '参保人次', unit: '人次', region, mode }, pageDates);
  expect(rows.map((r) => [r.region, r.value, r.count])).toEqual(expected);
});

// Which of a region's figures is its "latest": the rules of compareLatest, one row each.
test.each([
  ['later period end wins', [{ date: '2025-01' }, { date: '2025-12-31' }], 1],
  ['a day beats its own year', [{ date: '2025' }, { date: '2025-12-31' }], 1],
  ['a month beats its year', [{ date: '2025-12' }, { date: '2025' }], 0],
  ['a dated figure beats one with no date at all', [{ article: 'nodate' }, { date: '2020' }], 1],
  ['page date counts as a date', [{ date: '2025' }, {}], 1],
  ['same date: the sentence’s own date beats the page date', [{}, { date: '2026-01-26' }], 1],
  ['same date: exact beats approximate', [{ qualifier: 'more_than' as const }, {}], 1],
  ['same date, same kind: first mention wins', [{ value: 7000 }, { value: 40000 }], 0],
] as const)('latest per region: %s', (_, variants, winner) => {
  const figs = variants.map((v, i) => fig(`a5-f${i + 1}`, { value: 100 + i, ...v }));
  const [row] = regionBars(figs, { metric: '参保人次', unit: '元', mode: 'latest' }, pageDates);
  expect(row.id).toBe(`a5-f${winner + 1}`);
  expect(row.count).toBe(figs.length);
});

test('a figure without a region is its own "unnamed" bar, with the page date flagged', () => {
  const [row] = regionBars([fig('x', { region: null })], { metric: '参保人次', unit: '元', mode: 'latest' }, pageDates);
  expect([row.region, row.when, row.fromArticle]).toEqual(['', '2026-01-26', true]);
});

test('latest mode shows exactly one bar per region, and every bar is a real figure (no sums)', () => {
  const arb = fc.array(
    fc.record({
      region: fc.constantFrom('湖北', '荆门市', null),
      value: fc.integer({ min: 0, max: 1e7 }),
      date: fc.constantFrom(undefined, '2025', '2025-06', '2025-12-31'),
      qualifier: fc.constantFrom('exact' as const, 'more_than' as const),
    }),
    { maxLength: 12 },
  );
  fc.assert(
    fc.property(arb, (specs) => {
      const figs = specs.map((s, i) => fig(`a5-f${i}`, s));
      const rows = regionBars(figs, { metric: '参保人次', unit: '元', mode: 'latest' }, pageDates);
      expect(new Set(rows.map((r) => r.region)).size).toBe(rows.length);
      expect(rows.length).toBe(new Set(figs.map((f) => f.region ?? '')).size);
      for (const r of rows) expect(figs).toContain(r.figure);
      for (let i = 1; i < rows.length; i++) expect(rows[i - 1].value).toBeGreaterThanOrEqual(rows[i].value);
    }),
  );
});

/* ---------- (2) cases: pairing ---------- */

const caseFigs = [
  fig('a5-f51', { metric: '医疗费用', value: 429_800, region: '江陵县', pair: 'a5-f52', sentence: '荆州市江陵县职工刘某因患帕金森病住院治疗' }),
  fig('a5-f52', { metric: '个案互助金', value: 119_400, region: '江陵县', pair: 'a5-f51', sentence: '荆州市江陵县职工刘某因患帕金森病住院治疗' }),
  // payout listed first: still oriented by metric
  fig('a5-f45', { metric: '个案互助金', value: 7000, qualifier: 'nearly', region: '应城市', pair: 'a5-f44', sentence: '最终让冯某获得近7千元' }),
  fig('a5-f44', { metric: '个人自付', value: 12_800, region: '应城市', pair: 'a5-f45', sentence: '应城市职工冯某因急性前壁心肌梗死住院' }),
  // a pair in different units cannot share an axis
  fig('b2-f1', { metric: '医疗费用', value: 100, unit: '美元', pair: 'b2-f2' }),
  fig('b2-f2', { metric: '个案互助金', value: 50, pair: 'b2-f1' }),
  // a pair whose metrics are not cost and payout
  fig('b2-f3', { metric: '参保人次', pair: 'b2-f4' }),
  fig('b2-f4', { metric: '发放人次', pair: 'b2-f3' }),
  // unpaired case figures
  fig('a5-f11', { metric: '医疗费用', value: 8000, region: '黄冈市' }),
  fig('a5-f54', { metric: '个案互助金', value: 100_600, region: '宜昌市' }),
  // a pair pointing at a figure that is not there
  fig('a5-f70', { metric: '个人自付', pair: 'missing' }),
];

test('caseRows links each cost to its payout once, oriented by metric', () => {
  const rows = caseRows(caseFigs, pageDates);
  expect(rows.map((r) => [r.id, r.cost.id, r.payout.id, r.region, r.person, r.approx])).toEqual([
    ['a5-f51', 'a5-f51', 'a5-f52', '江陵县', '刘某', false],
    ['a5-f44', 'a5-f44', 'a5-f45', '应城市', '冯某', true],
  ]);
  expect(rows[0].share).toBeCloseTo(0.2778, 4);
  expect(formatShare(rows[0].share, rows[0].approx)).toBe('28%');
  expect(formatShare(rows[1].share, rows[1].approx)).toBe('≈55%');
  expect(unpairedCaseFigures(caseFigs, rows)).toBe(5); // b2-f1, b2-f2, a5-f11, a5-f54, a5-f70
});

test('a zero cost has no share rather than Infinity', () => {
  const rows = caseRows([fig('c1', { metric: '医疗费用', value: 0, pair: 'c2' }), fig('c2', { metric: '互助金', pair: 'c1' })], pageDates);
  expect(rows[0].share).toBeNull();
  expect(formatShare(rows[0].share)).toBe('—');
});

test.each([
  ['2025年6月,荆门杨女士确诊乳腺癌恶性肿瘤', '杨女士'],
  ['应城市职工冯某因急性前壁心肌梗死住院', '冯某'],
  ['神农架林区某单位职工张某某,患乳腺癌', '张某某'],
  ['宜昌某单位女职工确诊乳腺癌后', ''],
  ['潜江市某职工做轻度颅脑手术', ''],
  ['天门某单位职工因缺血性心脏病入院治疗', ''],
  ['2025年,他因疾病住院治疗', ''],
])('personIn(%s) = %j', (sentence, person) => {
  expect(personIn(sentence)).toBe(person);
});

/* ---------- (3) over time ---------- */

test('timePoints: the figure’s date, else the page date; undated figures are left out; in time order', () => {
  const figs = [
    fig('a5-f5', { date: '2025-12-31', value: 3 }),
    fig('a5-f3', { date: '2025-01', value: 1 }),
    fig('a5-f18', { date: '2025', region: '荆门市', value: 2 }),
    fig('b2-f1', { article: 'b2', value: 4 }),
    fig('n-f1', { article: 'nodate', value: 5 }),
  ];
  const pts = timePoints(figs, { metric: '参保人次', unit: '元' }, pageDates);
  expect(pts.map((p) => [p.id, p.when, p.fromArticle])).toEqual([
    ['b2-f1', '2021-02-09', true],
    ['a5-f3', '2025-01', false],
    ['a5-f18', '2025', false],
    ['a5-f5', '2025-12-31', false],
  ]);
  const year = pts.find((p) => p.id === 'a5-f18')!;
  expect([year.t0, year.t1]).toEqual([Date.UTC(2025, 0, 1), Date.UTC(2025, 11, 31)]);
  expect(seriesByRegion(pts).map((s) => [s.region, s.points.map((p) => p.id)])).toEqual([
    ['湖北', ['b2-f1', 'a5-f3', 'a5-f5']],
    ['荆门市', ['a5-f18']],
  ]);
  expect(timePoints(figs, { metric: '参保人次', unit: '元', region: '荆门市' }, pageDates).map((p) => p.id)).toEqual(['a5-f18']);
});

/* ---------- sorting ---------- */

const people = [
  { id: 'a', region: '荆门市', value: 3, when: '2025' },
  { id: 'b', region: '恩施州', value: null, when: null },
  { id: 'c', region: '湖北', value: 10, when: '2025-12-31' },
  { id: 'd', region: '湖北', value: 3, when: '2025-01' },
];
const columns: TableColumn<(typeof people)[number]>[] = [
  { key: 'region', label: '地区', value: (r) => r.region },
  { key: 'value', label: '数值', numeric: true, value: (r) => r.value },
  { key: 'date', label: '日期', value: (r) => dateSortKey(r.when) },
];

test.each([
  ['value', 'desc', ['c', 'a', 'd', 'b']],
  ['value', 'asc', ['a', 'd', 'c', 'b']], // ties keep their order; missing values last both ways
  ['region', 'asc', ['b', 'c', 'd', 'a']], // pinyin: en(shi) < hu(bei) < jing(men)
  ['region', 'desc', ['a', 'c', 'd', 'b']],
  ['date', 'asc', ['d', 'a', 'c', 'b']],
  ['date', 'desc', ['c', 'a', 'd', 'b']],
  ['nonsense', 'asc', ['a', 'b', 'c', 'd']], // unknown column: chart order
] as const)('sortByColumn(%s, %s)', (key, dir, ids) => {
  expect(sortByColumn(people, columns, key, dir).map((r) => r.id)).toEqual(ids);
});

test('sortRows is a stable permutation for any values', () => {
  fc.assert(
    fc.property(fc.array(fc.option(fc.integer({ min: -5, max: 5 }))), fc.constantFrom('asc' as const, 'desc' as const), (vals, dir) => {
      const rows = vals.map((v, i) => ({ i, v }));
      const out = sortRows(rows, (r) => r.v, dir);
      expect(out.map((r) => r.i).sort((a, b) => a - b)).toEqual(rows.map((r) => r.i));
      for (let k = 1; k < out.length; k++) {
        const [a, b] = [out[k - 1], out[k]];
        if (b.v === null) continue;
        expect(a.v).not.toBeNull();
        if (a.v === b.v) expect(a.i).toBeLessThan(b.i);
        else expect(dir === 'asc' ? a.v! < b.v : a.v! > b.v).toBe(true);
      }
    }),
  );
});

/* ---------- labels, metrics, URL ---------- */

test.each([
  ['湖北', 12, 24],
  ['2025年', 10, 4 * 5.8 + 10],
  ['', 12, 0],
])('textWidth(%j, %d) ≈ %d px', (s, px, w) => {
  expect(textWidth(s, px)).toBeCloseTo(w, 5);
});

test.each([
  ['神农架林区', 100, '神农架林区'],
  ['神农架林区', 48, '神农架…'],
  ['神农架林区', 47, '神农…'],
  ['新疆生产建设兵团第八师石河子市', 60, '新疆生产…'],
  ['Hubei Province', 50, 'Hubei…'],
])('truncateToWidth(%s, %d) = %s', (s, max, out) => {
  expect(truncateToWidth(s, max, 12)).toBe(out);
  expect(textWidth(truncateToWidth(s, max, 12), 12)).toBeLessThanOrEqual(Math.max(max, 24));
});

test('defaultMetric prefers a metric across regions over per-patient case metrics', () => {
  const figs = [
    fig('1', { metric: '个案互助金', region: 'A' }),
    fig('2', { metric: '个案互助金', region: 'B' }),
    fig('3', { metric: '个案互助金', region: 'C' }),
    fig('4', { metric: '参保人次', region: 'A' }),
    fig('5', { metric: '参保人次', region: 'B' }),
    fig('6', { metric: '会费', region: 'A' }),
    fig('7', { metric: '会费', region: 'A' }),
  ];
  const options = [
    { metric: '个案互助金', unit: '元', count: 3 },
    { metric: '会费', unit: '元', count: 2 },
    { metric: '参保人次', unit: '元', count: 2 },
  ];
  expect(defaultMetric(figs, options)?.metric).toBe('参保人次');
  expect(defaultMetric(figs, [])).toBeUndefined();
});

test.each([
  ['', { chart: 'regions', mode: 'latest', sel: '', sort: '', dir: 'desc', plain: false }],
  ['chart=cases&sel=a5-f52&sort=share&dir=asc&plain=1', { chart: 'cases', sel: 'a5-f52', sort: 'share', dir: 'asc', plain: true }],
  ['chart=pie&mode=sum&dir=up', { chart: 'regions', mode: 'latest', dir: 'desc' }],
  ['metric=参保人次&unit=人次&region=湖北&mode=all', { metric: '参保人次', unit: '人次', region: '湖北', mode: 'all' }],
])('readChartState(%j)', (qs, expected) => {
  expect(readChartState(new URLSearchParams(qs))).toMatchObject(expected);
});

test('chart state → URL → state round-trips, defaults left out of the link', () => {
  const state = readChartState(new URLSearchParams('chart=time&metric=参保人次&unit=人次&region=湖北&sel=x&sort=value&dir=asc&plain=1'));
  const params = new URLSearchParams(Object.entries(chartParams(state, 'en')).filter(([, v]) => v));
  expect(readChartState(params)).toEqual(state);
  expect(params.get('lang')).toBe('en');
  expect(Object.entries(chartParams(readChartState(new URLSearchParams('')), 'zh')).filter(([, v]) => v)).toEqual([]);
});

/* ---------- formatting ---------- */

test.each([
  [100000, 'more_than', '元', 'zh', false, '>10万元'],
  [1857000, 'exact', '人次', 'zh', false, '185.7万人次'],
  [1857000, 'exact', '人次', 'en', false, '1.857 million person-times'],
  [7000, 'nearly', '元', 'en', true, '≲7,000 yuan'],
  [170000000000, 'at_least', '美元', 'zh', false, '≥1700亿美元'],
  [85, 'nearly', '%', 'en', false, '≲85%'],
  [4, 'exact', '倍', 'en', false, '4 倍'],
] as const)('formatFigure(%d, %s, %s, %s, plain=%s) = %s', (v, q, u, lang, plain, out) => {
  expect(formatFigure(v, q, u, lang, plain)).toBe(out);
});

test.each([
  ['2025-01-01', 'zh', '2025年'],
  ['2025-06-01', 'zh', '6月'],
  ['2025-06-15', 'zh', '6月15日'],
  ['2025-01-01', 'en', '2025'],
  ['2025-06-01', 'en', 'Jun'],
  ['2025-06-15', 'en', '15 Jun'],
] as const)('formatTimeTick(%s, %s) = %s', (iso, lang, out) => {
  expect(formatTimeTick(new Date(iso + 'T00:00:00Z'), lang)).toBe(out);
});

test('units get an English gloss, and stay Chinese in the Chinese interface', () => {
  expect([unitLabel('人次', 'en'), unitLabel('人次', 'zh'), unitLabel('剂', 'en')]).toEqual(['person-times', '人次', '剂']);
});
