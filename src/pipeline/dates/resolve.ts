/**
 * Turning what the grammar read into calendar spans. The year of an
 * expression that does not write one comes, in this order, from a date
 * written earlier in the same sentence, from the anchor (the page's
 * publication date) and from the year last mentioned in the article.
 */
import {
  addDays,
  addMonths,
  daysInMonth,
  firstDayOf,
  formatYmd,
  isValidYmd,
  lastDayOf,
  toDayNumber,
  type CalendarPoint,
  type Ymd,
} from './calendar.ts';
import { festivalSpan, lunarDaySolar } from './festivals.ts';
import type { PeriodPart, TimeSpec, YearRef } from './spec.ts';
import { fiveYearPlanStart } from './words.ts';

export interface ResolveEnv {
  /** The page's publication date. */
  anchor: Ymd | null;
  /** The year last written earlier in the article (for 当年). */
  lastYear?: number;
  /** The last date with a written year earlier in the same sentence. */
  sentenceDate?: { y: number; m?: number };
  /**
   * The last single date with a month earlier in the paragraph: a bare 15日
   * continues it (1月13日……15日). Ranges and datelines are left out: after
   * 将于2月1日至7日访华 a bare 26日 is still the dateline's month.
   */
  monthBefore?: { y: number; m: number };
}

export interface Resolution {
  start: CalendarPoint;
  end: CalendarPoint;
  approximate: boolean;
  /** How an unwritten year or month was filled in. */
  inferred?: string;
  /** A year the text itself states (2025年, 去年): what a later 当年 refers to. */
  statedYear?: number;
  /** The span is a stretch of time (上半年, 十四五), not a point. */
  period?: boolean;
}

const anchorNote = (anchor: Ymd): string => `anchor ${formatYmd(anchor)}`;

/**
 * How unlikely a span is for an undated mention on a page dated `anchor`:
 * 0 when it contains the anchor, its distance in days when it lies before,
 * twice that when after, because news mostly reports what has happened (a
 * 1月27日 under a 2月9日 dateline is the same winter, not next January).
 */
export function distanceFromAnchor(anchor: Ymd, start: Ymd, end: Ymd): number {
  const a = toDayNumber(anchor);
  if (toDayNumber(end) < a) return a - toDayNumber(end);
  if (toDayNumber(start) > a) return 2 * (toDayNumber(start) - a);
  return 0;
}

/** Of the years around the anchor, the one whose span lies nearest it. */
export function nearestYear(anchor: Ymd, spanIn: (y: number) => { start: Ymd; end: Ymd } | null): number | null {
  let best: { y: number; cost: number } | null = null;
  for (const y of [anchor.y - 1, anchor.y, anchor.y + 1]) {
    const span = spanIn(y);
    if (!span) continue;
    const cost = distanceFromAnchor(anchor, span.start, span.end);
    if (!best || cost < best.cost) best = { y, cost };
  }
  return best?.y ?? null;
}

/** The span of a part of a year or a month. */
function partSpan(y: number, month: number | undefined, part: PeriodPart): Resolution {
  if (month !== undefined) {
    const last = daysInMonth(y, month);
    const days: Record<string, [number, number]> = {
      early: [1, 10],
      late: [21, last],
      dekad1: [1, 10],
      dekad2: [11, 20],
      dekad3: [21, last],
    };
    const key = part.type === 'dekad' ? `dekad${part.dekad}` : part.type;
    const [from, to] = days[key] ?? [1, last];
    return {
      start: { y, m: month, d: from },
      end: { y, m: month, d: to },
      approximate: part.type === 'early' || part.type === 'late',
      period: part.type === 'dekad',
    };
  }
  switch (part.type) {
    case 'early':
      return { start: { y, m: 1 }, end: { y, m: 2 }, approximate: true };
    case 'late':
      return { start: { y, m: 12 }, end: { y, m: 12 }, approximate: true };
    case 'half':
      return { start: { y, m: part.half === 1 ? 1 : 7 }, end: { y, m: part.half === 1 ? 6 : 12 }, approximate: false, period: true };
    case 'quarter':
      return {
        start: { y, m: part.cumulative ? 1 : part.quarter * 3 - 2 },
        end: { y, m: part.quarter * 3 },
        approximate: false,
        period: true,
      };
    case 'dekad':
      return { start: { y }, end: { y }, approximate: false };
  }
}

/** The span of a calendar expression once its year (and month) are known. */
function calendarSpan(y: number, month: number | undefined, day: number | undefined, part: PeriodPart | undefined): Resolution | null {
  if (day !== undefined) {
    if (month === undefined || !isValidYmd(y, month, day)) return null;
    return { start: { y, m: month, d: day }, end: { y, m: month, d: day }, approximate: false };
  }
  if (part) return partSpan(y, month, part);
  const point: CalendarPoint = month === undefined ? { y } : { y, m: month };
  return { start: point, end: point, approximate: false };
}

const spanDays = (r: Resolution): { start: Ymd; end: Ymd } => ({ start: firstDayOf(r.start), end: lastDayOf(r.end) });

/** The year a written year reference points to, or null when the context lacks it. */
function writtenYear(ref: YearRef, env: ResolveEnv): { y: number; inferred?: string } | null {
  switch (ref.type) {
    case 'explicit':
      return { y: ref.year };
    case 'anchor':
      return env.anchor ? { y: env.anchor.y + ref.offset, inferred: anchorNote(env.anchor) } : null;
    case 'mentioned':
      return env.lastYear !== undefined
        ? { y: env.lastYear + ref.offset, inferred: `last year mentioned: ${env.lastYear}` }
        : null;
    case 'unwritten':
      return null;
  }
}

function resolveCalendar(spec: Extract<TimeSpec, { type: 'calendar' }>, env: ResolveEnv): Resolution | null {
  const { month, day, part } = spec;
  const written = writtenYear(spec.year, env);
  if (written) {
    const r = calendarSpan(written.y, month, day, part);
    return r && { ...r, inferred: written.inferred, statedYear: written.y };
  }
  if (spec.year.type !== 'unwritten') return null;
  if (month === undefined) {
    // A bare day (26日) continues the month last written in the paragraph, else the anchor's.
    if (day === undefined) return null;
    const from = env.monthBefore ?? (env.anchor ? { y: env.anchor.y, m: env.anchor.m } : null);
    if (!from) return null;
    const r = calendarSpan(from.y, from.m, day, undefined);
    const note = env.monthBefore
      ? `month written before: ${from.y}-${String(from.m).padStart(2, '0')}`
      : anchorNote(env.anchor as Ymd);
    return r && { ...r, inferred: note };
  }
  if (env.sentenceDate) {
    // 2020年12月28日……1月3日: a later month in the same sentence moves on into the next year.
    const { y, m } = env.sentenceDate;
    const year = m !== undefined && month < m ? y + 1 : y;
    const r = calendarSpan(year, month, day, part);
    return r && { ...r, inferred: `year written earlier in the sentence: ${y}` };
  }
  if (env.anchor) {
    const anchor = env.anchor;
    const year = nearestYear(anchor, (y) => {
      const r = calendarSpan(y, month, day, part);
      return r && spanDays(r);
    });
    const r = year === null ? null : calendarSpan(year, month, day, part);
    return r && { ...r, inferred: anchorNote(anchor) };
  }
  if (env.lastYear !== undefined) {
    const r = calendarSpan(env.lastYear, month, day, part);
    return r && { ...r, inferred: `last year mentioned: ${env.lastYear}` };
  }
  return null;
}

const toPoint = (d: Ymd): CalendarPoint => ({ y: d.y, m: d.m, d: d.d });

/** Resolve a dated thing (festival, lunar day, 年底) whose span depends on the year. */
function resolveYearly(
  ref: YearRef,
  env: ResolveEnv,
  spanIn: (y: number) => { start: Ymd; end: Ymd; approximate: boolean } | null,
  pickYear?: (anchor: Ymd) => number | null,
): Resolution | null {
  const written = writtenYear(ref, env);
  let y: number | null = written?.y ?? null;
  let inferred = written?.inferred;
  if (y === null && ref.type === 'unwritten' && env.anchor) {
    const anchor = env.anchor;
    y = pickYear ? pickYear(anchor) : nearestYear(anchor, spanIn);
    inferred = anchorNote(anchor);
  }
  if (y === null) return null;
  const span = spanIn(y);
  if (!span) return null;
  return {
    start: toPoint(span.start),
    end: toPoint(span.end),
    approximate: span.approximate,
    inferred,
    statedYear: written && !written.inferred ? y : undefined,
  };
}

function yearPartSpan(part: 'early' | 'late', y: number): { start: Ymd; end: Ymd; approximate: boolean } {
  return part === 'early'
    ? { start: { y, m: 1, d: 1 }, end: { y, m: 2, d: daysInMonth(y, 2) }, approximate: true }
    : { start: { y, m: 12, d: 1 }, end: { y, m: 12, d: 31 }, approximate: true };
}

/** Resolve one expression (not a range end) in its context; null when the context cannot date it. */
export function resolveSpec(spec: TimeSpec, env: ResolveEnv): Resolution | null {
  const anchor = env.anchor;
  switch (spec.type) {
    case 'calendar':
      return resolveCalendar(spec, env);
    case 'festival': {
      const r = resolveYearly(spec.year, env, (y) => festivalSpan(spec.festival, spec.relation, y));
      return r && { ...r, period: spec.relation === 'during' };
    }
    case 'lunarDay':
      return resolveYearly(spec.year, env, (y) => {
        const d = lunarDaySolar(spec.month, spec.day, y);
        return d && { start: d, end: d, approximate: false };
      });
    case 'yearPart': {
      const r = resolveYearly(
        { type: 'unwritten' },
        env,
        (y) => yearPartSpan(spec.part, y),
        // 年底前 is a deadline: the first year end not yet past.
        spec.deadline ? (a) => (spec.part === 'late' || a.m <= 2 ? a.y : a.y + 1) : undefined,
      );
      // Month precision: 岁末 is December, 年初 January–February.
      return r && { ...r, start: { y: r.start.y, m: r.start.m }, end: { y: r.end.y, m: r.end.m } };
    }
    case 'relativeDay':
      if (!anchor) return null;
      return { start: toPoint(addDays(anchor, spec.offset)), end: toPoint(addDays(anchor, spec.offset)), approximate: false, inferred: anchorNote(anchor) };
    case 'relativeMonth': {
      if (!anchor) return null;
      const { y, m } = addMonths(anchor.y, anchor.m, spec.offset);
      return { start: { y, m }, end: { y, m }, approximate: false, inferred: anchorNote(anchor) };
    }
    case 'recent':
      // 日前/近日 say "a few days ago"; two weeks is the reach we allow them.
      if (!anchor) return null;
      return { start: toPoint(addDays(anchor, -14)), end: toPoint(anchor), approximate: true, inferred: anchorNote(anchor) };
    case 'now':
      if (!anchor) return null;
      return { start: toPoint(anchor), end: toPoint(anchor), approximate: true, inferred: anchorNote(anchor) };
    case 'fiveYearPlan': {
      const y = fiveYearPlanStart(spec.plan);
      return { start: { y }, end: { y: y + 4 }, approximate: false, period: true };
    }
    case 'comingYears':
      if (!anchor) return null;
      return { start: { y: anchor.y }, end: { y: anchor.y + spec.years - 1 }, approximate: true, inferred: anchorNote(anchor), period: true };
    case 'decade':
      return { start: { y: spec.start }, end: { y: spec.start + 9 }, approximate: false, period: true };
  }
}

/**
 * Resolve the end of a range from its start: 2月1日至7日 takes the start's
 * month and year, 12月28日至1月3日 moves into the next year, and an end with a
 * written year stands on its own.
 */
export function resolveRangeEnd(spec: TimeSpec, start: Resolution, env: ResolveEnv): Resolution | null {
  const from = firstDayOf(start.start);
  if (spec.type === 'calendar' && spec.year.type === 'unwritten') {
    const month = spec.month ?? start.start.m;
    if (month === undefined) return null;
    let r = calendarSpan(start.start.y, month, spec.day, spec.part);
    if (r && toDayNumber(firstDayOf(r.start)) < toDayNumber(from)) {
      if (spec.month !== undefined) r = calendarSpan(start.start.y + 1, month, spec.day, spec.part);
      else {
        const next = addMonths(start.start.y, month, 1);
        r = calendarSpan(next.y, next.m, spec.day, spec.part);
      }
    }
    return r;
  }
  if (spec.type === 'yearPart') {
    // The first occurrence on or after the start: 从岁末到年初 ends in the new year.
    for (const y of [from.y, from.y + 1]) {
      const span = yearPartSpan(spec.part, y);
      if (toDayNumber(span.end) >= toDayNumber(from))
        return { start: { y, m: span.start.m }, end: { y, m: span.end.m }, approximate: true };
    }
    return null;
  }
  if ((spec.type === 'festival' || spec.type === 'lunarDay') && spec.year.type === 'unwritten') {
    for (const y of [from.y, from.y + 1]) {
      const r = resolveSpec({ ...spec, year: { type: 'explicit', year: y } }, env);
      if (r && toDayNumber(lastDayOf(r.end)) >= toDayNumber(from)) return { ...r, statedYear: undefined };
    }
    return null;
  }
  return resolveSpec(spec, env);
}
