import { bisector } from 'd3';
import { isPoint, pointTime, type PlacedEvent } from './time.ts';

/**
 * Finding marks fast among tens of thousands: events are sorted by start, so
 * the ones that can touch a time window are a contiguous run found by
 * bisection, widened by the longest event so that a long span starting well
 * before the window is not missed.
 */
const byStart = bisector<PlacedEvent, number>((p) => p.t0);

/** Longest duration among the events (ms). */
export function longestSpan(events: readonly PlacedEvent[]): number {
  let max = 0;
  for (const p of events) if (p.t1 - p.t0 > max) max = p.t1 - p.t0;
  return max;
}

/**
 * Index range [lo, hi) of the events that may overlap [a, b]: every event
 * with t0 ≤ b and t0 ≥ a − longest. Callers still check t1 ≥ a.
 */
export function candidateRange(events: readonly PlacedEvent[], longest: number, a: number, b: number): [number, number] {
  return [byStart.left(events, a - longest), byStart.right(events, b)];
}

/** Events overlapping [a, b], in start order. */
export function eventsIn(events: readonly PlacedEvent[], longest: number, a: number, b: number): PlacedEvent[] {
  const [lo, hi] = candidateRange(events, longest, a, b);
  const out: PlacedEvent[] = [];
  for (let i = lo; i < hi; i++) if (events[i].t1 > a) out.push(events[i]);
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
  longest: number,
  g: MarkGeometry,
  px: number,
  py: number,
  tolerance = 4,
): number {
  const reach = POINT_R + tolerance;
  const [lo, hi] = candidateRange(events, longest, g.invert(px - reach), g.invert(px + reach));
  let best = -1;
  let bestD = Infinity;
  for (let i = lo; i < hi; i++) {
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
