/**
 * The scanner: finds every date expression of a text, leftmost first and
 * longest at each offset, and reads the wrappers around it — a range
 * (2月1日至7日, 从岁末到年初), a cut-off (截至2025年底), "since" (2025年以来),
 * a time of day (1月26日下午) and a dateline (新华社北京1月26日电).
 *
 * Why a grammar of our own: on these pages chrono-node's zh parser got 18 of
 * 51 expressions (no years, ranges, bare days or cut-offs) and read 现在
 * inside 体现在; recognizers-text invented 37 dates out of amounts such as
 * 11650家 and 2907.5万元 and threw on 大年/新年 phrases, losing every later
 * date of the call (measured in issue 5). Newspaper dates are a small closed
 * grammar, and owning it lets every rule guard against the numbers around it.
 */
import type { EventKind } from '../../shared/types.ts';
import { CONNECTOR, readCalendar, readCompactRange, readIsoDate } from './calendarExpr.ts';
import { isDatelineAt } from './dateline.ts';
import { NAME_STARTS, readFestival, readLunarDay } from './festivals.ts';
import type { DateExpression, Match, TimeSpec } from './spec.ts';
import {
  readBareYearPart,
  readComingYears,
  readDecade,
  readFiveYearPlan,
  readNow,
  readRecent,
  readRelativeDay,
  readRelativeMonth,
  readYearsAgo,
} from './words.ts';

type Reader = (t: string, i: number) => Match<TimeSpec> | null;

/** Readers of a single expression; the longest reading at an offset wins. */
const ATOM_READERS: Reader[] = [
  (t, i) => readCalendar(t, i, 'free'),
  readIsoDate,
  readFestival,
  readLunarDay,
  readBareYearPart,
  readRelativeDay,
  readRelativeMonth,
  readRecent,
  readYearsAgo,
  readFiveYearPlan,
  readComingYears,
  readDecade,
];

/** Readers allowed after a range connector, where a bare 7日 or 3月 is safe. */
const RANGE_END_READERS: Reader[] = [
  (t, i) => readCalendar(t, i, 'rangeEnd'),
  readFestival,
  readLunarDay,
  readBareYearPart,
];

function longest(readers: Reader[], t: string, i: number): Match<TimeSpec> | null {
  let best: Match<TimeSpec> | null = null;
  for (const read of readers) {
    const m = read(t, i);
    if (m && (!best || m.end > best.end)) best = m;
  }
  return best;
}

/** Specs that are stretches of time by themselves. */
function intrinsicKind(spec: TimeSpec): EventKind {
  switch (spec.type) {
    case 'fiveYearPlan':
    case 'comingYears':
    case 'decade':
      return 'period';
    case 'festival':
      return spec.relation === 'during' ? 'period' : 'event';
    case 'calendar':
      return spec.part && spec.part.type !== 'early' && spec.part.type !== 'late' ? 'period' : 'event';
    default:
      return 'event';
  }
}

const RANGEABLE = new Set<TimeSpec['type']>(['calendar', 'festival', 'lunarDay', 'yearPart']);
const TIME_OF_DAY = /(?:上午|下午|晚上|晚间|凌晨|中午|傍晚|早上|清晨|早晨|夜间|晚(?=[，,]))/y;

/** The end of a range after `end`, if a connector and a date follow. */
function readRangeEnd(t: string, end: number): Match<TimeSpec> | null {
  CONNECTOR.lastIndex = end;
  const conn = CONNECTOR.exec(t);
  if (!conn) return null;
  return longest(RANGE_END_READERS, t, end + conn[0].length);
}

/** One expression at `i` with its range, "since", time-of-day and dateline wrappers. */
function readExpression(t: string, i: number): DateExpression | null {
  const compact = readCompactRange(t, i);
  const atom = longest(ATOM_READERS, t, i);
  if (compact && (!atom || compact.stop >= atom.end))
    return { offset: i, end: compact.stop, spec: compact.start, rangeEnd: compact.end, kind: 'period' };
  if (!atom) return null;
  const expr: DateExpression = { offset: i, end: atom.end, spec: atom.value, kind: intrinsicKind(atom.value) };
  if (RANGEABLE.has(atom.value.type)) {
    const rangeEnd = readRangeEnd(t, atom.end);
    // 岁末年初: two year parts side by side are a range without a connector.
    const adjacent =
      atom.value.type === 'yearPart' && atom.value.part === 'late' ? readBareYearPart(t, atom.end) : null;
    const to = rangeEnd ?? (adjacent?.value.type === 'yearPart' && adjacent.value.part === 'early' ? adjacent : null);
    if (to) {
      expr.rangeEnd = to.value;
      expr.end = to.end;
      expr.kind = 'period';
    }
  }
  if (t.startsWith('以来', expr.end) && !expr.rangeEnd) {
    expr.since = true;
    expr.end += 2;
    expr.kind = 'period';
    return expr;
  }
  const spec = expr.spec;
  if (!expr.rangeEnd && spec.type === 'calendar' && spec.day !== undefined) {
    if (isDatelineAt(t, i, expr.end)) expr.dateline = true;
    TIME_OF_DAY.lastIndex = expr.end;
    const tod = TIME_OF_DAY.exec(t);
    if (tod && !expr.dateline) expr.end += tod[0].length;
  }
  return expr;
}

const CUTOFF = /(?:截至到|截止到|截止至|截至|截止)\s*/y;

/** 截至2025年12月31日 · 截至2月8日 · 截至目前: a cut-off for cumulative figures. */
function readCutoff(t: string, i: number): DateExpression | null {
  CUTOFF.lastIndex = i;
  const m = CUTOFF.exec(t);
  if (!m) return null;
  const j = i + m[0].length;
  const now = readNow(t, j);
  if (now) return { offset: i, end: now.end, spec: now.value, kind: 'as_of' };
  const inner = readExpression(t, j);
  if (!inner || inner.since || inner.dateline) return null;
  return { ...inner, offset: i, kind: 'as_of' };
}

/** 从岁末到年初 · 自2021年至2025年: a range opened by 从/自. */
function readOpenedRange(t: string, i: number): DateExpression | null {
  if (t[i] !== '从' && t[i] !== '自') return null;
  const inner = readExpression(t, i + 1);
  return inner?.rangeEnd ? { ...inner, offset: i } : null;
}

/**
 * Characters an expression can start with (digits, numerals, the first
 * characters of the words the readers know), by UTF-16 code unit. Most
 * characters of a page are none of these, and skipping them makes the scan
 * several times faster; a table, because `t[i]` makes a string per Han
 * character and the scan visits every one.
 */
const START_CHARS = new Uint8Array(0x10000);
for (const c of [
  ...'0123456789〇零○一二三四五六七八九十两元',
  ...'今去前明当同次翌上本下昨', // relative years, days, months
  ...'截从自正腊大岁年日近第未', // cut-offs, ranges, lunar days, year parts, 日前/近日, plans, 未来N年
  ...NAME_STARTS,
])
  START_CHARS[c.charCodeAt(0)] = 1;

/** Every date expression of `t` that starts in [from, to), in text order, none overlapping. */
export function scanDateExpressions(t: string, from = 0, to = t.length): DateExpression[] {
  const found: DateExpression[] = [];
  let i = from;
  while (i < to) {
    if (START_CHARS[t.charCodeAt(i)] === 0) {
      i++;
      continue;
    }
    const expr = readCutoff(t, i) ?? readOpenedRange(t, i) ?? readExpression(t, i);
    if (expr) {
      found.push(expr);
      i = expr.end;
    } else i++;
  }
  return found;
}

/**
 * How far before its 电 or 讯 a dateline's date can start: 二〇二〇年十二月三十一日
 * is 12 characters.
 */
const DATELINE_DATE_REACH = 24;
/** The characters dates are written in: a scan must not start in the middle of one. */
const DATE_CHAR = /[0-9０-９〇零○一二三四五六七八九十两年月日号]/;
const DATELINE_MARK = /[电讯]/g;

/**
 * The dates of `t`'s datelines (新华社北京1月26日电): the same as the
 * expressions of scanDateExpressions(t) marked dateline. A dateline's date
 * ends right before 电 or 讯, so only the stretch before each of those is
 * scanned: scanning a whole page for its datelines took a seventh of the time
 * of reading it (people-daily: 7.7 s of 10,294 pages, now 0.3 s).
 */
export function scanDatelines(t: string): DateExpression[] {
  const out: DateExpression[] = [];
  for (const mark of t.matchAll(DATELINE_MARK)) {
    const at = mark.index;
    const lineStart = t.lastIndexOf('\n', at - 1) + 1;
    let from = Math.max(lineStart, at - DATELINE_DATE_REACH);
    while (from > lineStart && DATE_CHAR.test(t[from - 1])) from--;
    const e = scanDateExpressions(t, from, at).find((x) => x.end === at && x.dateline);
    if (e) out.push(e);
  }
  return out;
}
