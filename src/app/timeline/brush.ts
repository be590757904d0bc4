import { brushX, select, type BrushBehavior, type D3BrushEvent } from 'd3';

/**
 * Attach d3-brush (x only) to a <g>, like zoomable() does for d3-zoom. The
 * brush only reports what the pointer did; the view decides what a range
 * means (it zooms the chart to it). Programmatic moves — the chart was zoomed
 * and the brush follows — are not reported back, so the two never loop.
 * Keyboard control is not d3's: see the slider thumbs in Overview.svelte.
 */
export interface BrushParams {
  /** [[left, top], [right, bottom]] in px. */
  extent: [[number, number], [number, number]];
  /** The brushed pixels, or null when a click cleared the selection. */
  onbrush: (px: [number, number] | null, end: boolean) => void;
  onready: (api: BrushApi) => void;
}

export interface BrushApi {
  /** Show [x0, x1] px as the selection without reporting it. */
  move(px: [number, number] | null): void;
}

export function brushable(node: SVGGElement, params: BrushParams) {
  let current = params;
  let quiet = false;
  const behaviour: BrushBehavior<unknown> = brushX<unknown>()
    .extent(current.extent)
    // Bigger handles for fingers: d3's default 6 px is hard to grab on a phone.
    .handleSize(12)
    .on('brush end', (e: D3BrushEvent<unknown>) => {
      if (quiet || !e.sourceEvent) return;
      const s = e.selection as [number, number] | null;
      current.onbrush(s ? [s[0], s[1]] : null, e.type === 'end');
    });
  const sel = select(node).call(behaviour);
  current.onready({
    move(px) {
      quiet = true;
      try {
        sel.call(behaviour.move, px);
      } finally {
        quiet = false;
      }
    },
  });
  return {
    update(next: BrushParams) {
      const resized = JSON.stringify(next.extent) !== JSON.stringify(current.extent);
      current = next;
      if (resized) {
        behaviour.extent(next.extent);
        sel.call(behaviour);
      }
    },
    destroy() {
      sel.on('.brush', null);
    },
  };
}
