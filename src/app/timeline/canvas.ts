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
 * in SVG. Overlapping marks overwrite each other (no blending), and marks
 * that would land in the same 2×2 px cell are drawn once.
 */
export type Rgb = [number, number, number];

/**
 * The events as typed columns, built once per data set: the draw loop runs
 * over tens of thousands of events each frame and must not chase objects.
 */
export interface EventColumns {
  t0: Float64Array;
  t1: Float64Array;
  /** Where a one-day event's point sits (pointTime). */
  mid: Float64Array;
  /** kind × 2 + approximate. */
  style: Uint8Array;
  point: Uint8Array;
  longest: number;
}

const KIND_INDEX: Record<EventKind, number> = { event: 0, as_of: 1, period: 2 };

export function toColumns(events: readonly PlacedEvent[]): EventColumns {
  const n = events.length;
  const c: EventColumns = {
    t0: new Float64Array(n),
    t1: new Float64Array(n),
    mid: new Float64Array(n),
    style: new Uint8Array(n),
    point: new Uint8Array(n),
    longest: 0,
  };
  for (let i = 0; i < n; i++) {
    const p = events[i];
    c.t0[i] = p.t0;
    c.t1[i] = p.t1;
    c.mid[i] = pointTime(p);
    c.style[i] = KIND_INDEX[p.event.kind] * 2 + (p.event.approximate ? 1 : 0);
    c.point[i] = isPoint(p) ? 1 : 0;
    if (p.t1 - p.t0 > c.longest) c.longest = p.t1 - p.t0;
  }
  return c;
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
}

/** Any CSS colour → RGB, through the canvas's own colour parser (it normalises fillStyle to #rrggbb). */
export function cssColourToRgb(ctx: CanvasRenderingContext2D, colour: string, fallback: Rgb): Rgb {
  ctx.fillStyle = '#000000';
  ctx.fillStyle = colour;
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(String(ctx.fillStyle));
  return m ? [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16)] : fallback;
}

/** Pixel offsets of a disc of radius r, and of its outline (every other outline pixel, for a dotted ring). */
export function discMask(r: number): { fill: Int16Array; ring: Int16Array } {
  const fill: number[] = [];
  const ring: number[] = [];
  const R = Math.ceil(r);
  for (let dy = -R; dy <= R; dy++)
    for (let dx = -R; dx <= R; dx++) {
      const d = Math.hypot(dx, dy);
      if (d > r) continue;
      fill.push(dx, dy);
      // Outline: the disc's pixels with a neighbour outside; dotted by angle.
      if (d > r - 1.2 && Math.round(((Math.atan2(dy, dx) + Math.PI) / (2 * Math.PI)) * 12) % 2 === 0) ring.push(dx, dy);
    }
  return { fill: Int16Array.from(fill), ring: Int16Array.from(ring) };
}

let image: ImageData | null = null;
let pixels = new Uint32Array(0);
let seen = new Uint8Array(0);
let masks: { r: number; mask: ReturnType<typeof discMask> } | null = null;
const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

function pack([r, g, b]: Rgb, alpha: number): number {
  const a = Math.round(alpha * 255);
  return littleEndian ? ((a << 24) | (b << 16) | (g << 8) | r) >>> 0 : ((r << 24) | (g << 16) | (b << 8) | a) >>> 0;
}

const KINDS: EventKind[] = ['event', 'as_of', 'period'];

/** Draw the marks; returns how many were drawn (after de-duplication), for the performance script. */
export function drawMarks(ctx: CanvasRenderingContext2D, d: DrawInput): number {
  const { columns: col, m, c, ys, left, right, dpr } = d;
  const W = ctx.canvas.width;
  const H = ctx.canvas.height;
  if (!W || !H) return 0;
  if (!image || image.width !== W || image.height !== H) {
    image = ctx.createImageData(W, H);
    pixels = new Uint32Array(image.data.buffer);
  } else pixels.fill(0);
  // 2×2 CSS px cells, one bit per style (kind × approximate).
  const cw = Math.ceil(d.width / 2) + 2;
  const ch = Math.ceil(d.height / 2) + 2;
  if (seen.length < cw * ch) seen = new Uint8Array(cw * ch);
  else seen.fill(0, 0, cw * ch);
  const r = POINT_R * dpr;
  if (!masks || masks.r !== r) masks = { r, mask: discMask(r) };
  const { fill, ring } = masks.mask;

  const solid = KINDS.map((k) => pack(d.colours[k], 0.8));
  const faint = KINDS.map((k) => pack(d.colours[k], 0.28));
  const edge = KINDS.map((k) => pack(d.colours[k], 1));
  const xl = Math.max(0, Math.floor(left * dpr));
  const xr = Math.min(W, Math.ceil(right * dpr));

  // Events that can touch the window: start ≤ its end, and start ≥ its start − the longest span.
  const lo = bisectLeft(col.t0, (left - POINT_R - c) / m - col.longest);
  const hi = bisectRight(col.t0, (right + POINT_R - c) / m);
  const bars = new Set<number>();
  let drawn = 0;
  // Four passes: approximate spans, exact spans, approximate days, exact
  // days: a long bar must not hide the days inside it, and exact dates stay
  // on top of approximate ones.
  for (let pass = 0; pass < 4; pass++) {
    const points = pass >= 2 ? 1 : 0;
    const approxPass = pass % 2 === 0 ? 1 : 0;
    for (let i = lo; i < hi; i++) {
      if (col.point[i] !== points) continue;
      const style = col.style[i];
      const approx = style & 1;
      if (approx !== approxPass) continue;
      const k = style >> 1;
      const y = ys[i];
      if (points) {
        const x = m * col.mid[i] + c;
        if (x < left - POINT_R || x > right + POINT_R) continue;
        const cell = Math.round(x / 2) + Math.round(y / 2) * cw;
        const bit = 1 << style;
        if (cell < 0 || cell >= seen.length || seen[cell] & bit) continue;
        seen[cell] |= bit;
        const cx = Math.round(x * dpr);
        const cy = Math.round(y * dpr);
        const colour = approx ? faint[k] : solid[k];
        for (let j = 0; j < fill.length; j += 2) {
          const px = cx + fill[j];
          const py = cy + fill[j + 1];
          if (px >= xl && px < xr && py >= 0 && py < H) pixels[py * W + px] = colour;
        }
        if (approx)
          for (let j = 0; j < ring.length; j += 2) {
            const px = cx + ring[j];
            const py = cy + ring[j + 1];
            if (px >= xl && px < xr && py >= 0 && py < H) pixels[py * W + px] = edge[k];
          }
      } else {
        const x0 = m * col.t0[i] + c;
        const x1 = Math.max(x0 + 2, m * col.t1[i] + c);
        if (x1 < left || x0 > right) continue;
        const a = Math.max(xl, Math.round(x0 * dpr));
        const b = Math.min(xr, Math.round(x1 * dpr));
        // Many spans are the same period (十四五 is in thousands of articles):
        // one bar per visible extent, 2 px row and style.
        const key = ((a * 8192 + b) * 2048 + Math.round(y / 2)) * 8 + style;
        if (bars.has(key)) continue;
        bars.add(key);
        const top = Math.max(0, Math.round((y - BAR_HALF) * dpr));
        const bottom = Math.min(H, Math.round((y + BAR_HALF) * dpr));
        const colour = approx ? faint[k] : solid[k];
        for (let py = top; py < bottom; py++) {
          const row = py * W;
          // TypedArray.fill is a native memset: a full-width bar row costs
          // next to nothing, where a JS loop over its pixels did not.
          pixels.fill(colour, row + a, row + b);
          // Approximate spans: dashed top and bottom edges.
          if (approx && (py === top || py === bottom - 1)) for (let px = a; px < b; px += 4) pixels.fill(edge[k], row + px, row + Math.min(b, px + 2));
        }
      }
      drawn++;
    }
  }
  ctx.putImageData(image!, 0, 0);
  return drawn;
}
