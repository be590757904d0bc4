/**
 * Ranking of verified hits. The score is an integer built from tiers so the
 * order reads as the issue asks: headings above body, the query as one
 * exact phrase above its words scattered, then (a little) an early first
 * match and repeated matches; equal scores fall back to newer page dates.
 * Integers, not a weighted float, so "a little" can never outweigh a tier
 * and dates really do decide among equals.
 */
import type { ParagraphKind } from '../types.ts';
import type { Range } from './match.ts';

const HEADING_KINDS: ReadonlySet<ParagraphKind> = new Set(['title', 'subtitle', 'subhead']);
/** Boilerplate kinds rank below body text: a byline hit is rarely what the reader wants. */
const MINOR_KINDS: ReadonlySet<ParagraphKind> = new Set(['byline', 'source', 'marker', 'label']);

function kindTier(kind: ParagraphKind): number {
  if (HEADING_KINDS.has(kind)) return 2;
  return MINOR_KINDS.has(kind) ? 0 : 1;
}

/** 2 for a first match in the first 40 chars, 1 within 200, else 0. */
function positionBonus(firstMatch: number): number {
  return firstMatch < 40 ? 2 : firstMatch < 200 ? 1 : 0;
}

/** 0 for one occurrence, 1 for 2–3, 2 for more. */
function occurrenceBonus(count: number): number {
  return count >= 4 ? 2 : count >= 2 ? 1 : 0;
}

export interface HitEvidence {
  kind: ParagraphKind;
  /** Occurrences of each term, in term order. */
  occurrences: Range[][];
  /** Whether the words also appear as one contiguous phrase (always true for one term). */
  asPhrase: boolean;
}

export function scoreHit(e: HitEvidence): number {
  const first = Math.min(...e.occurrences.map((o) => o[0][0]));
  const count = e.occurrences.reduce((n, o) => n + o.length, 0);
  return kindTier(e.kind) * 100 + (e.asPhrase ? 10 : 0) + positionBonus(first) + occurrenceBonus(count);
}

/** Orders by score, then newer date (null last), then source order. */
export function compareRanked(
  a: { score: number; date: string | null; order: number },
  b: { score: number; date: string | null; order: number },
): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? 1 : -1;
  }
  return a.order - b.order;
}
