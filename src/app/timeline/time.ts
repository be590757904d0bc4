import type { DateEvent } from '../../shared/types.ts';

const DAY = 86_400_000;

/** An event placed on a time axis: [t0, t1) in ms since the epoch, UTC. */
export interface PlacedEvent {
  event: DateEvent;
  t0: number;
  t1: number;
}

/** YYYY, YYYY-MM or YYYY-MM-DD → the instant it starts (UTC). */
export function startOf(iso: string): number {
  const [y, m = 1, d = 1] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

/** The instant just after the period `iso` names ends. */
export function endOf(iso: string): number {
  const parts = iso.split('-').map(Number);
  const [y, m, d] = parts;
  if (parts.length === 1) return Date.UTC(y + 1, 0, 1);
  if (parts.length === 2) return Date.UTC(y, m, 1);
  return Date.UTC(y, m - 1, d + 1);
}

export function placeEvents(events: DateEvent[]): PlacedEvent[] {
  return events
    .map((event) => ({ event, t0: startOf(event.start), t1: endOf(event.end) }))
    .filter((p) => Number.isFinite(p.t0) && Number.isFinite(p.t1) && p.t1 > p.t0)
    .sort((a, b) => a.t0 - b.t0 || a.t1 - b.t1 || a.event.id.localeCompare(b.event.id));
}


/** Is the period one day long (drawn as a point) rather than a span (a bar)? */
export function isPoint(p: PlacedEvent): boolean {
  return p.t1 - p.t0 <= DAY;
}

/** ms → YYYY-MM-DD for the URL. */
export function isoDay(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

/** Where a one-day event's point sits: the middle of its day, above the day's tick. */
export function pointTime(p: PlacedEvent): number {
  return (p.t0 + p.t1) / 2;
}

/**
 * The time span the chart shows when fully zoomed out: all events, padded so
 * that single days at the edges stay visible. Loops rather than
 * Math.min(...spread), which overflows the stack with tens of thousands.
 */
export function fullExtent(events: readonly PlacedEvent[], fallback: [number, number]): [number, number] {
  if (!events.length) return fallback;
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of events) {
    if (p.t0 < lo) lo = p.t0;
    if (p.t1 > hi) hi = p.t1;
  }
  const pad = Math.max((hi - lo) * 0.03, 15 * DAY);
  return [lo - pad, hi + pad];
}

/**
 * The zoom (scale k, translate tx) that shows [a, b] on a base scale mapping
 * `full` onto [r0, r1]; k is clamped to [1, maxK] and the window kept inside
 * `full`, as d3-zoom's constraint would.
 */
export function zoomFor(full: [number, number], range: [number, number], a: number, b: number, maxK: number): { k: number; tx: number } {
  const [f0, f1] = full;
  const [r0, r1] = range;
  const k = Math.min(maxK, Math.max(1, (f1 - f0) / Math.max(1, b - a)));
  // Centre the asked range when the clamp widened it.
  const span = (f1 - f0) / k;
  let start = (a + b) / 2 - span / 2;
  start = Math.min(Math.max(start, f0), f1 - span);
  const base = (t: number) => r0 + ((t - f0) / (f1 - f0)) * (r1 - r0);
  return { k, tx: r0 - k * base(start) };
}

/** The range from the URL: `from`/`to` as YYYY[-MM[-DD]], inclusive; null unless both read and from < to. */
export function rangeFromParams(from: string, to: string): [number, number] | null {
  const iso = /^\d{4}(-\d{2}(-\d{2})?)?$/;
  if (!iso.test(from) || !iso.test(to)) return null;
  const a = startOf(from);
  const b = endOf(to);
  return Number.isFinite(a) && Number.isFinite(b) && b > a ? [a, b] : null;
}

/**
 * The URL's from/to for a shown window [a, b): rounded to the nearest
 * midnights, `to` inclusive. Rounding (not truncating) makes the round trip
 * stable: a window opened from a link computes back to the same link, even
 * though the zoom's floating-point maths lands a millisecond off.
 */
export function paramsFromRange(a: number, b: number): { from: string; to: string } {
  const a0 = Math.round(a / DAY) * DAY;
  const b0 = Math.max(a0 + DAY, Math.round(b / DAY) * DAY);
  return { from: isoDay(a0), to: isoDay(b0 - DAY) };
}

/** Events whose paragraph is among `paragraphs` (the search hits); all when `paragraphs` is null. */
export function eventsInParagraphs<T extends { event: DateEvent }>(events: readonly T[], paragraphs: ReadonlySet<string> | null): T[] {
  return paragraphs ? events.filter((p) => paragraphs.has(p.event.paragraph)) : [...events];
}

/** Page of a long list: which page holds item `index`, and the slice bounds of page `page`. */
export function pageOf(index: number, size: number): number {
  return index < 0 ? 0 : Math.floor(index / size);
}

export function pageBounds(page: number, size: number, total: number): [number, number] {
  const pages = Math.max(1, Math.ceil(total / size));
  const p = Math.min(Math.max(0, page), pages - 1);
  return [p * size, Math.min(total, (p + 1) * size)];
}

/** Events per bin over `full` cut into `n` equal bins (a day's point counts at its middle, a span at its start). */
export function densityBins(events: readonly PlacedEvent[], full: [number, number], n: number): Uint32Array {
  const bins = new Uint32Array(Math.max(1, n));
  const w = (full[1] - full[0]) / bins.length;
  for (const p of events) {
    const t = isPoint(p) ? pointTime(p) : p.t0;
    const i = Math.floor((t - full[0]) / w);
    if (i >= 0 && i < bins.length) bins[i]++;
  }
  return bins;
}

/**
 * Keyboard step for a range handle: a twentieth of the shown span, whole
 * days, at least one day; `large` (Shift or PageUp/PageDown) moves by half
 * the span.
 */
export function rangeStep(a: number, b: number, large: boolean): number {
  const span = Math.max(DAY, b - a);
  return Math.max(DAY, Math.round(span / (large ? 2 : 20) / DAY) * DAY);
}

/** Move one end of [a, b] by `delta`, keeping it inside `full` and at least `minSpan` long. */
export function moveRangeEnd(
  range: [number, number],
  end: 'start' | 'end',
  delta: number,
  full: [number, number],
  minSpan: number,
): [number, number] {
  const [a, b] = range;
  if (end === 'start') return [Math.min(Math.max(full[0], a + delta), Math.max(full[0], b - minSpan)), b];
  return [a, Math.max(Math.min(full[1], b + delta), Math.min(full[1], a + minSpan))];
}
