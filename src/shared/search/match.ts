/**
 * Where a term occurs in a paragraph's normalised text, for the marks of a
 * snippet: numbers and non-Han words match whole, as the index holds them
 * (without that rule `170` would be marked inside `1700`). Matching itself
 * runs on the index's positions (search.ts); this reads the text of the
 * hits shown only.
 */
import { NUMBER_AT, TOKEN, WORD_AT } from '../search-config.ts';

/** A half-open range in normalised text. */
export type Range = [start: number, end: number];

/** The whole tokens (numbers, non-Han words) of a term, as ranges within the term. */
interface WholeToken {
  start: number;
  length: number;
  pattern: RegExp;
}

export interface CompiledTerm {
  text: string;
  wholeTokens: WholeToken[];
}

export function compileTerm(text: string): CompiledTerm {
  const wholeTokens: WholeToken[] = [];
  for (const m of text.matchAll(TOKEN)) {
    if (m[2]) wholeTokens.push({ start: m.index, length: m[0].length, pattern: NUMBER_AT });
    else if (m[3]) wholeTokens.push({ start: m.index, length: m[0].length, pattern: WORD_AT });
  }
  return { text, wholeTokens };
}

/** True when the text's own token at `at` is exactly `length` long and does not continue one before it. */
function isWholeTokenAt(text: string, at: number, length: number, pattern: RegExp): boolean {
  pattern.lastIndex = at;
  const m = pattern.exec(text);
  if (!m || m[0].length !== length) return false;
  if (at === 0) return true;
  // Started mid-token? The same pattern matching from the previous char would overlap.
  pattern.lastIndex = at - 1;
  const before = pattern.exec(text);
  if (before) return false;
  // "3.5" is one number: a match starting at "5" after "3." is mid-number.
  if (pattern === NUMBER_AT && at >= 2 && text[at - 1] === '.' && /\d/.test(text[at - 2])) return false;
  return true;
}

function isWholeAt(text: string, at: number, term: CompiledTerm): boolean {
  for (const t of term.wholeTokens) {
    if (!isWholeTokenAt(text, at + t.start, t.length, t.pattern)) return false;
  }
  return true;
}

/** Every valid occurrence of the term in the text (non-overlapping scan is not needed: ranges may overlap). */
export function findOccurrences(text: string, term: CompiledTerm, max = Infinity): Range[] {
  const ranges: Range[] = [];
  const len = term.text.length;
  for (let at = text.indexOf(term.text); at >= 0 && ranges.length < max; at = text.indexOf(term.text, at + 1)) {
    if (isWholeAt(text, at, term)) ranges.push([at, at + len]);
  }
  return ranges;
}
