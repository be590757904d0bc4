import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { drawMarks, toColumns, type DrawInput, type EventColumns, type Rgb } from '../../src/app/timeline/canvas.ts';
import { BAR_HALF, POINT_R } from '../../src/app/timeline/marks.ts';
import type { PlacedEvent } from '../../src/app/timeline/time.ts';
import type { EventKind } from '../../src/shared/types.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2020, 0, 1);
const COLOURS: Record<EventKind, Rgb> = { event: [200, 10, 20], as_of: [30, 100, 160], period: [150, 90, 5] };
const HALO: Rgb = [250, 250, 240];

/** A canvas context that keeps the image put into it. */
function fakeContext(width: number, height: number) {
  const ctx = {
    canvas: { width, height },
    image: null as ImageData | null,
    createImageData: (w: number, h: number) => ({ width: w, height: h, data: new Uint8ClampedArray(w * h * 4) }) as ImageData,
    putImageData(img: ImageData) {
      // Copy: the module reuses its image from frame to frame.
      ctx.image = { ...img, data: img.data.slice() } as ImageData;
    },
  };
  return ctx;
}

function placed(spec: { day: number; days: number; kind: EventKind; approximate: boolean }[]): PlacedEvent[] {
  return spec
    .map((s, i) => ({
      event: { id: `e${i}`, kind: s.kind, approximate: s.approximate } as PlacedEvent['event'],
      t0: T0 + s.day * DAY,
      t1: T0 + (s.day + s.days) * DAY,
    }))
    .sort((a, b) => a.t0 - b.t0 || a.t1 - b.t1);
}

function input(events: PlacedEvent[], ys: number[], from: number, to: number, o: { width: number; height: number; dpr: number }): DrawInput {
  const left = 12;
  const right = o.width - 12;
  const m = (right - left) / (to - from);
  return { columns: toColumns(events), m, c: left - m * from, ys: Float32Array.from(ys), left, right, ...o, colours: COLOURS, halo: HALO };
}

function draw(d: DrawInput): { data: Uint8ClampedArray; drawn: number } {
  const ctx = fakeContext(Math.round(d.width * d.dpr), Math.round(d.height * d.dpr));
  const drawn = drawMarks(ctx as unknown as CanvasRenderingContext2D, d);
  return { data: ctx.image!.data, drawn };
}

/**
 * The plain way to draw the same picture: every mark of every group, in
 * order, each bar's every row, no window search and no skipping of filled
 * pixels. drawMarks must give exactly this image.
 */
function reference(d: DrawInput): Uint8ClampedArray {
  const W = Math.round(d.width * d.dpr);
  const H = Math.round(d.height * d.dpr);
  const out = new Uint8ClampedArray(W * H * 4);
  const xl = Math.max(0, Math.floor(d.left * d.dpr));
  const xr = Math.min(W, Math.ceil(d.right * d.dpr));
  const put = (px: number, py: number, [r, g, b]: Rgb, alpha: number) => {
    if (px < xl || px >= xr || py < 0 || py >= H) return;
    out.set([r, g, b, Math.round(alpha * 255)], (py * W + px) * 4);
  };
  const cells = new Set<string>();
  const cols: EventColumns = d.columns;
  for (const [gi, g] of cols.entries()) {
    const rgb = d.colours[g.kind];
    const alpha = g.approximate ? 0.28 : 0.8;
    const bars: number[][] = [];
    const marks = Array.from(g.index, (event, i) => ({ event, t0: g.t0[i], t1: g.t1[i] }));
    for (const { event, t0, t1 } of marks) {
      const y = d.ys[event];
      if (g.point) {
        const x = d.m * t0 + d.c;
        if (x < d.left - POINT_R || x > d.right + POINT_R) continue;
        const cell = `${gi} ${Math.round(x / 2)} ${Math.round(y / 2)}`;
        if (cells.has(cell)) continue;
        cells.add(cell);
        const r = POINT_R * d.dpr;
        const cx = Math.round(x * d.dpr);
        const cy = Math.round(y * d.dpr);
        const R = 6 * d.dpr;
        for (let dy = -R; dy <= R; dy++)
          for (let dx = -R; dx <= R; dx++) if (Math.hypot(dx, dy) > r && Math.hypot(dx, dy) <= r + d.dpr) put(cx + dx, cy + dy, d.halo, 1);
        for (let dy = -R; dy <= R; dy++) for (let dx = -R; dx <= R; dx++) if (Math.hypot(dx, dy) <= r) put(cx + dx, cy + dy, rgb, alpha);
        if (g.approximate)
          for (let dy = -R; dy <= R; dy++)
            for (let dx = -R; dx <= R; dx++) {
              const dist = Math.hypot(dx, dy);
              if (dist <= r && dist > r - 1.2 && Math.round(((Math.atan2(dy, dx) + Math.PI) / (2 * Math.PI)) * 12) % 2 === 0) put(cx + dx, cy + dy, rgb, 1);
            }
      } else {
        const x0 = d.m * t0 + d.c;
        const x1 = Math.max(x0 + 2, d.m * t1 + d.c);
        if (x1 < d.left || x0 > d.right) continue;
        const a = Math.round(x0 * d.dpr);
        const b = Math.round(x1 * d.dpr);
        const top = Math.max(0, Math.round((y - BAR_HALF) * d.dpr));
        const bottom = Math.min(H, Math.round((y + BAR_HALF) * d.dpr));
        for (let py = top; py < bottom; py++) for (let px = a; px < b; px++) put(px, py, rgb, alpha);
        bars.push([a, b, top, bottom]);
      }
    }
    // Dashes after all the group's bars: 2 px on, 2 off, counted from the canvas's left edge.
    if (g.approximate)
      for (const [a, b, top, bottom] of bars)
        for (const py of new Set([top, bottom - 1]))
          if (py < bottom) for (let px = a; px < b; px++) if (px % 4 < 2) put(px, py, rgb, 1);
  }
  return out;
}

const at = (data: Uint8ClampedArray, width: number, x: number, y: number) => [...data.slice((y * width + x) * 4, (y * width + x) * 4 + 4)];

describe('timeline canvas', () => {
  test('draws the same image as drawing every mark of every group in order', () => {
    const kind = fc.constantFrom<EventKind>('event', 'as_of', 'period');
    const mark = fc.record({
      day: fc.integer({ min: -400, max: 800 }),
      // Mostly single days and year-long periods, some decades long.
      days: fc.oneof(fc.constant(1), fc.integer({ min: 2, max: 40 }), fc.constant(365), fc.integer({ min: 366, max: 20_000 })),
      kind,
      approximate: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(mark, { maxLength: 120 }),
        fc.integer({ min: -200, max: 600 }),
        fc.integer({ min: 1, max: 900 }),
        fc.constantFrom(1, 2),
        fc.integer({ min: 0, max: 1_000_000 }),
        (spec, start, span, dpr, seed) => {
          const events = placed(spec);
          // Rows from a fixed pseudo-random sequence: marks overlap, as in a busy lane.
          const ys = events.map((_, i) => 4 + (((seed + i * 7919) % 997) / 997) * 52);
          const d = input(events, ys, T0 + start * DAY, T0 + (start + span) * DAY, { width: 160, height: 60, dpr });
          expect(Buffer.from(draw(d).data).equals(Buffer.from(reference(d)))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  test('exact days sit on top of approximate spans and of exact spans', () => {
    const events = placed([
      { day: 0, days: 365, kind: 'period', approximate: true },
      { day: 0, days: 365, kind: 'period', approximate: false },
      { day: 10, days: 1, kind: 'event', approximate: false },
    ]);
    const d = input(events, [30, 30, 30], T0, T0 + 20 * DAY, { width: 220, height: 60, dpr: 1 });
    const { data } = draw(d);
    const x = Math.round(d.m * (T0 + 10.5 * DAY) + d.c);
    expect(at(data, 220, x, 30)).toEqual([...COLOURS.event, 204]);
    // Beside the point, the exact span covers the approximate one.
    expect(at(data, 220, x + 20, 30)).toEqual([...COLOURS.period, 204]);
  });

  test('a day on a bar of its own colour is ringed by the surface colour, so it still shows', () => {
    const events = placed([
      { day: 0, days: 365, kind: 'event', approximate: false },
      { day: 10, days: 1, kind: 'event', approximate: false },
    ]);
    const d = input(events, [30, 30], T0, T0 + 20 * DAY, { width: 220, height: 60, dpr: 1 });
    const { data } = draw(d);
    const x = Math.round(d.m * (T0 + 10.5 * DAY) + d.c);
    expect(at(data, 220, x, 30)).toEqual([...COLOURS.event, 204]);
    expect(at(data, 220, x + 4, 30)).toEqual([...HALO, 255]);
    expect(at(data, 220, x + 8, 30)).toEqual([...COLOURS.event, 204]);
  });

  test('a span that began long before the window still fills it, and nothing is drawn outside the plot', () => {
    const events = placed([
      { day: -30_000, days: 40_000, kind: 'period', approximate: false },
      ...Array.from({ length: 50 }, (_, i) => ({ day: i * 3, days: 1, kind: 'event' as const, approximate: false })),
    ]);
    const ys = events.map((e) => (e.event.kind === 'period' ? 20 : 40));
    const d = input(events, ys, T0 + 60 * DAY, T0 + 67 * DAY, { width: 200, height: 60, dpr: 1 });
    const { data, drawn } = draw(d);
    for (let x = 12; x < 188; x++) expect(at(data, 200, x, 20)).toEqual([...COLOURS.period, 204]);
    for (let y = 0; y < 60; y++)
      for (const x of [0, 11, 188, 199]) expect(at(data, 200, x, y)).toEqual([0, 0, 0, 0]);
    // The span and the days 60, 63 and 66 in view.
    expect(drawn).toBe(4);
  });

  test('an approximate span has dashed edges over its faint body', () => {
    const events = placed([{ day: 0, days: 365, kind: 'as_of', approximate: true }]);
    const d = input(events, [30], T0 + 100 * DAY, T0 + 120 * DAY, { width: 100, height: 60, dpr: 1 });
    const { data } = draw(d);
    const top = 30 - BAR_HALF;
    const row = Array.from({ length: 8 }, (_, i) => at(data, 100, 40 + i, top)[3]);
    expect(row).toEqual([255, 255, 71, 71, 255, 255, 71, 71]);
    expect(at(data, 100, 41, 30)).toEqual([...COLOURS.as_of, 71]);
  });
});
