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
  // Parts joined once at the end, and the last character kept aside: reading
  // back from a string built with += flattened it on every break (quadratic).
  const parts: string[] = [];
  const source: number[] = [];
  const re = /\s*\n\s*/g;
  let last = 0;
  let prev: string | undefined;
  for (const m of raw.matchAll(re)) {
    if (m.index > last) {
      parts.push(raw.slice(last, m.index));
      for (let k = last; k < m.index; k++) source.push(k);
      prev = raw[m.index - 1];
    }
    // Leading blank lines and breaks inside a sentence are dropped; a break after a sentence end stays one "\n".
    if (prev !== undefined && BLOCK_END.includes(prev)) {
      parts.push('\n');
      source.push(m.index);
      prev = '\n';
    }
    last = m.index + m[0].length;
  }
  parts.push(raw.slice(last));
  for (let k = last; k < raw.length; k++) source.push(k);
  return { text: parts.join(''), source };
}
