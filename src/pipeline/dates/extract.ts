/**
 * extractDates: the date mentions of one paragraph, normalised. Reading
 * (scan.ts) and resolving (resolve.ts) meet here, in text order, so that
 * each mention can lean on the ones before it: a 当年 on the year last
 * written, a bare 15日 on the month before it, a 1月6日 on a year written
 * earlier in the same sentence.
 */
import type { EventKind, Precision } from '../../shared/types.ts';
import { toHalfWidth } from '../numerals.ts';
import { sentenceSpans, spanIndexAt } from '../sentences.ts';
import {
  finerPrecision,
  firstDayOf,
  formatAt,
  lastDayOf,
  parseDay,
  precisionOf,
  type CalendarPoint,
  type Ymd,
} from './calendar.ts';
import { resolveRangeEnd, resolveSpec, type Resolution, type ResolveEnv } from './resolve.ts';
import { scanDateExpressions } from './scan.ts';
import type { DateExpression } from './spec.ts';

/** A date mention of a paragraph, normalised. */
export interface DateMention {
  /** The expression as written. */
  text: string;
  /** UTF-16 offset and length of `text` in the paragraph. */
  offset: number;
  length: number;
  /** YYYY | YYYY-MM | YYYY-MM-DD, both at `precision`. */
  start: string;
  end: string;
  precision: Precision;
  kind: EventKind;
  /** Fuzzy in the text itself: 近日, 年底, 春节前, 今后5年. */
  approximate: boolean;
  /** How an unwritten year or month was filled in: 'anchor 2026-01-26', 'last year mentioned: 2025'. */
  inferred?: string;
  /** The date of a dateline (新华社北京1月26日电): when the report was filed, not an event in it. */
  dateline?: boolean;
}

export interface DateContext {
  /** The page's publication date, YYYY-MM-DD. */
  anchor: string | null;
  /** The year last mentioned earlier in the article, for 当年. */
  lastYear?: number;
}

/** A cut-off is the last day of what it names: 截至2025年底 → 2025-12-31. */
function cutoffOf(expr: DateExpression, r: Resolution): Resolution {
  const spanWords = expr.spec.type === 'yearPart' || (expr.spec.type === 'calendar' && expr.spec.part !== undefined);
  if (spanWords || expr.rangeEnd) {
    const last = lastDayOf(r.end);
    const point = spanWords ? last : r.end;
    return { ...r, start: point, end: point, approximate: false };
  }
  return { ...r, start: r.end };
}

/** "Since" runs from the date to the anchor, at the date's own precision. */
function sinceAnchor(r: Resolution, anchor: Ymd): Resolution {
  const p = precisionOf(r.start);
  const end: CalendarPoint = p === 'year' ? { y: anchor.y } : p === 'month' ? { y: anchor.y, m: anchor.m } : anchor;
  return { ...r, end, period: true };
}

/** Resolve an expression with its wrappers; null when the context cannot date it. */
function resolveExpression(expr: DateExpression, env: ResolveEnv): Resolution | null {
  const start = resolveSpec(expr.spec, env);
  if (!start) return null;
  let r = start;
  if (expr.rangeEnd) {
    const end = resolveRangeEnd(expr.rangeEnd, start, env);
    if (!end || firstDayOf(end.end) < firstDayOf(start.start)) return null;
    r = {
      ...start,
      end: end.end,
      approximate: start.approximate || end.approximate,
      statedYear: end.statedYear ?? start.statedYear,
      period: true,
    };
  }
  if (expr.since) {
    if (!env.anchor) return null;
    r = sinceAnchor(r, env.anchor);
  }
  if (expr.kind === 'as_of') r = cutoffOf(expr, r);
  return r;
}

function toMention(text: string, expr: DateExpression, r: Resolution): DateMention {
  const precision = finerPrecision(precisionOf(r.start), precisionOf(r.end));
  const kind: EventKind = expr.kind === 'event' && r.period ? 'period' : expr.kind;
  const mention: DateMention = {
    text: text.slice(expr.offset, expr.end),
    offset: expr.offset,
    length: expr.end - expr.offset,
    start: formatAt(r.start, precision, 'first'),
    end: formatAt(r.end, precision, 'last'),
    precision,
    kind,
    approximate: r.approximate,
  };
  if (r.inferred) mention.inferred = r.inferred;
  if (expr.dateline) mention.dateline = true;
  return mention;
}

/**
 * The date mentions of one paragraph, in text order. `ctx.anchor` dates what
 * the text leaves open (1月26日, 今年, 近日); `ctx.lastYear` carries 当年
 * across paragraphs. Returns the year last stated, for the next paragraph.
 * Expressions the context cannot date (近日 without an anchor) are left out.
 */
export function extractDates(text: string, ctx: DateContext): { mentions: DateMention[]; lastYear?: number } {
  // Full-width digits become ASCII one for one, so offsets stay valid.
  const t = toHalfWidth(text);
  const anchor = ctx.anchor ? parseDay(ctx.anchor) : null;
  const sentences = sentenceSpans(t);
  const mentions: DateMention[] = [];
  const env: ResolveEnv = { anchor, lastYear: ctx.lastYear };
  let sentence = -1;
  for (const expr of scanDateExpressions(t)) {
    const at = spanIndexAt(sentences, expr.offset);
    if (at !== sentence) {
      sentence = at;
      env.sentenceDate = undefined;
    }
    const r = resolveExpression(expr, env);
    if (!r) continue;
    mentions.push(toMention(text, expr, r));
    if (r.statedYear !== undefined) {
      env.lastYear = r.statedYear;
      if (expr.spec.type === 'calendar') env.sentenceDate = { y: r.end.y, m: r.end.m };
    }
    if (r.end.m !== undefined && !expr.dateline && expr.kind !== 'as_of' && !expr.rangeEnd)
      env.monthBefore = { y: r.end.y, m: r.end.m };
  }
  return { mentions, lastYear: env.lastYear };
}
