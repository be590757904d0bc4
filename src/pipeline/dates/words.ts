/**
 * Date words that carry no calendar numbers: 今天, 本月, 日前/近日, 9年前,
 * 岁末/年初, 十四五 and 第十四个五年规划, 今后5年, 80年代.
 */
import { parseChineseNumeral } from '../numerals.ts';
import { isNumberChar, isOneOf } from './numbers.ts';
import type { Match, TimeSpec } from './spec.ts';

type Read = (t: string, i: number) => Match<TimeSpec> | null;

/** Keys longest first, computed once per table (this runs at every offset of every page). */
const sortedKeys = new WeakMap<object, string[]>();

function readWord<T>(t: string, i: number, table: Record<string, T>): Match<T> & { word: string } | null {
  let words = sortedKeys.get(table);
  if (!words) sortedKeys.set(table, (words = Object.keys(table).sort((a, b) => b.length - a.length)));
  for (const word of words) {
    if (t.startsWith(word, i)) return { value: table[word], end: i + word.length, word };
  }
  return null;
}

const DAY_WORDS: Record<string, number> = { 今天: 0, 昨天: -1, 昨日: -1, 前天: -2, 明天: 1 };

/** 今天 · 昨天 · 前天 · 明天. */
export const readRelativeDay: Read = (t, i) => {
  const w = readWord(t, i, DAY_WORDS);
  if (!w) return null;
  // 美好的明天 is the future in general, not tomorrow.
  if (w.word === '明天' && t[i - 1] === '的') return null;
  return { value: { type: 'relativeDay', offset: w.value }, end: w.end };
};

const MONTH_WORDS: Record<string, number> = { 本月: 0, 上月: -1, 上个月: -1, 下月: 1, 下个月: 1 };

/** 本月 · 上月 · 下个月. */
export const readRelativeMonth: Read = (t, i) => {
  const w = readWord(t, i, MONTH_WORDS);
  return w ? { value: { type: 'relativeMonth', offset: w.value }, end: w.end } : null;
};

/**
 * Words ending in 日 that, before 前, make 日前 "before the day of …" rather
 * than "a few days ago": 节日前, 生日前, 工作日前, 9日前.
 */
const DAY_WORD_ENDINGS = '节生今昨明假周末工作平往元吉早当次每近连终抗红旭夏冬春秋落白烈念庆息放题传期某首本翌前后数几';
/** Before 近日 these make another word: 最近日程, 接近日本. */
const RECENT_BLOCKED_BEFORE = '最接临附靠将';

/** 日前 · 近日: shortly before the anchor. */
export const readRecent: Read = (t, i) => {
  const prev = t[i - 1];
  if (t.startsWith('日前', i)) {
    if (isOneOf(DAY_WORD_ENDINGS, prev) || isNumberChar(prev)) return null;
    return { value: { type: 'recent' }, end: i + 2 };
  }
  if (t.startsWith('近日', i)) {
    if (isOneOf(RECENT_BLOCKED_BEFORE, prev)) return null;
    return { value: { type: 'recent' }, end: i + 2 };
  }
  return null;
};

/** 目前 · 当前 … after 截至: the anchor. */
export const readNow: Read = (t, i) => {
  const m = /(?:记者)?(?:发稿时|发稿前|目前|当前|现在|今天|今日|此时)/y;
  m.lastIndex = i;
  const r = m.exec(t);
  return r ? { value: { type: 'now' }, end: i + r[0].length } : null;
};

/** readCount's expressions by the most characters they read. */
const COUNT: RegExp[] = [];

/** A small count written in digits or Chinese (5, 五, 十四, 两). */
function readCount(t: string, i: number, maxChars: number): Match<number> | null {
  // One expression per length, compiled once: this runs at most offsets of every page.
  const m = (COUNT[maxChars] ??= new RegExp(`(\\d{1,${maxChars}}|[一二三四五六七八九十两]{1,${maxChars}})`, 'y'));
  m.lastIndex = i;
  const r = m.exec(t);
  if (!r) return null;
  const value = /\d/.test(r[1]) ? Number(r[1]) : parseChineseNumeral(r[1]);
  return value === null ? null : { value, end: i + r[0].length };
}

/** Before N年前 these make the count a vague or approximate length (近30年前, 多年前). */
const AGO_BLOCKED_BEFORE = '近约多几数第';

/** 9年前: the anchor's year minus N. Four-digit numbers are years (2020年前 = before 2020). */
export const readYearsAgo: Read = (t, i) => {
  if (isNumberChar(t[i - 1]) || isOneOf(AGO_BLOCKED_BEFORE, t[i - 1])) return null;
  const n = readCount(t, i, 3);
  if (!n || !t.startsWith('年前', n.end) || n.value < 1) return null;
  return { value: { type: 'calendar', year: { type: 'anchor', offset: -n.value } }, end: n.end + 2 };
};

/** 今后5年 · 未来五年: the anchor's year and the N−1 after it. */
export const readComingYears: Read = (t, i) => {
  const m = /(今后|未来)/y;
  m.lastIndex = i;
  if (!m.exec(t)) return null;
  const n = readCount(t, i + 2, 2);
  if (!n || t[n.end] !== '年' || n.value < 1 || n.value > 50) return null;
  return { value: { type: 'comingYears', years: n.value }, end: n.end + 1 };
};

/** Words after a short plan name that show it is the plan (“十四五”规划, 十三五期间). */
const PLAN_CONTEXT_AFTER = /^(?:规划|计划|时期|期间|末|初期|开局|收官|以来)/;
const OPEN_QUOTES = '“"‘「『';
const CLOSE_QUOTES = '”"’」』';

/**
 * 第十四个五年规划 · “十四五”. The short form needs quotes or a plan word,
 * and a plan number from 6 up (not 10, which reads as 十五 "fifteen"): 三五一五
 * in a company name is not the third plan.
 */
export const readFiveYearPlan: Read = (t, i) => {
  const full = /第([一二三四五六七八九十]{1,3})个五年(?:规划|计划)/y;
  full.lastIndex = i;
  const f = full.exec(t);
  if (f) {
    const plan = parseChineseNumeral(f[1]);
    return plan ? { value: { type: 'fiveYearPlan', plan }, end: i + f[0].length } : null;
  }
  if (isNumberChar(t[i - 1])) return null;
  const short = /([一二三四五六七八九十]{1,3})五/y;
  short.lastIndex = i;
  const s = short.exec(t);
  if (!s) return null;
  const end = i + s[0].length;
  if (isNumberChar(t[end])) return null;
  const plan = parseChineseNumeral(s[1]);
  if (plan === null || plan < 6 || plan === 10 || plan > 30) return null;
  const quoted = isOneOf(OPEN_QUOTES, t[i - 1]) && isOneOf(CLOSE_QUOTES, t[end]);
  const context = PLAN_CONTEXT_AFTER.test(t.slice(end, end + 2));
  return quoted || context ? { value: { type: 'fiveYearPlan', plan }, end } : null;
};

/** First year of the Nth five-year plan: 1953, 1958, then 1966 + 5(N−3) after the 1963–65 adjustment years. */
export function fiveYearPlanStart(plan: number): number {
  if (plan === 1) return 1953;
  if (plan === 2) return 1958;
  return 1966 + 5 * (plan - 3);
}

/** 80年代 · 上世纪90年代 · 本世纪20年代. */
export const readDecade: Read = (t, i) => {
  const m = /(上世纪|20世纪|二十世纪|本世纪|21世纪|二十一世纪)?(\d0|[一二三四五六七八九]十)年代/y;
  m.lastIndex = i;
  const r = m.exec(t);
  if (!r || (!r[1] && isNumberChar(t[i - 1]))) return null;
  const tens = /\d/.test(r[2]) ? Number(r[2]) : (parseChineseNumeral(r[2]) ?? 0);
  const century = r[1] && /本|21|二十一/.test(r[1]) ? 2000 : 1900;
  return { value: { type: 'decade', start: century + tens }, end: i + r[0].length };
};

/** Before a bare 年初/年底 these make it recurring or another word: 每年年底, 新年初一. */
const YEAR_PART_BLOCKED_BEFORE = '每年新';

/** Bare 岁末 · 年末 · 年底 · 年终 · 岁初 · 年初 (a deadline with 前: 年底前). */
export const readBareYearPart: Read = (t, i) => {
  const w = t.slice(i, i + 2);
  // 年终 is left out: bare, it is mostly 年终奖, 年终总结 or 青少年终身.
  const part = ['岁末', '年末', '年底'].includes(w) ? 'late' : ['岁初', '年初'].includes(w) ? 'early' : null;
  if (!part) return null;
  if (isOneOf(YEAR_PART_BLOCKED_BEFORE, t[i - 1]) || isNumberChar(t[i - 1])) return null;
  if (part === 'early' && isNumberChar(t[i + 2])) return null;
  return { value: { type: 'yearPart', part, deadline: t[i + 2] === '前' }, end: i + 2 };
};
