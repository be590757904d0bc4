/**
 * Lunar-calendar and solar-term dates through lunar-javascript, a dependency
 * without dependencies of its own that covers 1900–2100: a hand table would
 * have to be maintained, and 春节 read as 1 January is the classic mistake.
 */
import lunarJavascript from 'lunar-javascript';
import { addDays, type Ymd } from './calendar.ts';

const { Lunar, Solar } = lunarJavascript;

/** The solar date of lunar `month`/`day` of lunar year `lunarYear`. */
export function lunarToSolar(lunarYear: number, month: number, day: number): Ymd {
  const solar = Lunar.fromYmd(lunarYear, month, day).getSolar();
  return { y: solar.getYear(), m: solar.getMonth(), d: solar.getDay() };
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
  // A lunar year's table runs from the previous winter solstice, so look in two.
  for (const probe of [Solar.fromYmd(y, 6, 1), Solar.fromYmd(y + 1, 6, 1)]) {
    const solar = probe.getLunar().getJieQiTable()[name];
    if (solar && solar.getYear() === y) return { y, m: solar.getMonth(), d: solar.getDay() };
  }
  return null;
}
