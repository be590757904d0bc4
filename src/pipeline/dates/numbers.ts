/**
 * Readers for the numbers of a date (2025年, 二〇二一年, 12月, 二十六日). Each
 * reads at one offset and refuses a number that is part of a larger one, so
 * 11650家 never yields 1650 and 2907.5万元 never yields a date.
 */
import { CHINESE_NUMERAL_CHARS, parseChineseNumeral } from '../numerals.ts';
import type { Match, PeriodPart, YearRef } from './spec.ts';

/** Whether `c` is one of `chars`; false at either end of the text (where `c` is undefined). */
export const isOneOf = (chars: string, c: string | undefined): boolean => c !== undefined && c !== '' && chars.includes(c);

export const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** Any character that can be part of a number: a date number must not touch one. */
export const isNumberChar = (c: string | undefined): boolean =>
  c !== undefined && (isDigit(c) || CHINESE_NUMERAL_CHARS.includes(c) || c === '.' || c === '两');

const YEAR_NUMERALS = '〇零○一二三四五六七八九';
/** Numerals of a month or a day: 两 is left out because 两月/两日 are lengths, not dates. */
const SMALL_NUMERALS = '一二三四五六七八九十';

/** Before a four-digit year these make it a length of time: 近2000年, 约1000年. */
const QUANTITY_BEFORE = '近约逾超达';
/** After 年 these make the number a length of time: 2000年历史, 1000年以上. */
const DURATION_AFTER = /^(?:历史|以上|左右|多|之久|来)/;
/** Years the pages talk about; 1000年 in 有1000年 is a length, not a year. */
const MIN_YEAR = 1800;
const MAX_YEAR = 2199;

/** 2025年 · 二〇二一年 at `i` → the year; `end` is after 年. */
export function readYear(t: string, i: number): Match<number> | null {
  const prev = t[i - 1];
  let j = i;
  let value: number | null;
  if (isDigit(t[i])) {
    while (isDigit(t[j])) j++;
    if (prev !== undefined && /[0-9.A-Za-z]/.test(prev)) return null;
    value = Number(t.slice(i, j));
  } else {
    while (j < t.length && YEAR_NUMERALS.includes(t[j])) j++;
    if (isNumberChar(prev)) return null;
    value = parseChineseNumeral(t.slice(i, j));
  }
  if (j - i !== 4 || t[j] !== '年' || value === null) return null;
  if (value < MIN_YEAR || value > MAX_YEAR) return null;
  if (isOneOf(QUANTITY_BEFORE, prev)) return null;
  if (DURATION_AFTER.test(t.slice(j + 1, j + 3))) return null;
  return { value, end: j + 1 };
}

/** A 1–2 digit or short Chinese numeral at `i` (6, 12, 十二, 二十六). */
export function readSmallNumber(t: string, i: number): (Match<number> & { chinese: boolean }) | null {
  let j = i;
  if (isDigit(t[i])) {
    while (isDigit(t[j])) j++;
    if (j - i > 2) return null;
    return { value: Number(t.slice(i, j)), end: j, chinese: false };
  }
  while (j < t.length && j - i < 3 && SMALL_NUMERALS.includes(t[j])) j++;
  if (j === i) return null;
  const value = parseChineseNumeral(t.slice(i, j));
  return value === null ? null : { value, end: j, chinese: true };
}

/** 6月 · 6月份 · 十二月 · 元月 at `i`. */
export function readMonth(t: string, i: number): (Match<number> & { chinese: boolean }) | null {
  if (t.startsWith('元月', i)) return { value: 1, end: i + 2, chinese: true };
  const n = readSmallNumber(t, i);
  if (!n || t[n.end] !== '月' || n.value < 1 || n.value > 12) return null;
  // 13月薪 and the like are pay, not a month.
  if (t[n.end + 1] === '薪') return null;
  const end = t[n.end + 1] === '份' ? n.end + 2 : n.end + 1;
  return { value: n.value, end, chinese: n.chinese };
}

/** 26日 · 26号 · 二十六日 at `i`. */
export function readDay(t: string, i: number): (Match<number> & { chinese: boolean }) | null {
  const n = readSmallNumber(t, i);
  if (!n || (t[n.end] !== '日' && t[n.end] !== '号') || n.value < 1 || n.value > 31) return null;
  return { value: n.value, end: n.end + 1, chinese: n.chinese };
}

/** Relative year words and the year they point to. */
const YEAR_WORDS: Record<string, YearRef> = {
  今年: { type: 'anchor', offset: 0 },
  去年: { type: 'anchor', offset: -1 },
  前年: { type: 'anchor', offset: -2 },
  上年: { type: 'anchor', offset: -1 },
  本年: { type: 'anchor', offset: 0 },
  明年: { type: 'anchor', offset: 1 },
  当年: { type: 'mentioned', offset: 0 },
  同年: { type: 'mentioned', offset: 0 },
  次年: { type: 'mentioned', offset: 1 },
  翌年: { type: 'mentioned', offset: 1 },
};
/** Characters that, before the word, make it part of another word (之前年, 想当年, 正当年, 不同年). */
const YEAR_WORD_BLOCKED_BEFORE: Record<string, string> = {
  前年: '之以此提从几多年',
  当年: '想正每适',
  同年: '不相共',
  去年: '过',
  上年: '以向至',
  本年: '日',
};
/** After 年, these make a word about age or generations, not a year (同年龄, 当年纪). */
const YEAR_WORD_BLOCKED_AFTER = '龄纪级代轻货华糕画鉴薪迈';

/** 今年 · 去年 · 当年 … at `i`. */
export function readRelativeYear(t: string, i: number): Match<YearRef> | null {
  // Every word ends in 年: most offsets are turned away before making a string.
  if (t[i + 1] !== '年') return null;
  const word = t.slice(i, i + 2);
  const ref = YEAR_WORDS[word];
  if (!ref) return null;
  const prev = t[i - 1];
  if (isOneOf(YEAR_WORD_BLOCKED_BEFORE[word] ?? '', prev)) return null;
  const next = t[i + 2];
  if (isOneOf(YEAR_WORD_BLOCKED_AFTER, next)) return null;
  return { value: ref, end: i + 2 };
}

/** After 初 these make another word: 初步, 初次, 初心 … (2025年初步完成 is not 年初). */
const EARLY_BLOCKED_AFTER = '步次心衷级稿审期始创见中试赛选';

/** After 终 these make another word: 终身, 终点, 终于 … */
const LATE_BLOCKED_AFTER = '身点止究于端生';

const QUARTER = /(前|第)?([一二三四1-4])季度/y;

/** After 2025年: 底 · 末 · 终 · 初 · 上半年 · 下半年 · 一季度 · 前三季度. */
export function readYearPart(t: string, i: number): Match<PeriodPart> | null {
  const c = t[i];
  if (c === '底' || c === '末') return { value: { type: 'late' }, end: i + 1 };
  if (c === '终' && !isOneOf(LATE_BLOCKED_AFTER, t[i + 1])) return { value: { type: 'late' }, end: i + 1 };
  if (c === '初' && !isOneOf(EARLY_BLOCKED_AFTER, t[i + 1])) return { value: { type: 'early' }, end: i + 1 };
  if (t.startsWith('上半年', i)) return { value: { type: 'half', half: 1 }, end: i + 3 };
  if (t.startsWith('下半年', i)) return { value: { type: 'half', half: 2 }, end: i + 3 };
  QUARTER.lastIndex = i;
  const m = QUARTER.exec(t);
  if (m) {
    const quarter = '一二三四'.includes(m[2]) ? '一二三四'.indexOf(m[2]) + 1 : Number(m[2]);
    return { value: { type: 'quarter', quarter, cumulative: m[1] === '前' }, end: i + m[0].length };
  }
  return null;
}

/** After 6月: 上旬 · 中旬 · 下旬 · 初 · 底 · 末. */
export function readMonthPart(t: string, i: number): Match<PeriodPart> | null {
  const dekad = ['上旬', '中旬', '下旬'].indexOf(t.slice(i, i + 2));
  if (dekad >= 0) return { value: { type: 'dekad', dekad: (dekad + 1) as 1 | 2 | 3 }, end: i + 2 };
  const c = t[i];
  if (c === '底' || c === '末') return { value: { type: 'late' }, end: i + 1 };
  if (c === '初' && !isOneOf(EARLY_BLOCKED_AFTER, t[i + 1])) return { value: { type: 'early' }, end: i + 1 };
  return null;
}
