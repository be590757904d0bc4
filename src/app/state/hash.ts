/**
 * The URL is the view: every screen is a hash route, so a copied link, a
 * reload or back/forward reopens exactly the same view. The pure half: hash ⇄ view state;
 * route.svelte.ts holds the reactive class.
 *
 *   #/search?q=…&kind=…&from=…&to=…
 *   #/article/<id>?p=<paragraph>&hl=<query>&view=page
 *   #/timeline?from=…&to=…&event=…
 *   #/charts?metric=…&unit=…&region=…
 */
export type View = 'search' | 'article' | 'timeline' | 'charts';
const VIEWS: View[] = ['search', 'article', 'timeline', 'charts'];

export interface RouteState {
  view: View;
  /** Path argument, e.g. the article id. */
  id: string;
  params: URLSearchParams;
  /** Set when the address could not be read as asked, shown as a notice. */
  notice: string | null;
}

/** Parse a location hash. Never throws: a broken link opens a sensible view. */
export function parseHash(hash: string): RouteState {
  let notice: string | null = null;
  const raw = hash.replace(/^#\/?/, '');
  const q = raw.indexOf('?');
  const path = q === -1 ? raw : raw.slice(0, q);
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(q === -1 ? '' : raw.slice(q + 1));
  } catch {
    params = new URLSearchParams();
    notice = 'bad-link';
  }
  const [head, ...rest] = path.split('/');
  let id = rest.join('/');
  try {
    id = decodeURIComponent(id);
  } catch {
    notice = 'bad-link';
  }
  let view: View = 'search';
  if (head && (VIEWS as string[]).includes(head)) view = head as View;
  else if (head) notice = 'bad-link';
  return { view, id, params, notice };
}

export function buildHash(view: View, params: Record<string, string | null | undefined> = {}, id = ''): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') search.set(k, v);
  const qs = search.toString();
  return `#/${view}${id ? '/' + encodeURIComponent(id) : ''}${qs ? '?' + qs : ''}`;
}

