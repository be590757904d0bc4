import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { DateEvent } from '../../src/shared/types.ts';
import { assignLanes, jitterOf, laneAt, laneGeometry, markY, truncateLabel } from '../../src/app/timeline/lanes.ts';
import { adjacentLane, candidates, eventsIn, hitTest, nearestInLane, timeIndex, type MarkGeometry } from '../../src/app/timeline/marks.ts';
import { chooseTickStep, formatTick, labelWidth, placeLabels, timeTicks } from '../../src/app/timeline/ticks.ts';
import {
  densityBins,
  endOf,
  eventsInParagraphs,
  fullExtent,
  moveRangeEnd,
  pageBounds,
  pageOf,
  paramsFromRange,
  placeEvents,
  rangeFromParams,
  rangeStep,
  startOf,
  zoomFor,
} from '../../src/app/timeline/time.ts';

const DAY = 86_400_000;
const utc = (y: number, m = 1, d = 1) => Date.UTC(y, m - 1, d);

let n = 0;
function ev(start: string, end = start, more: Partial<DateEvent> = {}): DateEvent {
  n++;
  return {
    id: `e${n}`,
    article: 'a1',
    paragraph: 'a1-p1',
    text: start,
    start,
    end,
    precision: start.length === 4 ? 'year' : start.length === 7 ? 'month' : 'day',
    kind: 'event',
    sentence: `s ${start}`,
    offset: 0,
    length: start.length,
    ...more,
  };
}

describe('ticks from decades to days', () => {
  test.each([
    // span, width px → unit and step
    [utc(1900), utc(2030), 1000, 'year', 10],
    [utc(2010), utc(2026), 1000, 'year', 1],
    [utc(2010), utc(2026), 354, 'year', 5],
    [utc(2025), utc(2026, 6), 1400, 'month', 1],
    [utc(2025), utc(2026, 6), 700, 'month', 3],
    [utc(2026, 1, 1), utc(2026, 1, 8), 1000, 'day', 1],
    [utc(2026, 1, 1), utc(2026, 2, 15), 1000, 'day', 7],
  ] as const)('%d–%d over %d px → %s ticks every %d', (t0, t1, width, unit, every) => {
    const step = chooseTickStep(t0, t1, width);
    expect(step.unit).toBe(unit);
    const nominal = { year: 365.25, month: 30.44, day: 1 }[unit] * DAY;
    expect(Math.round(step.ms / nominal)).toBe(every);
  });

  test.each([
    // tick, unit, lang, previous tick → label
    [utc(2026, 1), 'year', 'zh', null, '2026年'],
    [utc(2026, 1), 'year', 'en', null, '2026'],
    [utc(2026, 1), 'month', 'zh', null, '2026年1月'],
    [utc(2026, 1), 'month', 'en', utc(2025, 12), 'Jan 2026'],
    [utc(2026, 3), 'month', 'zh', utc(2026, 2), '3月'],
    [utc(2026, 3), 'month', 'en', utc(2026, 2), 'Mar'],
    [utc(2026, 1, 26), 'day', 'zh', null, '2026年1月26日'],
    [utc(2026, 1, 26), 'day', 'en', null, '26 Jan 2026'],
    [utc(2026, 1, 27), 'day', 'zh', utc(2026, 1, 26), '27日'],
    [utc(2026, 2, 2), 'day', 'zh', utc(2026, 1, 26), '2月2日'],
    [utc(2026, 2, 2), 'day', 'en', utc(2026, 1, 26), '2 Feb'],
    [utc(2026, 1, 5), 'day', 'en', utc(2025, 12, 29), '5 Jan 2026'],
  ] as const)('formatTick(%d, %s, %s) = %s', (t, unit, lang, prev, label) => {
    expect(formatTick(t, unit, lang, prev).label).toBe(label);
  });

  test('day ticks sit at noon, under the points of their day, and never go below a day', () => {
    const { unit, ticks } = timeTicks(utc(2026, 1, 1), utc(2026, 1, 8), 1200, 'zh');
    expect(unit).toBe('day');
    expect(ticks.map((t) => t.label)).toEqual(['2026年1月1日', '2日', '3日', '4日', '5日', '6日', '7日']);
    expect(ticks[0].t).toBe(utc(2026, 1, 1) + DAY / 2);
  });

  test('labels fit: tick count never exceeds what the width holds (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: utc(1200), max: utc(2100) }),
        fc.integer({ min: 7, max: 400 * 365 }),
        fc.integer({ min: 300, max: 1400 }),
        (t0, days, width) => {
          const { unit, ticks } = timeTicks(t0, t0 + days * DAY, width, 'zh');
          const per = { year: 56, month: 56, day: 48 }[unit];
          // +1: a range can hold one tick more than its length over the step
          expect(ticks.length).toBeLessThanOrEqual(Math.max(1, Math.floor(width / per)) + 1);
        },
      ),
      { numRuns: 200 },
    );
  });
  test('shown labels never overlap and never leave the plot (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: utc(1200), max: utc(2100) }),
        fc.integer({ min: 7, max: 400 * 365 }),
        fc.integer({ min: 300, max: 1400 }),
        fc.constantFrom('zh' as const, 'en' as const),
        (t0, days, width, lang) => {
          const t1 = t0 + days * DAY;
          const { ticks } = timeTicks(t0, t1, width, lang);
          const xs = ticks.map((t) => ((t.t - t0) / (t1 - t0)) * width);
          const placed = placeLabels(
            xs,
            ticks.map((t) => t.label),
            0,
            width,
            8,
            ticks.map((t) => t.major),
          );
          let lastEnd = -Infinity;
          placed.forEach((p, i) => {
            if (!p.visible) return;
            const w = labelWidth(ticks[i].label);
            const x0 = p.anchor === 'start' ? xs[i] : p.anchor === 'end' ? xs[i] - w : xs[i] - w / 2;
            // inside the plot …
            expect(x0).toBeGreaterThanOrEqual(-1e-9);
            expect(x0 + w).toBeLessThanOrEqual(width + 1e-9);
            // … and clear of the previous shown label
            expect(x0).toBeGreaterThanOrEqual(lastEnd);
            lastEnd = x0 + w;
          });
          // Every major label (a new year or month) is shown unless it would touch another major one.
          placed.forEach((p, i) => {
            if (ticks[i].major && !p.visible) expect(placed.some((q, j) => j !== i && q.visible && (ticks[j].major || j === 0))).toBe(true);
          });
          if (placed.length) expect(placed[0].visible).toBe(true);
          // Most ticks keep their label.
          expect(placed.filter((p) => p.visible).length).toBeGreaterThanOrEqual(Math.ceil(placed.length / 2));
        },
      ),
      { numRuns: 300 },
    );
  });

  test('long labels that would hide most short ones make the step coarser (11 days across New Year in 300 px)', () => {
    // Found by the property above: at a two-day step the first label (1374年12月27日) and
    // the new year's (1375年1月2日) left three of five ticks bare.
    const t0 = Date.UTC(1374, 11, 26, 12) - 1;
    const { ticks } = timeTicks(t0, t0 + 11 * DAY, 300, 'zh');
    // Weekly (Mondays) instead: both labels shown.
    expect(ticks.map((t) => t.label)).toEqual(['1374年12月26日', '1375年1月2日']);
  });
  test('a new year keeps its label over the short label before it', () => {
    const p = placeLabels([10, 300, 340, 380], ['2019年12月2日', '23日', '2020年1月6日', '13日'], 0, 1000, 8, [false, false, true, false]);
    expect(p.map((l) => l.visible)).toEqual([true, false, true, false]);
    const q = placeLabels([100, 150, 260], ['2019年12月2日', '23日', '2020年1月6日'], 0, 1000, 8, [false, false, true]);
    expect(q.map((l) => l.visible)).toEqual([true, false, true]);
  });

  test('labels at the plot edges are anchored inwards', () => {
    expect(placeLabels([0, 500, 1000], ['2026年1月26日', '3日', '2026年'], 0, 1000).map((p) => p.anchor)).toEqual(['start', 'middle', 'end']);
  });
});

describe('placing events and ranges', () => {
  test('periods end after their last unit', () => {
    expect(endOf('2025')).toBe(utc(2026));
    expect(endOf('2025-12')).toBe(utc(2026));
    expect(endOf('2026-01-31')).toBe(utc(2026, 2, 1));
    expect(startOf('2021-02')).toBe(utc(2021, 2));
  });

  test('the full extent is padded and copes with 50,000 events (no spread into Math.min)', () => {
    const many = placeEvents(Array.from({ length: 50_000 }, (_, i) => ev(`20${10 + (i % 15)}-01-0${1 + (i % 9)}`)));
    const [a, b] = fullExtent(many, [0, 1]);
    expect(a).toBeLessThan(utc(2010));
    expect(b).toBeGreaterThan(utc(2024, 1, 10));
    expect(fullExtent([], [1, 2])).toEqual([1, 2]);
  });

  test.each([
    ['2021-01-01', '2021-02-28', [utc(2021), utc(2021, 3)]],
    ['2021', '2021', [utc(2021), utc(2022)]],
    ['2021-03-01', '2021-01-01', null],
    ['nonsense', '2021', null],
    ['', '', null],
  ] as const)('rangeFromParams(%s, %s)', (from, to, expected) => {
    expect(rangeFromParams(from, to)).toEqual(expected);
  });

  test('a range survives the round trip URL → zoom → URL (property)', () => {
    const full: [number, number] = [utc(2000), utc(2030)];
    const range: [number, number] = [20, 1180];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9000 }), fc.integer({ min: 8, max: 1500 }), (startDay, days) => {
        const a = utc(2001) + startDay * DAY;
        const b = a + days * DAY;
        const { from, to } = paramsFromRange(a, b);
        const r = rangeFromParams(from, to)!;
        const z = zoomFor(full, range, r[0], r[1], (full[1] - full[0]) / (7 * DAY));
        // The domain the zoom shows, as the chart computes it.
        const base = (px: number) => full[0] + ((px - range[0]) / (range[1] - range[0])) * (full[1] - full[0]);
        const shown0 = base((range[0] - z.tx) / z.k);
        const shown1 = base((range[1] - z.tx) / z.k);
        expect(paramsFromRange(shown0, shown1)).toEqual({ from, to });
      }),
      { numRuns: 300 },
    );
  });

  test('zoomFor clamps to a week and stays inside the data', () => {
    const full: [number, number] = [utc(2020), utc(2022)];
    const z = zoomFor(full, [0, 100], utc(2021, 5, 1), utc(2021, 5, 2), (full[1] - full[0]) / (7 * DAY));
    expect(z.k).toBeCloseTo((full[1] - full[0]) / (7 * DAY));
    const edge = zoomFor(full, [0, 100], utc(2019), utc(2020, 2), 1000);
    // Starting before the data: the window is moved to start at the data's start.
    expect(edge.tx).toBeCloseTo(0);
  });

  test('search filter keeps only events of matching paragraphs', () => {
    const placed = placeEvents([ev('2021-01-01', '2021-01-01', { paragraph: 'p1' }), ev('2021-01-02', '2021-01-02', { paragraph: 'p2' })]);
    expect(eventsInParagraphs(placed, new Set(['p2'])).map((p) => p.event.paragraph)).toEqual(['p2']);
    expect(eventsInParagraphs(placed, null)).toHaveLength(2);
    expect(eventsInParagraphs(placed, new Set())).toHaveLength(0);
  });

  test('keyboard steps for the range handles', () => {
    const a = utc(2021);
    expect(rangeStep(a, a + 40 * DAY, false)).toBe(2 * DAY);
    expect(rangeStep(a, a + 7 * DAY, false)).toBe(DAY);
    expect(rangeStep(a, a + 40 * DAY, true)).toBe(20 * DAY);
    const full: [number, number] = [utc(2020), utc(2022)];
    expect(moveRangeEnd([a, a + 30 * DAY], 'start', 40 * DAY, full, 7 * DAY)).toEqual([a + 23 * DAY, a + 30 * DAY]);
    expect(moveRangeEnd([a, a + 30 * DAY], 'end', 10 * 365 * DAY, full, 7 * DAY)).toEqual([a, full[1]]);
    expect(moveRangeEnd([a, a + 30 * DAY], 'start', -10 * 365 * DAY, full, 7 * DAY)).toEqual([full[0], a + 30 * DAY]);
  });

  test('density bins count every event once', () => {
    const placed = placeEvents([ev('2020-01-01'), ev('2020-09'), ev('2021-12-31')]);
    const bins = densityBins(placed, [utc(2020), utc(2022)], 4);
    expect([...bins]).toEqual([1, 1, 0, 1]);
  });

  test.each([
    [-1, 0],
    [0, 0],
    [49, 0],
    [50, 1],
  ])('pageOf(%d) = %d', (i, p) => expect(pageOf(i, 50)).toBe(p));
  test('pageBounds clamps', () => {
    expect(pageBounds(0, 50, 120)).toEqual([0, 50]);
    expect(pageBounds(2, 50, 120)).toEqual([100, 120]);
    expect(pageBounds(9, 50, 120)).toEqual([100, 120]);
    expect(pageBounds(0, 50, 0)).toEqual([0, 0]);
  });
});

describe('lanes', () => {
  const docOf = (a: string) => `doc-${a.slice(0, 2)}`;
  test('one lane per group when they fit, ordered by first event', () => {
    const placed = placeEvents([
      ev('2021-03-01', '2021-03-01', { article: 'b1' }),
      ev('2021-01-01', '2021-01-01', { article: 'a1' }),
      ev('2021-02-01', '2021-02-01', { article: 'b2' }),
    ]);
    const byArticle = assignLanes(placed, 'article', docOf, 10);
    expect(byArticle.lanes.map((l) => l.key)).toEqual(['a1', 'b2', 'b1']);
    const byPage = assignLanes(placed, 'page', docOf, 10);
    expect(byPage.lanes.map((l) => [l.key, l.count])).toEqual([
      ['doc-a1', 1],
      ['doc-b2', 1],
      ['doc-b1', 1],
    ]);
  });

  test('many groups: the busiest keep a lane, the rest share the last', () => {
    const events = Array.from({ length: 100 }, (_, i) => ev(`2021-01-${String(1 + (i % 28)).padStart(2, '0')}`, undefined, { article: `x${i % 20}` }));
    // x0 gets 10 extra events: it must keep a lane.
    for (let i = 0; i < 10; i++) events.push(ev('2021-06-01', undefined, { article: 'x0' }));
    const layout = assignLanes(placeEvents(events), 'article', docOf, 5);
    expect(layout.lanes).toHaveLength(5);
    expect(layout.lanes.at(-1)).toMatchObject({ key: '', groups: 16 });
    expect(layout.lanes.some((l) => l.key === 'x0')).toBe(true);
    expect(layout.lanes.reduce((s, l) => s + l.count, 0)).toBe(110);
    expect(Math.max(...layout.laneOf)).toBe(4);
  });

  test('kinds keep a fixed order', () => {
    const placed = placeEvents([ev('2021', '2025', { kind: 'period' }), ev('2021-01-01', '2021-01-01', { kind: 'as_of' })]);
    expect(assignLanes(placed, 'kind', docOf, 3).lanes.map((l) => l.key)).toEqual(['as_of', 'period']);
  });

  test('jitter is stable, spread and inside its lane', () => {
    expect(jitterOf('e1')).toBe(jitterOf('e1'));
    const js = Array.from({ length: 1000 }, (_, i) => jitterOf(`ev-${i}`));
    expect(Math.min(...js)).toBeGreaterThanOrEqual(-0.5);
    expect(Math.max(...js)).toBeLessThan(0.5);
    expect(Math.max(...js) - Math.min(...js)).toBeGreaterThan(0.9);
    const g = laneGeometry(3, 300, 4);
    for (const j of [-0.5, 0, 0.49]) {
      const y = markY(g, 1, j);
      expect(laneAt(g, y, 3)).toBe(1);
      // marks stay below their lane's label row
      expect(y - 4).toBeGreaterThan(g.top + g.label + g.row + g.label);
    }
  });

  test.each([
    ['短标题', 20, '短标题'],
    ['全国总工会送温暖活动在京启动', 10, '全国总工…'],
    ['Mutual aid', 6, 'Mutua…'],
  ])('truncateLabel(%s, %d) = %s', (s, max, out) => expect(truncateLabel(s, max)).toBe(out));
});

describe('finding marks', () => {
  const placed = placeEvents([ev('2021-01-10'), ev('2021'), ev('2021-01-12'), ev('2019', '2025')]);
  const index = timeIndex(placed);
  const full: [number, number] = [utc(2018), utc(2027)];
  const px = (t: number) => ((t - full[0]) / (full[1] - full[0])) * 900;
  const g: MarkGeometry = { x: px, invert: (p) => full[0] + (p / 900) * (full[1] - full[0]), y: () => 50 };

  test('the candidates include long spans that start before the window', () => {
    expect([...candidates(index, utc(2024), utc(2024, 2))].some((i) => placed[i].event.start === '2019')).toBe(true);
    expect(eventsIn(placed, index, utc(2024), utc(2024, 2)).map((p) => p.event.start)).toEqual(['2019']);
  });

  test('one span of centuries does not make every window a candidate', () => {
    const days = Array.from({ length: 200 }, (_, i) => ev(new Date(utc(2020) + i * DAY).toISOString().slice(0, 10)));
    const many = placeEvents([ev('1220', '2080'), ...days]);
    const found = [...candidates(timeIndex(many), utc(2020, 3, 1), utc(2020, 3, 3))].map((i) => many[i].event.start);
    expect(found).toEqual(['1220', '2020-02-29', '2020-03-01', '2020-03-02', '2020-03-03']);
  });

  test('eventsIn finds exactly the events overlapping the window, in start order', () => {
    const year = fc.integer({ min: 2000, max: 2030 });
    const date = fc.tuple(year, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }));
    const iso = ([y, m, d]: [number, number, number]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    fc.assert(
      fc.property(fc.array(fc.tuple(date, fc.integer({ min: 0, max: 4000 })), { maxLength: 80 }), date, fc.integer({ min: 0, max: 400 }), (spec, from, len) => {
        const list = placeEvents(spec.map(([d, days]) => ev(iso(d), new Date(startOf(iso(d)) + days * DAY).toISOString().slice(0, 10))));
        const a = startOf(iso(from));
        const b = a + len * DAY;
        expect(eventsIn(list, timeIndex(list), a, b)).toEqual(list.filter((p) => p.t0 <= b && p.t1 > a));
      }),
      { numRuns: 200 },
    );
  });

  test('a point wins over the bar under it; far away is a miss', () => {
    const day = placed.findIndex((p) => p.event.start === '2021-01-10');
    const hit = hitTest(placed, index, g, px(utc(2021, 1, 10) + DAY / 2), 50);
    // 2021-01-10 and 2021-01-12 are <1 px apart here: either point, never a bar.
    expect(['2021-01-10', '2021-01-12']).toContain(placed[hit].event.start);
    expect(hit === day || placed[hit].event.start === '2021-01-12').toBe(true);
    expect(placed[hitTest(placed, index, g, px(utc(2023)), 50)].event.start).toBe('2019');
    expect(hitTest(placed, index, g, px(utc(2023)), 80)).toBe(-1);
  });

  test('keyboard neighbours across lanes', () => {
    const laneOf = Int32Array.from([0, 1, 0, 1]);
    // In start order: 2019–2025, 2021, 2021-01-10, 2021-01-12; lane 1 holds 2021 and 2021-01-12.
    expect(placed.map((p) => p.event.start)).toEqual(['2019', '2021', '2021-01-10', '2021-01-12']);
    expect(nearestInLane(placed, laneOf, 1, utc(2021, 1, 11))).toBe(3);
    expect(nearestInLane(placed, laneOf, 1, utc(2020, 12, 1))).toBe(1);
    expect(nearestInLane(placed, laneOf, 2, utc(2021))).toBe(-1);
    expect(adjacentLane([3, 0, 2], 0, 1)).toBe(2);
    expect(adjacentLane([3, 0, 2], 2, 1)).toBe(2);
    expect(adjacentLane([3, 0, 2], 2, -1)).toBe(0);
  });
});
