/**
 * Page text with column breaks closed, for reading dates off a whole page
 * before articles exist (the publication date) and for the evaluation.
 * PDF extraction breaks a column mid-sentence, even mid-date (2025 ⏎⏎ 年):
 * a line break after a character that does not end a sentence is removed
 * with the blank space around it; other breaks become one "\n".
 */

/** Characters that end a sentence or a block: after them a break is a real paragraph end. */
const BLOCK_END = '。！？!?；;…”」』）)：:';

export interface JoinedText {
  text: string;
  /** For each character of `text`, its offset in the source. */
  source: number[];
}

export function joinColumnBreaks(raw: string): JoinedText {
  let text = '';
  const source: number[] = [];
  const re = /\s*\n\s*/g;
  let last = 0;
  for (const m of raw.matchAll(re)) {
    for (let k = last; k < m.index; k++) {
      text += raw[k];
      source.push(k);
    }
    const prev = text[text.length - 1];
    if (prev !== undefined && BLOCK_END.includes(prev)) {
      text += '\n';
      source.push(m.index);
    } else if (prev === undefined) {
      // leading blank lines: drop
    } else if (m.index + m[0].length >= raw.length) {
      // trailing blank lines: drop
    }
    last = m.index + m[0].length;
  }
  for (let k = last; k < raw.length; k++) {
    text += raw[k];
    source.push(k);
  }
  return { text, source };
}
