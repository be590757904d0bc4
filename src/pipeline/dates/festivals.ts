/**
 * Festivals and lunar days: 春节, 2021年新年前夕, 春节期间, 国庆假期, 正月初六.
 * A festival name counts as a date only where it is used as a time: with a
 * year (2021年春节), with a time word after it (前夕, 期间, 临近 …), or
 * opening a clause (春节，…). 欢度新春佳节 or 元旦春节送温暖活动 name the
 * festival as a thing and are left alone.
 */
import { addDays, type Ymd } from './calendar.ts';
import { lunarNewYearsEve, lunarToSolar, solarTerm, springFestival } from './lunar.ts';
import { isNumberChar, isOneOf, readRelativeYear, readYear } from './numbers.ts';
import type { FestivalRelation, Match, TimeSpec, YearRef } from './spec.ts';

interface Festival {
  /** Written forms, the festival's key first. */
  names: string[];
  /** The festival's day in solar year `y`. */
  date(y: number): Ymd | null;
  /** The public holiday around it: first day relative to the festival day, and length. */
  holiday: { from: number; days: number };
}

const fixed = (m: number, d: number) => (y: number): Ymd => ({ y, m, d });

export const FESTIVALS: Record<string, Festival> = {
  春节: { names: ['新春佳节', '农历新年', '春节', '新春'], date: springFestival, holiday: { from: -1, days: 7 } },
  除夕: { names: ['除夕', '大年三十'], date: lunarNewYearsEve, holiday: { from: 0, days: 1 } },
  元宵: { names: ['元宵节', '元宵'], date: (y) => lunarToSolar(y, 1, 15), holiday: { from: 0, days: 1 } },
  端午: { names: ['端午节', '端午'], date: (y) => lunarToSolar(y, 5, 5), holiday: { from: 0, days: 3 } },
  七夕: { names: ['七夕节', '七夕'], date: (y) => lunarToSolar(y, 7, 7), holiday: { from: 0, days: 1 } },
  中秋: { names: ['中秋节', '中秋'], date: (y) => lunarToSolar(y, 8, 15), holiday: { from: 0, days: 3 } },
  重阳: { names: ['重阳节', '重阳'], date: (y) => lunarToSolar(y, 9, 9), holiday: { from: 0, days: 1 } },
  // 腊八 of the lunar year that ends early in solar year y.
  腊八: { names: ['腊八节', '腊八'], date: (y) => lunarToSolar(y - 1, 12, 8), holiday: { from: 0, days: 1 } },
  清明: { names: ['清明节', '清明'], date: (y) => solarTerm(y, '清明'), holiday: { from: 0, days: 3 } },
  冬至: { names: ['冬至'], date: (y) => solarTerm(y, '冬至'), holiday: { from: 0, days: 1 } },
  元旦: { names: ['元旦'], date: fixed(1, 1), holiday: { from: 0, days: 3 } },
  // 新年 on its own is 1 January in mainland usage; 新年前夕 is 31 December.
  新年: { names: ['新年'], date: fixed(1, 1), holiday: { from: 0, days: 1 } },
  妇女节: { names: ['三八国际妇女节', '三八妇女节', '国际妇女节', '妇女节'], date: fixed(3, 8), holiday: { from: 0, days: 1 } },
  劳动节: {
    names: ['五一国际劳动节', '五一劳动节', '国际劳动节', '劳动节', '五一'],
    date: fixed(5, 1),
    holiday: { from: 0, days: 5 },
  },
  青年节: { names: ['五四青年节', '青年节', '五四'], date: fixed(5, 4), holiday: { from: 0, days: 1 } },
  儿童节: { names: ['六一国际儿童节', '六一儿童节', '国际儿童节', '儿童节', '六一'], date: fixed(6, 1), holiday: { from: 0, days: 1 } },
  建党节: { names: ['建党节', '七一'], date: fixed(7, 1), holiday: { from: 0, days: 1 } },
  建军节: { names: ['八一建军节', '建军节', '八一'], date: fixed(8, 1), holiday: { from: 0, days: 1 } },
  教师节: { names: ['教师节'], date: fixed(9, 10), holiday: { from: 0, days: 1 } },
  国庆: { names: ['国庆节', '国庆'], date: fixed(10, 1), holiday: { from: 0, days: 7 } },
};

/** All written names, longest first so 新春佳节 wins over 新春. */
const NAMES: { name: string; festival: string }[] = Object.entries(FESTIVALS)
  .flatMap(([festival, f]) => f.names.map((name) => ({ name, festival })))
  .sort((a, b) => b.name.length - a.name.length);

/** First characters of festival names, to skip most offsets at once. */
export const NAME_STARTS = new Set(NAMES.map(({ name }) => name[0]));

/** Time words after a festival name, longest first. */
const RELATIONS: [string, FestivalRelation][] = (
  [
    ['到来之际', 'on'], ['来临之际', 'on'], ['即将到来', 'before'], ['假期期间', 'during'],
    ['小长假', 'during'], ['黄金周', 'during'], ['前夕', 'eve'], ['前后', 'during'], ['期间', 'during'],
    ['假期', 'during'], ['长假', 'during'], ['临近', 'before'], ['将至', 'before'], ['来临', 'before'],
    ['到来', 'before'], ['之际', 'on'], ['当天', 'on'], ['当日', 'on'], ['当晚', 'on'], ['伊始', 'on'],
    ['以来', 'on'], ['前', 'before'], ['后', 'after'], ['夜', 'on'],
  ] as [string, FestivalRelation][]
).sort((a, b) => b[0].length - a[0].length);

/** After 前, these make another word: 前往, 前来, 前进 … */
const BEFORE_BLOCKED_AFTER = '往来进行线列景途提所面沿期';
/** Clause boundaries: a festival name between one and a comma is a time (春节，…). */
const CLAUSE_START = '，,。；;：:！？!?“”"（(、\n';

function readRelation(t: string, i: number): Match<FestivalRelation> | null {
  for (const [word, relation] of RELATIONS) {
    if (!t.startsWith(word, i)) continue;
    const next = t[i + word.length];
    if (word === '前' && isOneOf(BEFORE_BLOCKED_AFTER, next)) return null;
    // 后 is a time only when the clause ends there: 春节后，… (not 春节后勤).
    if (word === '后' && next !== undefined && !isOneOf('，,。；;、', next)) return null;
    // 以来 is left for the caller, which reads it as "since".
    if (word === '以来') return { value: 'on', end: i };
    return { value: relation, end: i + word.length };
  }
  return null;
}

/** A festival phrase at `i`: [year] name [time word]. */
export function readFestival(t: string, i: number): Match<Extract<TimeSpec, { type: 'festival' }>> | null {
  const year = readYear(t, i);
  const written: Match<YearRef> | null = year
    ? { value: { type: 'explicit', year: year.value }, end: year.end }
    : readRelativeYear(t, i);
  const j = written ? written.end : i;
  if (!NAME_STARTS.has(t[j])) return null;
  const hit = NAMES.find(({ name }) => t.startsWith(name, j));
  if (!hit) return null;
  const nameEnd = j + hit.name.length;
  // 五一, 八一, 三八 are numbers inside 三五一五 or 1.8一: they must stand alone.
  if (isNumberChar(t[j - 1]) && !written) return null;
  if (isNumberChar(t[nameEnd]) && !t.startsWith('节', nameEnd)) return null;
  const relation = readRelation(t, nameEnd);
  const opensClause = (i === 0 || isOneOf(CLAUSE_START, t[i - 1])) && isOneOf('，,', t[nameEnd]);
  if (!relation && !written && !opensClause) return null;
  return {
    value: { type: 'festival', year: written?.value ?? { type: 'unwritten' }, festival: hit.festival, relation: relation?.value ?? 'on' },
    end: relation ? relation.end : nameEnd,
  };
}

/** The festival's day and the span a relation covers, in solar year `y`. */
export function festivalSpan(
  festival: string,
  relation: FestivalRelation,
  y: number,
): { start: Ymd; end: Ymd; approximate: boolean } | null {
  const f = FESTIVALS[festival];
  const day = f?.date(y);
  if (!f || !day) return null;
  switch (relation) {
    case 'on':
      return { start: day, end: day, approximate: false };
    case 'eve':
      return { start: addDays(day, -1), end: addDays(day, -1), approximate: true };
    case 'before':
      return { start: addDays(day, -14), end: addDays(day, -1), approximate: true };
    case 'during': {
      const start = addDays(day, f.holiday.from);
      return { start, end: addDays(start, f.holiday.days - 1), approximate: true };
    }
    case 'after':
      return { start: addDays(day, 1), end: addDays(day, 14), approximate: true };
  }
}

const LUNAR_MONTHS: Record<string, number> = { 正月: 1, 大年: 1, 腊月: 12 };
const LUNAR_DAY = /(正月|腊月|大年)(初[一二三四五六七八九十]|二十[一二三四五六七八九]?|十[一二三四五六七八九]|廿[一二三四五六七八九]|三十)/y;

function lunarDayNumber(s: string): number {
  if (s.startsWith('初')) return ' 一二三四五六七八九十'.indexOf(s[1]);
  if (s.startsWith('廿')) return 20 + ' 一二三四五六七八九'.indexOf(s[1]);
  if (s === '三十') return 30;
  const tens = s.startsWith('二十') ? 20 : 10;
  const rest = s.slice(tens === 20 ? 2 : 1);
  return tens + (rest ? ' 一二三四五六七八九'.indexOf(rest) : 0);
}

/** 正月初六 · 腊月二十三 · 大年初一 (大年三十 is the 除夕 festival). */
export function readLunarDay(t: string, i: number): Match<Extract<TimeSpec, { type: 'lunarDay' }>> | null {
  LUNAR_DAY.lastIndex = i;
  const m = LUNAR_DAY.exec(t);
  if (!m) return null;
  // 大年 only goes with 初N: 大年三十 is read as 除夕, 大年十五 is not said.
  if (m[1] === '大年' && !m[2].startsWith('初')) return null;
  return {
    value: { type: 'lunarDay', year: { type: 'unwritten' }, month: LUNAR_MONTHS[m[1]], day: lunarDayNumber(m[2]) },
    end: i + m[0].length,
  };
}

/** Solar date of a lunar month/day whose new year falls in solar year `y`. */
export function lunarDaySolar(month: number, day: number, y: number): Ymd | null {
  try {
    // 腊月 belongs to the lunar year that started in the previous solar year.
    return month === 12 ? lunarToSolar(y - 1, 12, day) : lunarToSolar(y, month, day);
  } catch {
    return null;
  }
}
