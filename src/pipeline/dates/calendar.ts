/**
 * Calendar arithmetic on Gregorian dates counted in UTC days, so that no time
 * zone of the build machine can shift a date by one.
 */
import type { Precision } from '../../shared/types.ts';

/** A full calendar day. */
export interface Ymd {
  y: number;
  m: number;
  d: number;
}

/** A point at year, month or day precision: 2025 · 2025-06 · 2025-06-01. */
export interface CalendarPoint {
  y: number;
  m?: number;
  d?: number;
}

const DAY_MS = 86_400_000;

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function isValidYmd(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

export function toDayNumber(p: Ymd): number {
  return Date.UTC(p.y, p.m - 1, p.d) / DAY_MS;
}

export function fromDayNumber(n: number): Ymd {
  const date = new Date(n * DAY_MS);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

export function addDays(p: Ymd, days: number): Ymd {
  return fromDayNumber(toDayNumber(p) + days);
}

/** Shift a month by `months`, keeping the year in step. */
export function addMonths(y: number, m: number, months: number): { y: number; m: number } {
  const index = y * 12 + (m - 1) + months;
  return { y: Math.floor(index / 12), m: (index % 12) + 1 };
}

export function firstDayOf(p: CalendarPoint): Ymd {
  return { y: p.y, m: p.m ?? 1, d: p.d ?? 1 };
}

export function lastDayOf(p: CalendarPoint): Ymd {
  const m = p.m ?? 12;
  return { y: p.y, m, d: p.d ?? daysInMonth(p.y, m) };
}

export function precisionOf(p: CalendarPoint): Precision {
  return p.d !== undefined ? 'day' : p.m !== undefined ? 'month' : 'year';
}

const PRECISION_RANK: Record<Precision, number> = { year: 0, month: 1, day: 2 };

/** The finer of two precisions (a range from 2020-12 to 2021 is shown in months). */
export function finerPrecision(a: Precision, b: Precision): Precision {
  return PRECISION_RANK[a] >= PRECISION_RANK[b] ? a : b;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export function formatYmd(p: Ymd): string {
  return `${pad(p.y, 4)}-${pad(p.m, 2)}-${pad(p.d, 2)}`;
}

/**
 * Write `p` at `precision`; a coarser point is widened to its first unit
 * (`edge` 'first', for a start) or its last (`edge` 'last', for an end).
 */
export function formatAt(p: CalendarPoint, precision: Precision, edge: 'first' | 'last'): string {
  const day = edge === 'first' ? firstDayOf(p) : lastDayOf(p);
  if (precision === 'year') return pad(p.y, 4);
  if (precision === 'month') return `${pad(day.y, 4)}-${pad(day.m, 2)}`;
  return formatYmd(day);
}

/** Parse YYYY-MM-DD (also YYYY/MM/DD, YYYY.MM.DD, YYYYMMDD, YYYY年M月D日); null unless a real day. */
export function parseDay(s: string): Ymd | null {
  const m = /^\s*(\d{4})(?:[-/.年]?)(\d{1,2})(?:[-/.月]?)(\d{1,2})日?\s*$/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidYmd(y, mo, d) ? { y, m: mo, d } : null;
}
