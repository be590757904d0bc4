/**
 * Lunar-calendar and solar-term dates through lunar-javascript, a dependency
 * without dependencies of its own that covers 1900–2100: a hand table would
 * have to be maintained, and 春节 read as 1 January is the classic mistake.
 */
import lunarJavascript from 'lunar-javascript';
import { addDays, type Ymd } from './calendar.ts';

const { Lunar, Solar } = lunarJavascript;

// lunar-javascript computes from astronomy on every call (a quarter of all
// date-extraction time over the people-daily corpus); festivals repeat, so
// each answer is computed once.
const solarOfLunar = new Map<string, Ymd>();
const solarTerms = new Map<string, Ymd | null>();

/** The solar date of lunar `month`/`day` of lunar year `lunarYear`. */
export function lunarToSolar(lunarYear: number, month: number, day: number): Ymd {
  const key = `${lunarYear}-${month}-${day}`;
  let ymd = solarOfLunar.get(key);
  if (!ymd) {
    const solar = Lunar.fromYmd(lunarYear, month, day).getSolar();
    ymd = { y: solar.getYear(), m: solar.getMonth(), d: solar.getDay() };
    solarOfLunar.set(key, ymd);
  }
  return { ...ymd };
}

/** 春节 (lunar 1st of the 1st month) falling in solar year `y`. */
export function springFestival(y: number): Ymd {
  return lunarToSolar(y, 1, 1);
}

/** 除夕: the day before the Spring Festival of solar year `y` (the 12th month has 29 or 30 days). */
export function lunarNewYearsEve(y: number): Ymd {
  return addDays(springFestival(y), -1);
}

/** The solar term `name` (清明, 冬至 …) in solar year `y`. */
export function solarTerm(y: number, name: string): Ymd | null {
  const key = `${y}-${name}`;
  if (!solarTerms.has(key)) solarTerms.set(key, computeSolarTerm(y, name));
  const ymd = solarTerms.get(key)!;
  return ymd && { ...ymd };
}

function computeSolarTerm(y: number, name: string): Ymd | null {
  // A lunar year's table runs from the previous winter solstice, so look in two.
  for (const probe of [Solar.fromYmd(y, 6, 1), Solar.fromYmd(y + 1, 6, 1)]) {
    const solar = probe.getLunar().getJieQiTable()[name];
    if (solar && solar.getYear() === y) return { y, m: solar.getMonth(), d: solar.getDay() };
  }
  return null;
}
