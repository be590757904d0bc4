import type { Span } from '../shared/types.ts';

/**
 * Sentence boundaries in Chinese news text: 。！？；… and their ASCII forms,
 * keeping a closing quote or bracket that follows the stop with the sentence
 * (“……。”王志华说 stays one sentence up to the next stop).
 */
const STOP = /[。！？!?；;…]+[”’」』）)]*/g;

/** Spans of the sentences of `text`, covering it completely and in order. */
export function sentenceSpans(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (const m of text.matchAll(STOP)) {
    const end = m.index + m[0].length;
    if (end > start) spans.push({ start, end });
    start = end;
  }
  if (start < text.length) spans.push({ start, end: text.length });
  return spans;
}

/** The sentence of `text` that contains offset `at`. */
export function sentenceAt(text: string, at: number): string {
  for (const s of sentenceSpans(text)) if (at >= s.start && at < s.end) return text.slice(s.start, s.end).trim();
  return text.trim();
}
