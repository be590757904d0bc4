/**
 * Calendar expressions: 2020年12月22日, 2025年6月, 2025年底, 今年6月,
 * 1月26日, 26日, 2020-12-10, and the compact ranges 2021—2025年, 1—6月,
 * 1月13—15日.
 */
import { isValidYmd } from './calendar.ts';
import {
  isDigit,
  isNumberChar,
  readDay,
  readMonth,
  readMonthPart,
  readRelativeYear,
  readYear,
  readYearPart,
} from './numbers.ts';
import type { Match, TimeSpec, YearRef } from './spec.ts';

export type CalendarSpec = Extract<TimeSpec, { type: 'calendar' }>;

/**
 * 'free': anywhere in running text, so a bare 6月 or 26日 must stand on its
 * own; 'rangeEnd': right after 至/到/—, where 7日 or 三月 can only be a date.
 */
export type ReadMode = 'free' | 'rangeEnd';

/** Before a bare month or day these make it an ordinal or a count (第3月, 每26日, 3个月). */
const BARE_BLOCKED_BEFORE = '第每个/-.:';
/** After a bare day these make it a length of time: 30日内. */
const BARE_DAY_BLOCKED_AFTER = /^(?:内|以内|之内)/;

function bareAllowed(t: string, i: number): boolean {
  const prev = t[i - 1];
  return prev === undefined || (!isNumberChar(prev) && !BARE_BLOCKED_BEFORE.includes(prev));
}

/** Month, day or month part after a year (or at the start of a yearless expression). */
function readMonthDay(
  t: string,
  i: number,
  year: YearRef,
  mode: ReadMode,
): Match<CalendarSpec> | null {
  const month = readMonth(t, i);
  if (!month) return null;
  const day = readDay(t, month.end);
  if (day) return { value: { type: 'calendar', year, month: month.value, day: day.value }, end: day.end };
  // 十二月 alone is a month only when a year says so: 一月一次 is a frequency.
  if (year.type === 'unwritten' && month.chinese && mode === 'free') return null;
  const part = readMonthPart(t, month.end);
  if (part) return { value: { type: 'calendar', year, month: month.value, part: part.value }, end: part.end };
  return { value: { type: 'calendar', year, month: month.value }, end: month.end };
}

/** A calendar expression at `i`, or null. */
export function readCalendar(t: string, i: number, mode: ReadMode): Match<CalendarSpec> | null {
  const year = readYear(t, i);
  const written: Match<YearRef> | null = year
    ? { value: { type: 'explicit', year: year.value }, end: year.end }
    : readRelativeYear(t, i);
  if (written) {
    let j = written.end;
    if (t[j] === '度') j++; // 2025年度
    const part = readYearPart(t, j);
    if (part) return { value: { type: 'calendar', year: written.value, part: part.value }, end: part.end };
    return readMonthDay(t, j, written.value, mode) ?? { value: { type: 'calendar', year: written.value }, end: j };
  }
  const unwritten: YearRef = { type: 'unwritten' };
  if (mode === 'rangeEnd' || bareAllowed(t, i)) {
    const md = readMonthDay(t, i, unwritten, mode);
    if (md) return md;
  }
  const day = readDay(t, i);
  if (!day) return null;
  if (mode === 'rangeEnd') return { value: { type: 'calendar', year: unwritten, day: day.value }, end: day.end };
  // A day alone (26日) in running text: Arabic digits and 日 only, since 十日
  // and 3号 (a line, a building, a document) are usually something else.
  if (day.chinese || t[day.end - 1] !== '日' || !bareAllowed(t, i)) return null;
  if (BARE_DAY_BLOCKED_AFTER.test(t.slice(day.end, day.end + 2))) return null;
  return { value: { type: 'calendar', year: unwritten, day: day.value }, end: day.end };
}

const ISO_DATE = /(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\d.])/y;

/** 2020-12-10 · 2020/12/10 · 2020.12.10, the same separator twice. */
export function readIsoDate(t: string, i: number): Match<CalendarSpec> | null {
  if (!isDigit(t[i]) || isNumberChar(t[i - 1])) return null;
  ISO_DATE.lastIndex = i;
  const m = ISO_DATE.exec(t);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[3]), Number(m[4])];
  if (!isValidYmd(y, mo, d)) return null;
  return { value: { type: 'calendar', year: { type: 'explicit', year: y }, month: mo, day: d }, end: i + m[0].length };
}

/** Range connectors between two dates. */
export const CONNECTOR = /\s*(?:至|到|——|—|–|－|-|~|～|〜)\s*/y;

const CONN = CONNECTOR.source;
const YEAR_RANGE = new RegExp(`(\\d{4})年?${CONN}(\\d{4})年`, 'y');
const MONTH_RANGE = new RegExp(`(?:(\\d{4})年)?(\\d{1,2})${CONN}(\\d{1,2})月`, 'y');
const DAY_RANGE = new RegExp(`(?:(\\d{4})年)?(\\d{1,2})月(\\d{1,2})${CONN}(\\d{1,2})[日号]`, 'y');

/** A compact range, where the first date omits the unit the second states. */
export function readCompactRange(
  t: string,
  i: number,
): { start: CalendarSpec; end: CalendarSpec; stop: number } | null {
  if (!isDigit(t[i]) || isNumberChar(t[i - 1])) return null;
  const explicit = (year: number): YearRef => ({ type: 'explicit', year });
  // 2021—2025年
  let m = YEAR_RANGE;
  m.lastIndex = i;
  let r = m.exec(t);
  if (r) {
    const [a, b] = [Number(r[1]), Number(r[2])];
    if (a < b && a >= 1800 && b <= 2199)
      return { start: { type: 'calendar', year: explicit(a) }, end: { type: 'calendar', year: explicit(b) }, stop: i + r[0].length };
    return null;
  }
  // (2025年)1—6月
  m = MONTH_RANGE;
  m.lastIndex = i;
  r = m.exec(t);
  if (r) {
    const year: YearRef = r[1] ? explicit(Number(r[1])) : { type: 'unwritten' };
    const [a, b] = [Number(r[2]), Number(r[3])];
    if (a >= 1 && a < b && b <= 12)
      return {
        start: { type: 'calendar', year, month: a },
        end: { type: 'calendar', year, month: b },
        stop: i + r[0].length,
      };
  }
  // (2025年)1月13—15日
  m = DAY_RANGE;
  m.lastIndex = i;
  r = m.exec(t);
  if (r) {
    const year: YearRef = r[1] ? explicit(Number(r[1])) : { type: 'unwritten' };
    const [month, a, b] = [Number(r[2]), Number(r[3]), Number(r[4])];
    if (month >= 1 && month <= 12 && a >= 1 && a < b && b <= 31)
      return {
        start: { type: 'calendar', year, month, day: a },
        end: { type: 'calendar', year, month, day: b },
        stop: i + r[0].length,
      };
  }
  return null;
}
