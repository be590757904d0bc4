/**
 * Keyword-in-context snippets. The page text is data, never markup: every
 * piece of source text is HTML-escaped, and the only tags in the output are
 * the <mark> pairs added here, so a UI may insert the snippet as HTML.
 */
import type { NormalizedText } from '../search-config.ts';
import type { Range } from './match.ts';

/** Characters of context shown around the first match, matches included. */
export const SNIPPET_WIDTH = 40;
const ELLIPSIS = '…';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Maps a range in normalised text back to the source text. */
function toSource(range: Range, normalized: NormalizedText): Range {
  const { offsets } = normalized;
  return offsets ? [offsets[range[0]], offsets[range[1]]] : range;
}

/** Moves an offset off the second half of a surrogate pair, so no character is cut in two. */
function snapToCodePoint(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff && at > 0 ? at - 1 : at;
}

/** Sorts and merges overlapping or touching ranges. */
function mergeRanges(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Range[] = [];
  for (const r of sorted) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** The window of source text to show: a third of the spare width before the first match, the rest after. */
function snippetWindow(source: string, first: Range): Range {
  const spare = Math.max(0, SNIPPET_WIDTH - (first[1] - first[0]));
  let start = Math.max(0, first[0] - Math.floor(spare / 3));
  let end = Math.min(source.length, start + Math.max(SNIPPET_WIDTH, first[1] - first[0]));
  // Near the end of the paragraph, spend the unused width on more context before.
  start = Math.max(0, Math.min(start, end - SNIPPET_WIDTH));
  start = snapToCodePoint(source, start);
  end = snapToCodePoint(source, end);
  return [start, end];
}

/**
 * @param source the paragraph text as printed
 * @param normalized its normalised form (matches are ranges in it)
 * @param matches every occurrence of every query term, in normalised offsets
 */
export function buildSnippet(source: string, normalized: NormalizedText, matches: Range[]): string {
  const marks = mergeRanges(matches.map((m) => toSource(m, normalized)));
  if (marks.length === 0) return escapeHtml(source.slice(0, SNIPPET_WIDTH)) + (source.length > SNIPPET_WIDTH ? ELLIPSIS : '');
  const [start, end] = snippetWindow(source, marks[0]);
  let out = start > 0 ? ELLIPSIS : '';
  let at = start;
  for (const [markStart, markEnd] of marks) {
    const s = Math.max(markStart, at);
    const e = Math.min(markEnd, end);
    if (e <= s) continue;
    out += escapeHtml(source.slice(at, s)) + '<mark>' + escapeHtml(source.slice(s, e)) + '</mark>';
    at = e;
  }
  out += escapeHtml(source.slice(at, end));
  return out + (end < source.length ? ELLIPSIS : '');
}
