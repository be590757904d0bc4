/**
 * Date extraction and normalisation for newspaper text (issue 5). The
 * grammar lives in ./dates/: numbers.ts (years, months, days), calendarExpr.ts
 * (calendar dates and compact ranges), words.ts (今天, 近日, 十四五 …),
 * festivals.ts (春节 and friends, via lunar-javascript), scan.ts (the scanner
 * and its wrappers, and why we wrote our own), resolve.ts (years from
 * context), extract.ts (per paragraph), article.ts (per article).
 */
export { extractDates, type DateContext, type DateMention } from './dates/extract.ts';
export { extractArticleDates, type ArticleDateMention } from './dates/article.ts';
export { scanDateExpressions } from './dates/scan.ts';
export { joinColumnBreaks, type JoinedText } from './dates/pageText.ts';
export { fiveYearPlanStart } from './dates/words.ts';
export type { DateExpression, TimeSpec, YearRef } from './dates/spec.ts';
