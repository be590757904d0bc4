/**
 * Pure data helpers for the charts: which figures a chart shows and in what
 * order. No DOM, no Svelte: the components only lay these rows out, and the
 * unit tests (test/unit/charts-data.test.ts) pin every rule with case tables.
 */
import type { Figure, Qualifier } from '../../shared/types.ts';

export type ChartKind = 'regions' | 'cases' | 'time';
export const CHART_KINDS: ChartKind[] = ['regions', 'cases', 'time'];

/** How the region chart treats a region with several figures for the metric. */
export type RegionMode = 'latest' | 'all';

/** Publication date of each article (from the catalog), the fallback date of its figures. */
export type ArticleDates = ReadonlyMap<string, string | null>;

export interface Dated {
  /** ISO date the figure refers to: its own date, else its article's page date. */
  when: string | null;
  /** True when `when` is the page date, not a date the sentence gives. */
  fromArticle: boolean;
}

export function whenOf(f: Figure, articleDates: ArticleDates): Dated {
  if (f.date) return { when: f.date, fromArticle: false };
  return { when: articleDates.get(f.article) ?? null, fromArticle: true };
}

const DAY = 86_400_000;

/**
 * The period an ISO date of year, month or day precision covers, as UTC
 * milliseconds [start, end) — `2025` is the whole year, `2025-06` the month.
 * Null for anything else, so a malformed date never lands at 1970.
 */
export function periodOf(iso: string | null | undefined): [number, number] | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso ?? '');
  if (!m) return null;
  const y = Number(m[1]);
  if (m[3]) {
    const t = Date.UTC(y, Number(m[2]) - 1, Number(m[3]));
    return [t, t + DAY];
  }
  if (m[2]) return [Date.UTC(y, Number(m[2]) - 1, 1), Date.UTC(y, Number(m[2]), 1)];
  return [Date.UTC(y, 0, 1), Date.UTC(y + 1, 0, 1)];
}

/** A sortable key for an ISO date of any precision: the middle of its period (2025 sorts mid-year). */
export function dateSortKey(iso: string | null | undefined): number | null {
  const p = periodOf(iso);
  return p ? (p[0] + p[1]) / 2 : null;
}

export const isApprox = (q: Qualifier | string): boolean => q !== 'exact';

/* ---------- (1) regions compared ---------- */

export interface BarRow extends Dated {
  /** The figure's id: each bar is one figure, never a sum. */
  id: string;
  figure: Figure;
  /** Region as extracted; '' when the sentence names none. */
  region: string;
  value: number;
  /** Figures this region has for the metric and unit (in 'latest' mode, the bar is one of them). */
  count: number;
}

/** Same metric and unit: units are never mixed on one axis. */
export function figuresOf(figures: readonly Figure[], metric: string, unit: string): Figure[] {
  return figures.filter((f) => f.metric === metric && f.unit === unit);
}

/**
 * Orders a region's figures so the first is the one to show as "latest":
 * the latest period end; on a tie the finer date (a day beats its month or
 * year), then a date the sentence gives over the page date, then an exact value
 * over an approximate one, then the first mention in the text — a lead figure
 * usually comes before its repetitions.
 */
export function compareLatest(a: { f: Figure; d: Dated; i: number }, b: { f: Figure; d: Dated; i: number }): number {
  const pa = periodOf(a.d.when);
  const pb = periodOf(b.d.when);
  if (pa && pb) {
    if (pa[1] !== pb[1]) return pb[1] - pa[1];
    const spanA = pa[1] - pa[0];
    const spanB = pb[1] - pb[0];
    if (spanA !== spanB) return spanA - spanB;
  } else if (pa || pb) return pa ? -1 : 1;
  if (a.d.fromArticle !== b.d.fromArticle) return a.d.fromArticle ? 1 : -1;
  if (isApprox(a.f.qualifier) !== isApprox(b.f.qualifier)) return isApprox(a.f.qualifier) ? 1 : -1;
  return a.i - b.i;
}

/**
 * Rows of the region chart for one metric and unit, largest first.
 * 'latest': one bar per region, its latest figure (see compareLatest) — a
 * researcher comparing regions wants each region's current value, and summing
 * stock figures such as insured person-times reported at different dates would
 * double count. 'all': every figure is its own bar, labelled with its date.
 * `region` ('' for all) keeps one region.
 */
export function regionBars(
  figures: readonly Figure[],
  opts: { metric: string; unit: string; region?: string; mode: RegionMode },
  articleDates: ArticleDates,
): BarRow[] {
  const chosen = figuresOf(figures, opts.metric, opts.unit).filter((f) => !opts.region || f.region === opts.region);
  const byRegion = new Map<string, { f: Figure; d: Dated; i: number }[]>();
  chosen.forEach((f, i) => {
    const key = f.region ?? '';
    let list = byRegion.get(key);
    if (!list) byRegion.set(key, (list = []));
    list.push({ f, d: whenOf(f, articleDates), i });
  });
  const rows: BarRow[] = [];
  for (const [region, list] of byRegion) {
    const picked = opts.mode === 'latest' ? [[...list].sort(compareLatest)[0]] : list;
    for (const { f, d } of picked) rows.push({ id: f.id, figure: f, region, value: f.value, count: list.length, ...d });
  }
  return rows.sort((a, b) => b.value - a.value || a.region.localeCompare(b.region, 'zh-Hans-CN') || byDocOrder(a.id, b.id));
}

/* ---------- (2) individual cases ---------- */

/** What a patient paid: the bill, or the part left after medical insurance. */
export const COST_METRIC = /医疗费用|医疗总费用|住院费用|自付|个人承担|个人负担/;
/** What the patient received: a single case's mutual-aid payout (not a region's total paid). */
export const PAYOUT_METRIC = /^(个案互助金|互助金|赔付金额|个案赔付)$/;

export const isCostMetric = (m: string | null): boolean => !!m && COST_METRIC.test(m);
export const isPayoutMetric = (m: string | null): boolean => !!m && PAYOUT_METRIC.test(m);

export interface CaseRow extends Dated {
  /** The cost figure's id. */
  id: string;
  cost: Figure;
  payout: Figure;
  region: string;
  /** The patient as the text names them (杨女士, 冯某), or ''. */
  person: string;
  unit: string;
  /** payout ÷ cost; null when the cost is zero. Above 1 when the payout exceeds the cost. */
  share: number | null;
  /** Either value is approximate, so the share is too. */
  approx: boolean;
}

/**
 * The patient a case sentence is about, as news writes them anonymised:
 * 杨女士, 冯某, 张某某, 王先生. "某单位"/"某职工" are not people, and "昌某" in
 * "宜昌某单位" is not a surname, hence the look-ahead.
 */
export function personIn(sentence: string): string {
  const m = /([\u4e00-\u9fff])(某某|某|女士|先生)(?!单位|职工|企业|公司|地|些|种|个|市|县|区|某)/.exec(sentence);
  return m ? m[1] + m[2] : '';
}

/**
 * One row per linked cost ↔ payout pair (the extraction's `pair`), in text
 * order. A pair is oriented by its metrics; pairs whose metrics do not read
 * as cost and payout, or whose units differ, are left out.
 */
export function caseRows(figures: readonly Figure[], articleDates: ArticleDates): CaseRow[] {
  const byId = new Map(figures.map((f) => [f.id, f]));
  const rows: CaseRow[] = [];
  const seen = new Set<string>();
  for (const f of figures) {
    if (!f.pair || seen.has(f.id)) continue;
    const g = byId.get(f.pair);
    if (!g) continue;
    seen.add(f.id).add(g.id);
    const [cost, payout] = isCostMetric(f.metric) && isPayoutMetric(g.metric) ? [f, g] : isCostMetric(g.metric) && isPayoutMetric(f.metric) ? [g, f] : [null, null];
    if (!cost || !payout || cost.unit !== payout.unit) continue;
    const dated = cost.date ? whenOf(cost, articleDates) : whenOf(payout, articleDates);
    rows.push({
      id: cost.id,
      cost,
      payout,
      region: cost.region ?? payout.region ?? '',
      person: personIn(cost.sentence) || personIn(payout.sentence),
      unit: cost.unit,
      share: cost.value > 0 ? payout.value / cost.value : null,
      approx: isApprox(cost.qualifier) || isApprox(payout.qualifier),
      ...dated,
    });
  }
  return rows;
}

/** Case figures (cost or payout metric) that no pair links: counted in the subtitle, not drawn. */
export function unpairedCaseFigures(figures: readonly Figure[], rows: readonly CaseRow[]): number {
  const used = new Set(rows.flatMap((r) => [r.cost.id, r.payout.id]));
  return figures.filter((f) => (isCostMetric(f.metric) || isPayoutMetric(f.metric)) && !used.has(f.id)).length;
}

/* ---------- (3) over time ---------- */

export interface TimePoint extends Dated {
  id: string;
  figure: Figure;
  region: string;
  value: number;
  /** The period the date covers [t0, t1) and its middle, where the dot sits. */
  t0: number;
  t1: number;
  t: number;
}

/** Figures of one metric and unit placed in time; figures without any date are left out. */
export function timePoints(
  figures: readonly Figure[],
  opts: { metric: string; unit: string; region?: string },
  articleDates: ArticleDates,
): TimePoint[] {
  const points: TimePoint[] = [];
  for (const f of figuresOf(figures, opts.metric, opts.unit)) {
    if (opts.region && f.region !== opts.region) continue;
    const d = whenOf(f, articleDates);
    const p = periodOf(d.when);
    if (!p) continue;
    // The last day of a period, not the first of the next: a year is drawn within itself.
    const t1 = p[1] - DAY;
    points.push({ id: f.id, figure: f, region: f.region ?? '', value: f.value, t0: p[0], t1, t: (p[0] + t1) / 2, ...d });
  }
  return points.sort((a, b) => a.t - b.t || byDocOrder(a.id, b.id));
}

/** Points grouped into one series per region, each in time order; regions by first appearance. */
export function seriesByRegion(points: readonly TimePoint[]): { region: string; points: TimePoint[] }[] {
  const m = new Map<string, TimePoint[]>();
  for (const p of points) {
    let list = m.get(p.region);
    if (!list) m.set(p.region, (list = []));
    list.push(p);
  }
  return [...m].map(([region, pts]) => ({ region, points: pts }));
}

/* ---------- shared ---------- */

/** Figure ids end in -f<n>: compare numerically so f10 follows f9. */
function byDocOrder(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/**
 * The default metric for a chart: the one that spans the most regions (a
 * comparison needs several), not counting per-patient case metrics, which
 * chart (2) shows; then the most figures.
 */
export function defaultMetric<O extends { metric: string; unit: string; count: number }>(figures: readonly Figure[], options: readonly O[]): O | undefined {
  let best: O | undefined;
  let bestScore = -1;
  for (const o of options) {
    const regions = new Set(figuresOf(figures, o.metric, o.unit).map((f) => f.region ?? '')).size;
    const caseMetric = isCostMetric(o.metric) || isPayoutMetric(o.metric);
    const score = (caseMetric ? 0 : 1e6) + regions * 1e3 + o.count;
    if (score > bestScore) [best, bestScore] = [o, score];
  }
  return best;
}

export type SortDir = 'asc' | 'desc';
export type SortValue = string | number | null | undefined;

/**
 * Stable sort by one column. Missing values go last in either direction
 * (a researcher sorting by date wants the undated at the bottom, not on top);
 * text sorts in Chinese collation (pinyin order).
 */
export function sortRows<R>(rows: readonly R[], value: (r: R) => SortValue, dir: SortDir): R[] {
  const collator = new Intl.Collator('zh-Hans-CN', { numeric: true });
  const sign = dir === 'asc' ? 1 : -1;
  return rows
    .map((r, i) => ({ r, v: value(r), i }))
    .sort((a, b) => {
      const na = a.v === null || a.v === undefined || a.v === '' || (typeof a.v === 'number' && Number.isNaN(a.v));
      const nb = b.v === null || b.v === undefined || b.v === '' || (typeof b.v === 'number' && Number.isNaN(b.v));
      if (na || nb) return na === nb ? a.i - b.i : na ? 1 : -1;
      const c = typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : collator.compare(String(a.v), String(b.v));
      return c * sign || a.i - b.i;
    })
    .map((x) => x.r);
}

/**
 * Width of a label in pixels at a font size, estimated without a DOM so the
 * layout is the same in tests, SSR and every browser: CJK and full-width
 * characters take 1em, narrow ones about 0.6em.
 */
export function textWidth(text: string, fontPx: number): number {
  let em = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    // The ellipsis and middle dot are full width in CJK fonts, so they count as wide too.
    em += c >= 0x2e80 || (c >= 0x1100 && c <= 0x115f) || ch === '…' || ch === '·' ? 1 : ch === ' ' ? 0.3 : /[A-Z%@MW]/.test(ch) ? 0.72 : 0.58;
  }
  return em * fontPx;
}

/** Shortens a label to fit `maxPx`, ending in "…"; the full text goes in a <title>. */
export function truncateToWidth(text: string, maxPx: number, fontPx: number): string {
  if (textWidth(text, fontPx) <= maxPx) return text;
  const chars = [...text];
  while (chars.length > 1 && textWidth(chars.join('') + '…', fontPx) > maxPx) chars.pop();
  return chars.join('') + '…';
}

/** A column of the sortable table: its heading, and the value it sorts by. */
export interface TableColumn<R> {
  key: string;
  label: string;
  numeric?: boolean;
  /** Short values that read badly when wrapped (dates). */
  nowrap?: boolean;
  /** Long text (sentences): given room so a phone scrolls the table sideways rather than stacking one character a line. */
  wide?: boolean;
  value: (r: R) => SortValue;
}

/** Rows sorted by the column `key` asks for, or left in chart order when it names none. */
export function sortByColumn<R>(rows: readonly R[], columns: readonly TableColumn<R>[], key: string, dir: SortDir): R[] {
  const col = columns.find((c) => c.key === key);
  return col ? sortRows(rows, col.value, dir) : [...rows];
}
