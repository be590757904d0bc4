import { utcDay, utcMonday, utcMonth, utcYear, type CountableTimeInterval, type TimeInterval } from 'd3';
import type { Lang } from '../lib/i18n.svelte.ts';

/**
 * Axis ticks from decades down to days. We pick the interval ourselves rather
 * than use scaleUtc().ticks(): d3 would happily go down to hours (an event is
 * never finer than a day) and its multi-scale format is English-only.
 */
export type TickUnit = 'day' | 'month' | 'year';

export interface TickStep {
  unit: TickUnit;
  /** Nominal length of one step in ms, for choosing. */
  ms: number;
  interval: TimeInterval;
}

const DAY = 86_400_000;
const MONTH = 30.44 * DAY;
const YEAR = 365.25 * DAY;

/** Every `n` days counted from the epoch, so steps stay even across month ends (d3's every(n) restarts at each 1st). */
function everyDays(n: number): TimeInterval {
  return n === 1 ? utcDay : utcDay.filter((d) => utcDay.count(new Date(0), d) % n === 0);
}

function every(interval: CountableTimeInterval, n: number): TimeInterval {
  return n === 1 ? interval : interval.every(n)!;
}

/** The ladder of steps, finest first. */
export const TICK_STEPS: TickStep[] = [
  { unit: 'day', ms: DAY, interval: everyDays(1) },
  { unit: 'day', ms: 2 * DAY, interval: everyDays(2) },
  { unit: 'day', ms: 7 * DAY, interval: utcMonday },
  { unit: 'day', ms: 14 * DAY, interval: every(utcMonday, 2) },
  { unit: 'month', ms: MONTH, interval: utcMonth },
  { unit: 'month', ms: 3 * MONTH, interval: every(utcMonth, 3) },
  { unit: 'month', ms: 6 * MONTH, interval: every(utcMonth, 6) },
  { unit: 'year', ms: YEAR, interval: utcYear },
  { unit: 'year', ms: 2 * YEAR, interval: every(utcYear, 2) },
  { unit: 'year', ms: 5 * YEAR, interval: every(utcYear, 5) },
  { unit: 'year', ms: 10 * YEAR, interval: every(utcYear, 10) },
  { unit: 'year', ms: 20 * YEAR, interval: every(utcYear, 20) },
  { unit: 'year', ms: 50 * YEAR, interval: every(utcYear, 50) },
  { unit: 'year', ms: 100 * YEAR, interval: every(utcYear, 100) },
];

/**
 * Room a typical label needs, by unit (px at 12 px type, with a gap): 2026年,
 * 3月, 27日. The longer labels that carry context (the first, a new month or
 * year) are thinned out by placeLabels() when they would touch a neighbour.
 */
export const LABEL_WIDTH: Record<TickUnit, number> = { year: 56, month: 56, day: 48 };
/** The finest step whose labels fit side by side in `width` px over [t0, t1]. */
export function chooseTickStep(t0: number, t1: number, width: number): TickStep {
  const span = Math.max(0, t1 - t0);
  return TICK_STEPS.find((s) => span / s.ms <= Math.max(1, width / LABEL_WIDTH[s.unit])) ?? TICK_STEPS[TICK_STEPS.length - 1];
}

export interface Tick {
  /** Where the tick is drawn (ms). */
  t: number;
  label: string;
  /** A tick that starts a larger unit (a new year, a new month): drawn stronger. */
  major: boolean;
}

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Label one tick. The first tick, and every tick where a larger unit changes
 * since the previous tick, carries that unit (2026年1月 / Jan 2026, 2月3日 /
 * 3 Feb); the others only their own field (3月 / Mar, 27日 / 27). Labels stay
 * short enough for a phone and none needs its neighbour to be read.
 */
export function formatTick(t: number, unit: TickUnit, lang: Lang, prev: number | null): { label: string; major: boolean } {
  const d = new Date(t);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const day = d.getUTCDate();
  const p = prev === null ? null : new Date(prev);
  const newYear = !p || p.getUTCFullYear() !== y;
  const newMonth = newYear || p.getUTCMonth() !== m;
  const zh = lang === 'zh';
  if (unit === 'year') return { label: zh ? `${y}年` : String(y), major: y % 10 === 0 };
  if (unit === 'month') {
    if (newYear) return { label: zh ? `${y}年${m + 1}月` : `${EN_MONTHS[m]} ${y}`, major: !!p };
    return { label: zh ? `${m + 1}月` : EN_MONTHS[m], major: false };
  }
  if (newYear) return { label: zh ? `${y}年${m + 1}月${day}日` : `${day} ${EN_MONTHS[m]} ${y}`, major: !!p };
  if (newMonth) return { label: zh ? `${m + 1}月${day}日` : `${day} ${EN_MONTHS[m]}`, major: true };
  return { label: zh ? `${day}日` : String(day), major: false };
}

/** Px kept between two shown labels. */
export const LABEL_GAP = 8;

function ticksAt(step: TickStep, t0: number, t1: number, lang: Lang): Tick[] {
  // Day ticks sit at noon, under the day's points (see pointTime), not at the midnight before them.
  const shift = step.unit === 'day' ? DAY / 2 : 0;
  const dates = step.interval.range(step.interval.ceil(new Date(t0 - shift)), new Date(t1 - shift + 1));
  return dates.map((d, i) => ({
    t: d.getTime() + shift,
    ...formatTick(d.getTime(), step.unit, lang, i ? dates[i - 1].getTime() : null),
  }));
}

/**
 * Ticks over [t0, t1] drawn `width` px wide, labelled in `lang`. The step is
 * chosen for typical labels; when the long ones (the first, a new year) crowd
 * out more than half of the rest on a narrow axis (a two-day step across New
 * Year on a phone), the next coarser step is taken, so an axis never shows
 * bare tick lines for most of its ticks.
 */
export function timeTicks(t0: number, t1: number, width: number, lang: Lang): { unit: TickUnit; ticks: Tick[] } {
  const span = Math.max(1, t1 - t0);
  let s = TICK_STEPS.indexOf(chooseTickStep(t0, t1, width));
  for (; ; s++) {
    const step = TICK_STEPS[s];
    const ticks = ticksAt(step, t0, t1, lang);
    if (s === TICK_STEPS.length - 1) return { unit: step.unit, ticks };
    const placed = placeLabels(
      ticks.map((tk) => ((tk.t - t0) / span) * width),
      ticks.map((tk) => tk.label),
      0,
      width,
      LABEL_GAP,
      ticks.map((tk) => tk.major),
    );
    if (placed.filter((p) => p.visible).length >= Math.ceil(ticks.length / 2)) return { unit: step.unit, ticks };
  }
}

/** Estimated width of a label at 12 px: CJK characters are square, digits and Latin about 7 px. */
export function labelWidth(label: string): number {
  let w = 0;
  for (const ch of label) w += /[\u2E80-\u9FFF]/.test(ch) ? 12 : 7;
  return w;
}

export interface PlacedLabel {
  anchor: 'start' | 'middle' | 'end';
  /** False when the label would touch the previous shown one (its tick line is still drawn). */
  visible: boolean;
}

/**
 * Anchor labels so that none leaves the plot (start at the left edge, end at
 * the right), and hide those that would overlap, keeping `gap` px between
 * labels. The first label and the major ones (a new year or month, which
 * carry the context the short labels leave out) are placed first; the
 * others fill the room left.
 */
export function placeLabels(
  xs: readonly number[],
  labels: readonly string[],
  left: number,
  right: number,
  gap = LABEL_GAP,
  major: readonly boolean[] = [],
): PlacedLabel[] {
  const spans = xs.map((x, i) => {
    const w = labelWidth(labels[i]);
    const anchor: PlacedLabel['anchor'] = x - w / 2 < left ? 'start' : x + w / 2 > right ? 'end' : 'middle';
    const x0 = anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2;
    return { anchor, x0, x1: x0 + w };
  });
  const rank = (i: number) => (i === 0 ? 0 : major[i] ? 1 : 2);
  const order = xs.map((_, i) => i).sort((a, b) => rank(a) - rank(b) || a - b);
  const shown: number[] = [];
  const out: PlacedLabel[] = spans.map((s) => ({ anchor: s.anchor, visible: false }));
  for (const i of order) {
    const s = spans[i];
    if (shown.every((j) => s.x0 >= spans[j].x1 + gap || s.x1 + gap <= spans[j].x0)) {
      shown.push(i);
      out[i].visible = true;
    }
  }
  return out;
}
