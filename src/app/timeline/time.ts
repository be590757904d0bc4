import type { DateEvent } from '../../shared/types.ts';

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

const DAY = 86_400_000;

/** Is the period one day long (drawn as a point) rather than a span (a bar)? */
export function isPoint(p: PlacedEvent): boolean {
  return p.t1 - p.t0 <= DAY;
}

/** ms → YYYY-MM-DD for the URL. */
export function isoDay(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}
