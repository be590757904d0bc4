import type { Block, ParagraphKind } from '../../shared/types.ts';
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
export function classifyBlock(blocks: Block[], i: number): ParagraphKind {
  const text = blocks[i].text;
  if (isMarker(text)) return 'marker';
  if (isSourceNote(text)) return 'source';
  if (isByline(text)) return 'byline';
  if (isCaption(blocks, i)) return 'caption';
  if (isDatelineLead(text)) return 'lead';
  if (isSubtitleLine(text) && visibleLength(text) <= 64 && !/[。]/.test(text.slice(0, -1))) return 'subtitle';
  if (looksLikeStrongHeading(text) || (looksLikeHeading(text) && !continuesIntoNext(blocks, i))) return isLabel(text) ? 'label' : 'title';
  return 'body';
}

/** Roles of all blocks, in block order. */
export function blockRoles(blocks: Block[]): ParagraphKind[] {
  return blocks.map((_, i) => classifyBlock(blocks, i));
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
