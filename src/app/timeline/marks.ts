import { bisectLeft, bisectRight } from 'd3';
import { isPoint, pointTime, type PlacedEvent } from './time.ts';

const DAY = 86_400_000;

/**
 * Finding marks fast among tens of thousands. Events are sorted by start, so
 * the ones that can touch a time window are a run found by bisection, widened
 * by the longest event so that a span starting well before the window is not
 * missed. One span of centuries (a page may mention 1220年 and 2080年) would
 * widen every run to the whole corpus, and a pointer move then tested all
 * ≈51k events of the people-daily corpus (27–51 ms the first time). So the
 * events are split by length into classes (powers of two of a day), each with
 * its own run and its own longest: a window costs a bisection per class and
 * little more than the events that can really touch it.
 */
export interface TimeIndex {
  classes: { events: Int32Array; t0: Float64Array; longest: number }[];
}

/** A span's length class: ⌈log2 of its length in days⌉, 0 for a day or less. */
export function lengthClass(ms: number): number {
  return Math.max(0, Math.ceil(Math.log2(Math.max(1, ms / DAY))));
}

export function timeIndex(events: readonly PlacedEvent[]): TimeIndex {
  // Typed arrays and counting, no objects per event: this runs on load over every event.
  const n = events.length;
  const classOf = new Uint8Array(n);
  const counts: number[] = [];
  for (let i = 0; i < n; i++) {
    const k = lengthClass(events[i].t1 - events[i].t0);
    classOf[i] = k;
    counts[k] = (counts[k] ?? 0) + 1;
  }
  const classes = Array.from(counts, (count) => ({ events: new Int32Array(count ?? 0), t0: new Float64Array(count ?? 0), longest: 0 }));
  const filled = new Int32Array(classes.length);
  for (let i = 0; i < n; i++) {
    const c = classes[classOf[i]];
    const j = filled[classOf[i]]++;
    c.events[j] = i;
    c.t0[j] = events[i].t0;
    c.longest = Math.max(c.longest, events[i].t1 - events[i].t0);
  }
  return { classes: classes.filter((c) => c.events.length) };
}

/** Longest duration among the events (ms). */
export function longestSpan(events: readonly PlacedEvent[]): number {
  let max = 0;
  for (const p of events) if (p.t1 - p.t0 > max) max = p.t1 - p.t0;
  return max;
}

/**
 * Indices (ascending, that is in start order) of the events that may overlap
 * [a, b]: every event with t0 ≤ b and t0 ≥ a − the longest of its length
 * class. Callers still check t1 > a.
 */
export function candidates(index: TimeIndex, a: number, b: number): Int32Array {
  const runs = index.classes.map((c) => [c, bisectLeft(c.t0, a - c.longest), bisectRight(c.t0, b)] as const);
  const out = new Int32Array(runs.reduce((n, [, lo, hi]) => n + hi - lo, 0));
  let n = 0;
  for (const [c, lo, hi] of runs) {
    out.set(c.events.subarray(lo, hi), n);
    n += hi - lo;
  }
  return out.sort();
}

/** Events overlapping [a, b], in start order. */
export function eventsIn(events: readonly PlacedEvent[], index: TimeIndex, a: number, b: number): PlacedEvent[] {
  const out: PlacedEvent[] = [];
  for (const i of candidates(index, a, b)) if (events[i].t1 > a) out.push(events[i]);
  return out;
}

/** Radius of a day's point, and half the height of a span's bar (px). */
export const POINT_R = 3.5;
export const BAR_HALF = 3;

export interface MarkGeometry {
  /** Time → x (px). */
  x: (t: number) => number;
  /** x (px) → time. */
  invert: (px: number) => number;
  /** Event index → y of its centre line (px). */
  y: (i: number) => number;
}

/**
 * The event whose mark is nearest to (px, py), within `tolerance` px of its
 * outline, or -1. Points are circles, spans are bars from x(t0) to x(t1); a
 * point wins a tie with a bar it sits on, since it is the smaller target.
 */
export function hitTest(
  events: readonly PlacedEvent[],
  index: TimeIndex,
  g: MarkGeometry,
  px: number,
  py: number,
  tolerance = 4,
): number {
  const reach = POINT_R + tolerance;
  let best = -1;
  let bestD = Infinity;
  for (const i of candidates(index, g.invert(px - reach), g.invert(px + reach))) {
    const p = events[i];
    const y = g.y(i);
    const dyc = Math.abs(py - y);
    if (dyc > reach + BAR_HALF) continue;
    let d: number;
    if (isPoint(p)) {
      d = Math.hypot(px - g.x(pointTime(p)), py - y) - POINT_R;
    } else {
      const x0 = g.x(p.t0);
      const x1 = Math.max(x0 + 2, g.x(p.t1));
      const dx = px < x0 ? x0 - px : px > x1 ? px - x1 : 0;
      const dy = Math.max(0, dyc - BAR_HALF);
      // Bars lose ties to points: +0.5 px.
      d = Math.hypot(dx, dy) + 0.5;
    }
    if (d <= tolerance && d < bestD) {
      bestD = d;
      best = i;
    }
  }
  return best;
}

/**
 * Keyboard neighbour: the event in `lane` whose start is nearest to `t`
 * (earlier wins a tie), or -1 when the lane is empty.
 */
export function nearestInLane(events: readonly PlacedEvent[], laneOf: Int32Array, lane: number, t: number): number {
  let best = -1;
  let bestD = Infinity;
  for (let i = 0; i < events.length; i++) {
    if (laneOf[i] !== lane) continue;
    const d = Math.abs(events[i].t0 - t);
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  }
  return best;
}

/**
 * The next lane in direction `dir` (±1) from `lane` that has events, or
 * `lane` itself at the edge.
 */
export function adjacentLane(counts: readonly number[], lane: number, dir: 1 | -1): number {
  for (let l = lane + dir; l >= 0 && l < counts.length; l += dir) if (counts[l] > 0) return l;
  return lane;
}
