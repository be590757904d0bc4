/**
 * Ranking of verified hits. The score is an integer built from tiers so the
 * order reads as the issue asks: headings above body, the query as one
 * exact phrase above its words scattered, then (a little) an early first
 * match and repeated matches; equal scores fall back to newer page dates.
 * Integers, not a weighted float, so "a little" can never outweigh a tier
 * and dates really do decide among equals.
 */
import type { ParagraphKind } from '../types.ts';

const HEADING_KINDS: ReadonlySet<ParagraphKind> = new Set(['title', 'subtitle', 'subhead']);
/** Boilerplate kinds rank below body text: a byline hit is rarely what the reader wants. */
const MINOR_KINDS: ReadonlySet<ParagraphKind> = new Set(['byline', 'source', 'marker', 'label']);

export function kindTier(kind: ParagraphKind): number {
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
  /** Start of the earliest occurrence of any term. */
  first: number;
  /**
   * Occurrences of all terms together; counting may stop at 4, the most the
   * bonus distinguishes, so a common character in a 28,000-character
   * paragraph is not counted hundreds of times.
   */
  count: number;
  /** Whether the words also appear as one contiguous phrase (always true for one term). */
  asPhrase: boolean;
}

/** The most occurrences the score tells apart (see occurrenceBonus). */
export const OCCURRENCES_SCORED = 4;

/** Most a hit can add to its kind tier's 100s: phrase, position and occurrence bonuses. */
export const MAX_BONUS = 10 + 2 + 2;
/** Highest possible score: keys built from scores must leave room for it. */
export const MAX_SCORE = 2 * 100 + MAX_BONUS;

export function scoreHit(e: HitEvidence): number {
  return kindTier(e.kind) * 100 + (e.asPhrase ? 10 : 0) + positionBonus(e.first) + occurrenceBonus(e.count);
}

/**
 * The k largest of a stream of numbers (rank keys), with a bounded min-heap:
 * O(n log k) and no per-hit allocation, where sorting every hit of a common
 * word (13,099 paragraphs contain 的 in people-daily) would be O(n log n).
 */
export class TopKeys {
  private readonly heap: number[] = [];

  constructor(private readonly k: number) {}

  push(key: number): void {
    const heap = this.heap;
    if (heap.length < this.k) {
      heap.push(key);
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (heap[parent] <= heap[i]) break;
        [heap[parent], heap[i]] = [heap[i], heap[parent]];
        i = parent;
      }
    } else if (this.k > 0 && key > heap[0]) {
      heap[0] = key;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && heap[l] < heap[m]) m = l;
        if (r < heap.length && heap[r] < heap[m]) m = r;
        if (m === i) break;
        [heap[m], heap[i]] = [heap[i], heap[m]];
        i = m;
      }
    }
  }

  full(): boolean {
    return this.heap.length >= this.k;
  }

  /** The smallest kept key (the one a newcomer must beat once full). */
  min(): number {
    return this.heap[0];
  }

  /** The kept keys, largest first. */
  sorted(): number[] {
    return [...this.heap].sort((a, b) => b - a);
  }
}
