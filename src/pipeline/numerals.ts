/**
 * Chinese numerals → numbers. Written by hand because the packages we measured
 * convert inside words (chinese-numbers-converter turns 十堰市 into 10堰市);
 * these functions only ever see a numeral the caller has already delimited.
 */

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, '○': 0, 'Ｏ': 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 两: 2, 三: 3, 叁: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** Characters that may appear in a Chinese numeral. */
export const CHINESE_NUMERAL_CHARS = '零〇○一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟';

/**
 * Parse a Chinese numeral such as 三十, 两万, 一百零五, 十四 or a digit-by-digit
 * year such as 二〇二一. Returns null when the string is not a numeral.
 */
export function parseChineseNumeral(s: string): number | null {
  if (!s) return null;
  // Digit-by-digit form (years: 二〇二一), recognised when no unit char is present.
  if ([...s].every((c) => c in DIGITS)) {
    return Number([...s].map((c) => DIGITS[c]).join(''));
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const c of s) {
    if (c in DIGITS) {
      digit = DIGITS[c];
    } else if (c in SMALL_UNITS) {
      section += (digit ?? 1) * SMALL_UNITS[c];
      digit = null;
    } else if (c in BIG_UNITS) {
      section += digit ?? 0;
      total = (total + (section || (total ? 0 : 1))) * BIG_UNITS[c];
      section = 0;
      digit = null;
    } else {
      return null;
    }
  }
  return total + section + (digit ?? 0);
}

/** Full-width digits, letters and punctuation commonly used with numbers → ASCII. */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}
