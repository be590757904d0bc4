/**
 * The current route as reactive state: one small class (after svelte.dev's
 * Persisted.svelte.ts) listening to hashchange/popstate. Parsing lives in
 * hash.ts.
 */
import { parseHash, type RouteState } from './hash.ts';

export { buildHash, parseHash, type View, type RouteState } from './hash.ts';

export class Route {
  current = $state<RouteState>(parseHash(typeof location === 'undefined' ? '' : location.hash));

  constructor() {
    if (typeof window === 'undefined') return;
    const sync = () => (this.current = parseHash(location.hash));
    window.addEventListener('hashchange', sync);
    window.addEventListener('popstate', sync);
  }

  get view() {
    return this.current.view;
  }
  get id() {
    return this.current.id;
  }
  param(name: string): string {
    return this.current.params.get(name) ?? '';
  }

  /** Navigate (new history entry). */
  go(hash: string): void {
    if (hash === location.hash) return;
    history.pushState(null, '', hash);
    this.current = parseHash(hash);
  }

  /** Update the address without a history entry (typing, zooming). */
  replace(hash: string): void {
    if (hash === location.hash) return;
    history.replaceState(null, '', hash);
    // A view tidying its own address (dropping the bad date it was given) must
    // not also drop the notice that says so: it stays until the next navigation.
    const next = parseHash(hash);
    const { notice, noticeDetail } = this.current;
    this.current = next.notice || !notice ? next : { ...next, notice, ...(noticeDetail !== undefined ? { noticeDetail } : {}) };
  }
}

export const route = new Route();
