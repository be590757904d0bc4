import { CHINESE_NUMERAL_CHARS, parseChineseNumeral } from '../numerals.ts';

/** A number as written, before any unit: 2907.5万, 11,650, 两万, 三十. */
export interface Quantity {
  start: number;
  end: number;
  value: number;
  numeral: 'arabic' | 'chinese';
  /** Written with a 十/百/千/万/亿 multiplier (or as a Chinese numeral containing one). */
  multiplied: boolean;
  /** Set when the numeral itself names the unit (百分之五十 → %). */
  unit?: string;
}

/**
 * Full-width digits and number punctuation → ASCII, one character for one, so offsets
 * into the result are offsets into the input. Full-width commas stay: in running text
 * “，” is a clause break, never a thousands separator.
 */
export function normaliseDigits(text: string): string {
  return text.replace(/[\uFF10-\uFF19\uFF0E\uFF05\uFF0B\uFF0D]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

const MULTIPLIER: Record<string, number> = { 十: 10, 百: 100, 千: 1e3, 万: 1e4, 亿: 1e8 };
const ARABIC = /(\d{1,3}(?:,\d{3})+(?!\d)|\d+)(\.\d+)?/y;
const MULTIPLIERS = /[十百千万亿]+/y;
/** Chinese numerals start with a digit word; a leading 百/千/万/亿 is an idiom (百万职工, 千家万户, 亿万). */
const CHINESE_START = /[一二两三四五六七八九十〇]/;
const CHINESE_RUN = new RegExp(`[${CHINESE_NUMERAL_CHARS}]+`, 'y');
/** Units that begin with a multiplier character, so 5千米 is 5 km, not 5000 米. */
const UNIT_WITH_MULTIPLIER_CHAR = /^(千米|千瓦|千克|百分点)/;

/** The Arabic number (with its multiplier) starting at `at`, in normalised text. */
export function readArabicAt(text: string, at: number): Quantity | null {
  if (at > 0 && /[\d.]/.test(text[at - 1])) return null;
  ARABIC.lastIndex = at;
  const m = ARABIC.exec(text);
  if (!m) return null;
  let value = Number(m[0].replace(/,/g, ''));
  let end = at + m[0].length;
  const scale = multiplierAt(text, end);
  if (scale) {
    value *= scale.factor;
    end += scale.length;
  }
  return Number.isFinite(value) ? { start: at, end, value, numeral: 'arabic', multiplied: !!scale } : null;
}

function multiplierAt(text: string, at: number): { factor: number; length: number } | null {
  if (UNIT_WITH_MULTIPLIER_CHAR.test(text.slice(at, at + 3))) return null;
  MULTIPLIERS.lastIndex = at;
  const m = MULTIPLIERS.exec(text);
  if (!m) return null;
  return { factor: [...m[0]].reduce((f, c) => f * MULTIPLIER[c], 1), length: m[0].length };
}

/** The Chinese numeral starting at `at` (三十, 两万, 一百零五). */
export function readChineseAt(text: string, at: number): Quantity | null {
  if (!CHINESE_START.test(text[at] ?? '')) return null;
  if (at > 0 && CHINESE_NUMERAL_CHARS.includes(text[at - 1])) return null;
  CHINESE_RUN.lastIndex = at;
  const m = CHINESE_RUN.exec(text);
  if (!m) return null;
  let run = m[0];
  // 5千米-style units: give a trailing 千 back when it starts a unit.
  while (run.length > 1 && UNIT_WITH_MULTIPLIER_CHAR.test(text.slice(at + run.length - 1, at + run.length + 2))) run = run.slice(0, -1);
  const value = parseChineseNumeral(run);
  if (value === null || !Number.isFinite(value)) return null;
  return { start: at, end: at + run.length, value, numeral: 'chinese', multiplied: /[十百千万亿]/.test(run) };
}

/** 百分之五十, 百分之三点五 → a percentage; returns the quantity covering the whole phrase. */
export function readChinesePercentAt(text: string, at: number): Quantity | null {
  if (!text.startsWith('百分之', at)) return null;
  const m = /^([零〇一二两三四五六七八九十百]+)(?:点([零〇一二三四五六七八九]+))?/.exec(text.slice(at + 3));
  if (!m) return null;
  const whole = parseChineseNumeral(m[1]);
  if (whole === null) return null;
  const fraction = m[2] ? Number(`0.${[...m[2]].map((c) => (c === '〇' ? 0 : '零一二三四五六七八九'.indexOf(c))).join('')}`) : 0;
  return { start: at, end: at + 3 + m[0].length, value: whole + fraction, numeral: 'chinese', multiplied: false, unit: '%' };
}
