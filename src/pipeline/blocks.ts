import type { Block } from '../shared/types.ts';

/**
 * Split a page's line-normalised text into blocks: runs of non-blank lines.
 * PDF extraction emits one line per paragraph or column fragment and separates
 * them with blank lines; extra blank lines (gapBefore > 1) often set off photo
 * captions, so the gap is kept as a layout cue.
 *
 * A line indented with an ideographic space (or several spaces) starts a new
 * block even without a blank line before it: text saved from news sites and
 * e-paper archives marks paragraphs that way.
 *
 * Every non-whitespace character of `text` lies inside exactly one block.
 */
export function splitBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let blank = 0;
  let pos = 0;
  let current: { start: number; end: number; gap: number } | null = null;
  while (pos <= text.length) {
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl === -1 ? text.length : nl;
    const line = text.slice(pos, lineEnd);
    if (line.trim() === '') {
      if (current) {
        blocks.push(makeBlock(text, blocks.length, current));
        current = null;
      }
      blank++;
    } else if (current && !INDENTED.test(line)) {
      current.end = lineEnd;
    } else {
      if (current) blocks.push(makeBlock(text, blocks.length, current));
      current = { start: pos, end: lineEnd, gap: blocks.length === 0 ? 0 : blank };
      blank = 0;
    }
    if (nl === -1) break;
    pos = nl + 1;
  }
  if (current) blocks.push(makeBlock(text, blocks.length, current));
  return blocks;
}

const INDENTED = /^(?:\u3000|[ \t\u00a0]{2,})\s*\S/;

function makeBlock(text: string, index: number, r: { start: number; end: number; gap: number }): Block {
  // Trim surrounding whitespace but keep offsets exact.
  let { start, end } = r;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { index, text: text.slice(start, end), start, end, gapBefore: r.gap };
}
