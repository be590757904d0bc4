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

/** Index of the span containing `at` (binary search over ordered, adjacent spans), or -1. */
export function spanIndexAt(spans: Span[], at: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (at < spans[mid].start) hi = mid - 1;
    else if (at >= spans[mid].end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

// Callers ask for the sentences of one paragraph many times in a row (once per
// date or figure in it); recomputing them each time made long paragraphs
// quadratic. One remembered paragraph is enough.
let last: { text: string; spans: Span[] } | null = null;

/** The sentence of `text` that contains offset `at`. */
export function sentenceAt(text: string, at: number): string {
  if (last?.text !== text) last = { text, spans: sentenceSpans(text) };
  const i = spanIndexAt(last.spans, at);
  return i === -1 ? text.trim() : text.slice(last.spans[i].start, last.spans[i].end).trim();
}
