import type { Quantity } from './quantity.ts';

/**
 * Numbers that are not figures even when a measure word follows. Each rule is a
 * pattern of Chinese news writing, not a list of this corpus's phrases.
 */

/** 第一, 第3名: ordinals. */
const ORDINAL_BEFORE = /第$/;
/** 初三, 周三, 星期三, 之一, 其二: dates, weekdays and fractions of a list, written with Chinese numerals. */
const CHINESE_WORD_BEFORE = /[初周期拜之其]$/;
/** 拨打12351, 热线12345, 电话…: hotlines and codes. */
const CODE_BEFORE = /(热线|电话|拨打|号码|编号|代码|邮编|专线|编码|批号)[：:\s]*$/;

export interface NonFigureContext {
  text: string;
  /** Whether a place name (十堰, 五家渠, 三亚) starts at this offset. */
  startsPlaceName: (at: number) => boolean;
  /** Whether the offset lies in a short quotation (slogans: “十件实事”, “两个一百年”). */
  inShortQuote: (at: number) => boolean;
}

/** Why the quantity is not a figure, or null when it may be one. */
export function nonFigureReason(q: Quantity, ctx: NonFigureContext, qualifierStart: number): string | null {
  const before = ctx.text.slice(Math.max(0, qualifierStart - 6), qualifierStart);
  if (ORDINAL_BEFORE.test(before)) return 'ordinal';
  if (CODE_BEFORE.test(before)) return 'code';
  if (q.numeral === 'arabic') {
    // Model numbers and codes: 5G, A4, COVID-19.
    if (/[A-Za-z]$/.test(ctx.text.slice(0, q.start)) || /^[A-Za-z]/.test(ctx.text.slice(q.end))) return 'code';
    return null;
  }
  if (ctx.startsPlaceName(q.start)) return 'place name';
  if (CHINESE_WORD_BEFORE.test(before)) return 'word';
  // 一名受益职工, 一份仅需: a lone 一 is the indefinite article, not a count.
  if (q.value === 1 && !q.multiplied) return 'article';
  if (ctx.inShortQuote(q.start)) return 'slogan';
  return null;
}
