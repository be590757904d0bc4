import type { EventKind } from '../../shared/types.ts';
import type { PlacedEvent } from './time.ts';

/**
 * Lanes: what each horizontal band of the timeline groups. By page (the
 * document an event was printed on), by article, or by kind of date. A corpus
 * of ten thousand articles cannot get a lane each, so only the busiest groups
 * get their own lane and the rest share an "other" lane: the chart stays
 * readable, and a search (which narrows the events) brings the lanes back.
 */
export type LaneMode = 'page' | 'article' | 'kind';
export const LANE_MODES: LaneMode[] = ['page', 'article', 'kind'];
export const KINDS: EventKind[] = ['event', 'as_of', 'period'];

export interface Lane {
  /** Group key (document id, article id or kind), or '' for the shared "other" lane. */
  key: string;
  /** Events in this lane. */
  count: number;
  /** Groups folded into this lane (1 for a proper lane). */
  groups: number;
}

export interface LaneLayout {
  lanes: Lane[];
  /** Lane index of each placed event, parallel to the events array. */
  laneOf: Int32Array;
}

export function groupKey(p: PlacedEvent, mode: LaneMode, docOf: (article: string) => string): string {
  if (mode === 'kind') return p.event.kind;
  if (mode === 'article') return p.event.article;
  return docOf(p.event.article);
}

/**
 * Assign every event to a lane. At most `maxLanes` lanes: when there are more
 * groups, the `maxLanes - 1` with most events keep a lane and the others share
 * the last one. Lanes are ordered by their first event (events of one story
 * line up), the shared lane last; kinds keep their fixed order.
 */
export function assignLanes(
  events: readonly PlacedEvent[],
  mode: LaneMode,
  docOf: (article: string) => string,
  maxLanes: number,
): LaneLayout {
  const counts = new Map<string, number>();
  const first = new Map<string, number>();
  const keys: string[] = new Array(events.length);
  for (let i = 0; i < events.length; i++) {
    const k = groupKey(events[i], mode, docOf);
    keys[i] = k;
    counts.set(k, (counts.get(k) ?? 0) + 1);
    if (!first.has(k)) first.set(k, i);
  }
  let kept: string[];
  let folded = 0;
  if (mode === 'kind') kept = KINDS.filter((k) => counts.has(k));
  else {
    const all = [...counts.keys()];
    const cap = Math.max(1, maxLanes);
    if (all.length <= cap) kept = all;
    else {
      kept = all.sort((a, b) => counts.get(b)! - counts.get(a)! || first.get(a)! - first.get(b)!).slice(0, cap - 1);
      folded = all.length - kept.length;
    }
    kept.sort((a, b) => first.get(a)! - first.get(b)!);
  }
  const index = new Map(kept.map((k, i) => [k, i]));
  const lanes: Lane[] = kept.map((key) => ({ key, count: counts.get(key)!, groups: 1 }));
  if (folded) lanes.push({ key: '', count: 0, groups: folded });
  const laneOf = new Int32Array(events.length);
  for (let i = 0; i < events.length; i++) {
    const li = index.get(keys[i]);
    if (li === undefined) {
      laneOf[i] = lanes.length - 1;
      lanes[lanes.length - 1].count++;
    } else laneOf[i] = li;
  }
  return { lanes, laneOf };
}

/**
 * Where an event sits inside its lane, in [-0.5, 0.5]: a fixed pseudo-random
 * offset from its id (a strip plot's jitter), so that many events on one day
 * spread out instead of hiding each other, and each keeps its place while
 * zooming.
 */
export function jitterOf(id: string): number {
  // FNV-1a: cheap and well spread for short ids.
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) / 0x1_0000_0000 - 0.5;
}

/** Vertical geometry of the lanes. */
export interface LaneGeometry {
  /** Top of the first lane. */
  top: number;
  /** Height of a lane's label row. */
  label: number;
  /** Height of a lane's marks row. */
  row: number;
  /** Total height of all lanes. */
  height: number;
}

/**
 * Fit `n` lanes into about `target` px: each lane has a label row above its
 * marks (labels never sit on marks), marks rows between `minRow` and `maxRow`.
 */
export function laneGeometry(n: number, target: number, top = 0, label = 16, minRow = 22, maxRow = 72): LaneGeometry {
  const lanes = Math.max(1, n);
  const row = Math.max(minRow, Math.min(maxRow, Math.floor((target - lanes * label) / lanes)));
  return { top, label, row, height: lanes * (label + row) };
}

/** Centre line of an event's mark: lane, then its jitter within the marks row (kept clear of the edges). */
export function markY(g: LaneGeometry, lane: number, jitter: number): number {
  const rowTop = g.top + lane * (g.label + g.row) + g.label;
  const spread = Math.max(0, g.row - 12);
  return rowTop + g.row / 2 + jitter * spread;
}

/** Which lane a y position falls in, or -1. */
export function laneAt(g: LaneGeometry, y: number, lanes: number): number {
  const i = Math.floor((y - g.top) / (g.label + g.row));
  return i >= 0 && i < lanes ? i : -1;
}

/**
 * Shorten a label to about `max` units, counting a CJK character as 2 and
 * anything else as 1 (roughly their widths), ending with … when cut. SVG text
 * cannot ellipsize by itself.
 */
export function truncateLabel(label: string, max: number): string {
  let units = 0;
  let i = 0;
  const chars = [...label];
  for (; i < chars.length; i++) {
    const u = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/.test(chars[i]) ? 2 : 1;
    if (units + u > max) break;
    units += u;
  }
  if (i >= chars.length) return label;
  return chars.slice(0, Math.max(0, i - 1)).join('') + '…';
}
