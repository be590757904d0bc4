/** Date mentions of a whole article, paragraph by paragraph. */
import { sentenceAt } from '../sentences.ts';
import { extractDates, type DateMention } from './extract.ts';

export interface ArticleDateMention extends DateMention {
  /** Id of the paragraph the mention is in. */
  paragraph: string;
  /** The sentence around the mention. */
  sentence: string;
}

/**
 * Run extractDates over an article's paragraphs in reading order, carrying
 * the year last mentioned forward so that 当年 in one paragraph can refer to
 * a year written in an earlier one.
 */
export function extractArticleDates(
  paragraphs: { id: string; text: string }[],
  anchor: string | null,
): ArticleDateMention[] {
  const out: ArticleDateMention[] = [];
  let lastYear: number | undefined;
  for (const p of paragraphs) {
    const { mentions, lastYear: next } = extractDates(p.text, { anchor, lastYear });
    lastYear = next;
    for (const m of mentions) out.push({ ...m, paragraph: p.id, sentence: sentenceAt(p.text, m.offset) });
  }
  return out;
}
