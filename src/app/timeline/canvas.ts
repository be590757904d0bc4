import { bisectLeft, bisectRight } from 'd3';
import type { EventKind } from '../../shared/types.ts';
import { BAR_HALF, POINT_R } from './marks.ts';
import { isPoint, pointTime, type PlacedEvent } from './time.ts';

/**
 * The marks of all events, drawn on a canvas. Measured on the people-daily
 * corpus (≈51k events): one SVG element per event re-rendered tens of
 * thousands of nodes per zoom frame, and even canvas paths are slow when the
 * GPU is off (30k arcs: ≈155 ms to fill in headless Chromium; 30k fillRect
 * ≈43 ms). Writing the pixels of each mark into one ImageData and putting it
 * once took ≈14 ms for the same 30k marks, so that is what we do: D3's scale
 * still places every mark; the axis, lanes, brush and the focused event stay
 * in SVG. Overlapping marks overwrite each other (no blending), points
 * that would land in the same 2×2 px cell are drawn once, and no pixel is
 * filled twice by bars of one colour (drawBars).
 */
export type Rgb = [number, number, number];

/**
 * The events as typed columns, split into the groups they are drawn in and
 * built once per data set: the draw loop runs over tens of thousands of
 * events each frame and must not chase objects.
 *
 * Drawing order, bottom to top: approximate spans, exact spans, approximate
 * days, exact days (a long bar must not hide the days inside it, and exact
 * dates stay on top of approximate ones); within each, periods, then as-of
 * dates, then events.
 */
export interface MarkGroup {
  kind: EventKind;
  approximate: boolean;
  /** One-day events, drawn as points; else spans, drawn as bars. */
  point: boolean;
  /** Each mark's event: its index in the placed events (and in `ys`). */
  index: Int32Array;
  /** Points: the point's time (pointTime); bars: the span's start. Ascending. */
  t0: Float64Array;
  /** Bars: the span's end. */
  t1: Float64Array;
  /** The longest span in the group: how far before the window a bar can start and still reach it. */
  longest: number;
}

export type EventColumns = MarkGroup[];

const DRAW_KINDS: EventKind[] = ['period', 'as_of', 'event'];

export function toColumns(events: readonly PlacedEvent[]): EventColumns {
  // Typed arrays and counting, no objects per event: this runs on load over every event.
  // One bucket per (point, approximate, kind), numbered in drawing order.
  const n = events.length;
  const bucketOf = new Uint8Array(n);
  const counts = new Int32Array(12);
  for (let i = 0; i < n; i++) {
    const p = events[i];
    const b = (isPoint(p) ? 6 : 0) + (p.event.approximate ? 0 : 3) + DRAW_KINDS.indexOf(p.event.kind);
    bucketOf[i] = b;
    counts[b]++;
  }
  const groups = Array.from(counts, (count, b): MarkGroup => ({
    kind: DRAW_KINDS[b % 3],
    approximate: b % 6 < 3,
    point: b >= 6,
    index: new Int32Array(count),
    t0: new Float64Array(count),
    t1: new Float64Array(count),
    longest: 0,
  }));
  const filled = new Int32Array(12);
  for (let i = 0; i < n; i++) {
    const p = events[i];
    const g = groups[bucketOf[i]];
    const j = filled[bucketOf[i]]++;
    g.index[j] = i;
    g.t0[j] = g.point ? pointTime(p) : p.t0;
    g.t1[j] = p.t1;
    if (!g.point) g.longest = Math.max(g.longest, p.t1 - p.t0);
  }
  // Events come sorted by start, so bars are in order; points are sorted by
  // their middle, which follows the start for whole days, but check.
  for (const g of groups) if (g.t0.some((t, j) => j > 0 && t < g.t0[j - 1])) sortGroup(g);
  return groups.filter((g) => g.index.length);
}

function sortGroup(g: MarkGroup) {
  const order = Array.from(g.index.keys()).sort((a, b) => g.t0[a] - g.t0[b] || g.index[a] - g.index[b]);
  const [index, t0, t1] = [g.index.slice(), g.t0.slice(), g.t1.slice()];
  order.forEach((from, to) => {
    g.index[to] = index[from];
    g.t0[to] = t0[from];
    g.t1[to] = t1[from];
  });
}

export interface DrawInput {
  columns: EventColumns;
  /** The time scale as x = m·t + c (a UTC time scale is linear in ms). */
  m: number;
  c: number;
  /** Centre line of each event (CSS px). */
  ys: Float32Array;
  /** Visible plot in CSS px. */
  left: number;
  right: number;
  width: number;
  height: number;
  dpr: number;
  colours: Record<EventKind, Rgb>;
  /** The surface under the marks: a one-pixel ring of it around each day sets the day off a bar of its own colour. */
  halo: Rgb;
}

/** Any CSS colour → RGB, through the canvas's own colour parser (it normalises fillStyle to #rrggbb). */
export function cssColourToRgb(ctx: CanvasRenderingContext2D, colour: string, fallback: Rgb): Rgb {
  ctx.fillStyle = '#000000';
  ctx.fillStyle = colour;
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(String(ctx.fillStyle));
  return m ? [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16)] : fallback;
}

/**
 * Pixel offsets of a disc of radius r, of its outline (every other outline
 * pixel, for a dotted ring), and of the halo just outside it, `w` wide.
 */
export function discMask(r: number, w: number): { fill: Int16Array; ring: Int16Array; halo: Int16Array } {
  const fill: number[] = [];
  const ring: number[] = [];
  const halo: number[] = [];
  const R = Math.ceil(r + w);
  for (let dy = -R; dy <= R; dy++)
    for (let dx = -R; dx <= R; dx++) {
      const d = Math.hypot(dx, dy);
      if (d > r + w) continue;
      if (d > r) {
        halo.push(dx, dy);
        continue;
      }
      fill.push(dx, dy);
      // Outline: the disc's pixels with a neighbour outside; dotted by angle.
      if (d > r - 1.2 && Math.round(((Math.atan2(dy, dx) + Math.PI) / (2 * Math.PI)) * 12) % 2 === 0) ring.push(dx, dy);
    }
  return { fill: Int16Array.from(fill), ring: Int16Array.from(ring), halo: Int16Array.from(halo) };
}

let image: ImageData | null = null;
let pixels = new Uint32Array(0);
let seen = new Uint8Array(0);
let reach = new Int32Array(0);
let masks: { r: number; mask: ReturnType<typeof discMask> } | null = null;
const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

function pack([r, g, b]: Rgb, alpha: number): number {
  const a = Math.round(alpha * 255);
  return littleEndian ? ((a << 24) | (b << 16) | (g << 8) | r) >>> 0 : ((r << 24) | (g << 16) | (b << 8) | a) >>> 0;
}

/** What every group's draw needs: the frame's pixels and the visible strip in device px. */
interface Frame {
  d: DrawInput;
  W: number;
  H: number;
  /** Visible columns [xl, xr) in device px. */
  xl: number;
  xr: number;
}

/** A bar's extent in device px, [left, right, top, bottom), written by barExtent (no allocation per bar and frame). */
const bar = new Int32Array(4);

/**
 * Where a bar lands, into `bar`; false when it is off screen. A span is at
 * least 2 CSS px wide, so that a short one stays visible.
 */
function barExtent(f: Frame, t0: number, t1: number, y: number): boolean {
  const { m, c, left, right, dpr } = f.d;
  const x0 = m * t0 + c;
  const x1 = Math.max(x0 + 2, m * t1 + c);
  if (x1 < left || x0 > right) return false;
  bar[0] = Math.max(f.xl, Math.round(x0 * dpr));
  bar[1] = Math.min(f.xr, Math.round(x1 * dpr));
  bar[2] = Math.max(0, Math.round((y - BAR_HALF) * dpr));
  bar[3] = Math.min(f.H, Math.round((y + BAR_HALF) * dpr));
  return bar[1] > bar[0] && bar[3] > bar[2];
}

/**
 * The bars of one group. Spans overlap a great deal (十四五 is in thousands of
 * articles, and a year-long span covers the whole window once zoomed in):
 * filling each bar's rows wrote every pixel five to seven times a frame on the
 * people-daily corpus. Bars come in order of their start, so their left edges
 * never move left: each pixel row remembers how far right it is already
 * filled in this group's colour, and a bar fills only what lies beyond. Every
 * pixel of a group is written at most once, and the picture is the same as
 * filling every bar (one colour per group).
 */
function drawBars(f: Frame, g: MarkGroup, colour: number, edge: number): number {
  const { m, c, left, right, ys } = f.d;
  const W = f.W;
  // Bars that can touch the window: start ≤ its end, and start ≥ its start − the longest span.
  const lo = bisectLeft(g.t0, (left - c) / m - g.longest);
  const hi = bisectRight(g.t0, (right - c) / m);
  reach.fill(0, 0, f.H);
  let drawn = 0;
  for (let i = lo; i < hi; i++) {
    if (!barExtent(f, g.t0[i], g.t1[i], ys[g.index[i]])) continue;
    const a = bar[0];
    const b = bar[1];
    let filled = false;
    for (let py = bar[2]; py < bar[3]; py++) {
      const from = Math.max(a, reach[py]);
      if (from >= b) continue;
      // TypedArray.fill is a native memset: a full-width bar row costs next to nothing.
      pixels.fill(colour, py * W + from, py * W + b);
      reach[py] = b;
      filled = true;
    }
    if (filled) drawn++;
  }
  if (!g.approximate) return drawn;
  // Approximate spans: dashed top and bottom edges (2 px on, 2 off, fixed to
  // the canvas so that overlapping bars share one dash pattern), over the
  // group's bars.
  reach.fill(0, 0, f.H);
  for (let i = lo; i < hi; i++) {
    if (!barExtent(f, g.t0[i], g.t1[i], ys[g.index[i]])) continue;
    const a = bar[0];
    const b = bar[1];
    // The top row, then the bottom row (once, if the bar is one row high).
    for (let py = bar[2]; py < bar[3]; py += Math.max(1, bar[3] - 1 - bar[2])) {
      const from = Math.max(a, reach[py]);
      if (from >= b) continue;
      const row = py * W;
      for (let px = from & ~3; px < b; px += 4) {
        const s0 = Math.max(px, from);
        const s1 = Math.min(b, px + 2);
        if (s1 > s0) pixels.fill(edge, row + s0, row + s1);
      }
      reach[py] = b;
    }
  }
  return drawn;
}

/** The points of one group; points that would land in the same 2×2 CSS px cell are drawn once. */
function drawPoints(f: Frame, g: MarkGroup, bit: number, colour: number, edge: number, halo: number): number {
  const { m, c, left, right, ys, dpr } = f.d;
  const { W, H, xl, xr } = f;
  const cw = Math.ceil(f.d.width / 2) + 2;
  const { fill, ring, halo: around } = masks!.mask;
  const lo = bisectLeft(g.t0, (left - POINT_R - c) / m);
  const hi = bisectRight(g.t0, (right + POINT_R - c) / m);
  let drawn = 0;
  for (let i = lo; i < hi; i++) {
    const x = m * g.t0[i] + c;
    const y = ys[g.index[i]];
    const cell = Math.round(x / 2) + Math.round(y / 2) * cw;
    if (cell < 0 || cell >= seen.length || seen[cell] & bit) continue;
    seen[cell] |= bit;
    const cx = Math.round(x * dpr);
    const cy = Math.round(y * dpr);
    for (let j = 0; j < around.length; j += 2) {
      const px = cx + around[j];
      const py = cy + around[j + 1];
      if (px >= xl && px < xr && py >= 0 && py < H) pixels[py * W + px] = halo;
    }
    for (let j = 0; j < fill.length; j += 2) {
      const px = cx + fill[j];
      const py = cy + fill[j + 1];
      if (px >= xl && px < xr && py >= 0 && py < H) pixels[py * W + px] = colour;
    }
    if (g.approximate)
      for (let j = 0; j < ring.length; j += 2) {
        const px = cx + ring[j];
        const py = cy + ring[j + 1];
        if (px >= xl && px < xr && py >= 0 && py < H) pixels[py * W + px] = edge;
      }
    drawn++;
  }
  return drawn;
}

/** Draw the marks; returns how many were drawn (after de-duplication), for the performance script. */
export function drawMarks(ctx: CanvasRenderingContext2D, d: DrawInput): number {
  const W = ctx.canvas.width;
  const H = ctx.canvas.height;
  if (!W || !H) return 0;
  if (!image || image.width !== W || image.height !== H) {
    image = ctx.createImageData(W, H);
    pixels = new Uint32Array(image.data.buffer);
  } else pixels.fill(0);
  if (reach.length < H) reach = new Int32Array(H);
  // 2×2 CSS px cells, one bit per group of points.
  const cells = (Math.ceil(d.width / 2) + 2) * (Math.ceil(d.height / 2) + 2);
  if (seen.length < cells) seen = new Uint8Array(cells);
  else seen.fill(0, 0, cells);
  const r = POINT_R * d.dpr;
  if (!masks || masks.r !== r) masks = { r, mask: discMask(r, d.dpr) };
  const f: Frame = { d, W, H, xl: Math.max(0, Math.floor(d.left * d.dpr)), xr: Math.min(W, Math.ceil(d.right * d.dpr)) };
  let drawn = 0;
  let bit = 1;
  for (const g of d.columns) {
    const rgb = d.colours[g.kind];
    const colour = pack(rgb, g.approximate ? 0.28 : 0.8);
    const edge = pack(rgb, 1);
    if (!g.point) drawn += drawBars(f, g, colour, edge);
    else {
      drawn += drawPoints(f, g, bit, colour, edge, pack(d.halo, 1));
      bit <<= 1;
    }
  }
  ctx.putImageData(image!, 0, 0);
  return drawn;
}
