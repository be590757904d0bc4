import { select, zoom, zoomIdentity, zoomTransform, type ZoomBehavior, type ZoomTransform } from 'd3';

/**
 * Attach d3-zoom to an element (the one place D3 touches the DOM: Svelte
 * cannot express pointer/wheel gesture handling). Only the x axis zooms, and
 * panning stops at the ends of the data ([x0, x1] of the base scale).
 */
export interface ZoomParams {
  onzoom: (t: ZoomTransform, end: boolean) => void;
  onready: (api: ZoomApi) => void;
  maxScale: number;
  /** Horizontal extent of the plot in px: [left, right]. */
  x: [number, number];
  /** Animate programmatic zooms (off under prefers-reduced-motion). */
  animate: () => boolean;
}

export interface ZoomApi {
  scaleBy(k: number, at?: number): void;
  translateBy(dx: number): void;
  /** Pan (keeping the zoom) so that base-scale position `base` is at least `margin` px inside the plot. */
  reveal(base: number, margin: number): void;
  reset(): void;
  set(t: ZoomTransform, animate?: boolean): void;
}

export function zoomable(node: SVGSVGElement, params: ZoomParams) {
  let current = params;
  const behaviour: ZoomBehavior<SVGSVGElement, unknown> = zoom<SVGSVGElement, unknown>()
    .on('zoom', (e) => current.onzoom(e.transform, false))
    .on('end', (e) => current.onzoom(e.transform, true));
  const configure = (p: ZoomParams) => {
    const [x0, x1] = p.x;
    behaviour
      .scaleExtent([1, p.maxScale])
      .extent([
        [x0, 0],
        [x1, 1],
      ])
      .translateExtent([
        [x0, -Infinity],
        [x1, Infinity],
      ]);
  };
  configure(current);
  const sel = select(node).call(behaviour);
  // A double click would zoom in; on a timeline it is far more often a
  // hurried click on an event, which opens the article instead.
  sel.on('dblclick.zoom', null);
  // Transitions make keyboard and button zooms easier to follow, but only
  // when the reader has not asked for less motion. Steps pressed during a
  // transition build on where it is going, not on where it happens to be, so
  // + + − − always comes back to the same view.
  let target: ZoomTransform | null = null;
  const go = (wanted: ZoomTransform, animate: boolean) => {
    const [x0, x1] = current.x;
    const t = behaviour.constrain()(
      wanted,
      [
        [x0, 0],
        [x1, 1],
      ],
      [
        [x0, -Infinity],
        [x1, Infinity],
      ],
    );
    if (animate && current.animate()) {
      target = t;
      sel
        .transition()
        .duration(180)
        .call(behaviour.transform, t)
        .on('end interrupt', () => {
          if (target === t) target = null;
        });
    } else {
      target = null;
      sel.interrupt().call(behaviour.transform, t);
    }
  };
  const now = () => target ?? zoomTransform(node);
  current.onready({
    scaleBy(k, at) {
      const t = now();
      const [x0, x1] = current.x;
      const p = at ?? (x0 + x1) / 2;
      const k1 = Math.min(current.maxScale, Math.max(1, t.k * k));
      // Keep the time under `p` where it is.
      go(zoomIdentity.translate(p - ((p - t.x) * k1) / t.k, 0).scale(k1), true);
    },
    translateBy: (dx) => go(now().translate(dx, 0), true),
    reveal(base, margin) {
      // Judged against where the view is going, so that quick key presses
      // during a transition still end with the event in view.
      const t = now();
      const [x0, x1] = current.x;
      const px = t.applyX(base);
      if (px >= x0 + margin && px <= x1 - margin) return;
      go(zoomIdentity.translate((x0 + x1) / 2 - t.k * base, 0).scale(t.k), true);
    },
    reset: () => go(zoomIdentity, true),
    set: (t, animate = false) => go(t, animate),
  });
  return {
    update(next: ZoomParams) {
      current = next;
      configure(next);
    },
    destroy() {
      // Listeners off first: interrupting a running transition ends the
      // gesture, and its "end" would write the timeline's address over the
      // article the reader just opened with Enter.
      behaviour.on('zoom end', null);
      sel.on('.zoom', null);
      sel.interrupt();
    },
  };
}
