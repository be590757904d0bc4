import type { Block, ParagraphKind } from '../../shared/types.ts';
import { junctionCount, pageCharPairs } from './similarity.ts';
import {
  endsSentence,
  looksLikeStrongHeading,
  hasPhotoCredit,
  isByline,
  isDatelineLead,
  isLabel,
  isMarker,
  isSourceNote,
  isSubtitleLine,
  looksLikeHeading,
  endsOnBoundChar,
  endsOpen,
  hasHeadlineMark,
  isUnevenClause,
  startsMidSentence,
  visibleLength,
} from './cues.ts';

/** Longest text we still accept as a photo caption (in visible characters). */
const MAX_CAPTION = 150;

/**
 * The role of one block from its own text and its neighbours'. Headline-shaped
 * blocks come back as 'title'; the assembler demotes those that fall inside an
 * article to 'subhead', because only the article grouping can tell them apart.
 */
export function classifyBlock(blocks: Block[], i: number, pairs: Map<string, number> = pageCharPairs(blocks.map((b) => b.text))): ParagraphKind {
  const text = blocks[i].text;
  if (isMarker(text)) return 'marker';
  if (isSourceNote(text)) return 'source';
  if (isByline(text)) return 'byline';
  if (isCaption(blocks, i)) return 'caption';
  if (isDatelineLead(text)) return 'lead';
  if (isSubtitleLine(text) && visibleLength(text) <= 64 && !/[。]/.test(text.slice(0, -1))) return 'subtitle';
  if (!looksLikeHeading(text)) return 'body';
  if (isLabel(text) && !endsOnBoundChar(text) && !continuesIntoNext(blocks, i)) return 'label';
  if (hasHeadlineMark(text)) return 'title';
  if (readsOnInto(blocks, i, pairs)) return 'body';
  return looksLikeStrongHeading(text) || !continuesIntoNext(blocks, i) ? 'title' : 'body';
}

/**
 * A headline-shaped line that is really a sentence cut at a column end: it
 * stops on a binding character, a digit or an opening quote, splits unevenly
 * at a comma, or its last character and the next body block's first form a
 * pair the page uses elsewhere (武|汉 when the page says 武汉).
 */
function readsOnInto(blocks: Block[], i: number, pairs: Map<string, number>): boolean {
  const text = blocks[i].text;
  if (endsOnBoundChar(text) || endsOpen(text) || isUnevenClause(text)) return true;
  const next = nextReadable(blocks, i);
  return next !== null && junctionCount(text, next.text, pairs) > 0 && !looksLikeHeading(next.text);
}

/** The next block after `i` that is not a spaced-off caption-like sentence. */
function nextReadable(blocks: Block[], i: number): Block | null {
  for (let j = i + 1; j < blocks.length && j <= i + 3; j++) if (!isSpacedSentence(blocks[j])) return blocks[j];
  return null;
}

/** Roles of all blocks, in block order. */
export function blockRoles(blocks: Block[]): ParagraphKind[] {
  const pairs = pageCharPairs(blocks.map((b) => b.text));
  return blocks.map((_, i) => classifyBlock(blocks, i, pairs));
}

/**
 * Captions sit between paragraphs or inside a broken sentence, set off by
 * extra blank lines; a photo credit (（新华社发）, 摄) settles it even without
 * the spacing.
 */
export function isCaption(blocks: Block[], i: number): boolean {
  const b = blocks[i];
  if (visibleLength(b.text) > MAX_CAPTION || isDatelineLead(b.text) || startsMidSentence(b.text)) return false;
  if (hasPhotoCredit(b.text) && (b.gapBefore >= 2 || endsSentence(b.text) || /摄/.test(b.text.slice(-6)))) return true;
  if (b.gapBefore < 2) return false;
  // Spaced off and interrupting a sentence: the paragraph before is unfinished.
  const before = previousNonCaption(blocks, i);
  return before !== null && !endsSentence(before.text) && !looksLikeHeading(before.text);
}

/** The block before the captions that precede block `i` (captions come in rows). */
function previousNonCaption(blocks: Block[], i: number): Block | null {
  let j = i - 1;
  while (j >= 0 && isSpacedSentence(blocks[j])) j--;
  return j >= 0 ? blocks[j] : null;
}

const isSpacedSentence = (b: Block): boolean =>
  b.gapBefore >= 2 && visibleLength(b.text) <= MAX_CAPTION && endsSentence(b.text);

/**
 * A short unfinished block is a headline unless the text after it visibly
 * picks up its sentence (the next body block starts mid-sentence).
 */
function continuesIntoNext(blocks: Block[], i: number): boolean {
  for (let j = i + 1; j < blocks.length && j <= i + 3; j++) {
    const next = blocks[j];
    if (isSpacedSentence(next)) continue;
    return startsMidSentence(next.text);
  }
  return false;
}
