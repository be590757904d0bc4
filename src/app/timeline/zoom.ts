import { select, zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3';

/**
 * Attach d3-zoom to an element (the one place D3 touches the DOM: Svelte
 * cannot express pointer/wheel gesture handling). Only the x axis zooms.
 */
export function zoomable(
  node: SVGSVGElement,
  params: {
    onzoom: (t: ZoomTransform, end: boolean) => void;
    onready: (api: ZoomApi) => void;
    maxScale: number;
    init?: ZoomTransform;
  },
) {
  let current = params;
  const behaviour: ZoomBehavior<SVGSVGElement, unknown> = zoom<SVGSVGElement, unknown>()
    .scaleExtent([1, current.maxScale])
    .on('zoom', (e) => current.onzoom(e.transform, false))
    .on('end', (e) => current.onzoom(e.transform, true));
  const sel = select(node).call(behaviour);
  if (current.init) sel.call(behaviour.transform, current.init);
  current.onready({
    scaleBy: (k: number) => sel.call(behaviour.scaleBy, k),
    translateBy: (dx: number) => sel.call(behaviour.translateBy, dx, 0),
    reset: () => sel.call(behaviour.transform, zoomIdentity),
    set: (t: ZoomTransform) => sel.call(behaviour.transform, t),
  });
  return {
    update(next: typeof params) {
      current = next;
      behaviour.scaleExtent([1, next.maxScale]);
    },
    destroy() {
      sel.on('.zoom', null);
    },
  };
}

export interface ZoomApi {
  scaleBy(k: number): void;
  translateBy(dx: number): void;
  reset(): void;
  set(t: ZoomTransform): void;
}

