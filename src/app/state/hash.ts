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
  notice: Notice | null;
  /** What the notice is about (the bad date as written), for its text. */
  noticeDetail?: string;
}

export type Notice = 'bad-link' | 'bad-date' | 'long-query';

/** Parameters holding a date: YYYY, YYYY-MM or YYYY-MM-DD. */
const DATE_PARAMS = ['from', 'to'];
/**
 * Longest query kept from a link. A query is a few words; a 10,000-character
 * one comes from a broken or hostile link, and would be echoed in the search
 * box, the notice and every derived link.
 */
export const MAX_QUERY = 256;

/** A real calendar date at year, month or day precision (2025-13-45 is not). */
export function isValidDateParam(value: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), m[2] ? Number(m[2]) : 1, m[3] ? Number(m[3]) : 1];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** Parse a location hash. Never throws: a broken link opens a sensible view. */
export function parseHash(hash: string): RouteState {
  let notice: Notice | null = null;
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
  // Views get only parameters they can use: an impossible date is dropped
  // (the view shows everything) and an overlong query cut, each with a notice.
  let noticeDetail: string | undefined;
  for (const key of DATE_PARAMS) {
    const value = params.get(key);
    if (value !== null && value !== '' && !isValidDateParam(value)) {
      params.delete(key);
      notice ??= 'bad-date';
      noticeDetail ??= value.length > 40 ? value.slice(0, 40) + '…' : value;
    }
  }
  const query = params.get('q');
  if (query !== null && query.length > MAX_QUERY) {
    // Never cut between the halves of a surrogate pair.
    const cut = /[\ud800-\udbff]/.test(query[MAX_QUERY - 1]) ? MAX_QUERY - 1 : MAX_QUERY;
    params.set('q', query.slice(0, cut));
    notice ??= 'long-query';
  }
  return { view, id, params, notice, ...(noticeDetail !== undefined ? { noticeDetail } : {}) };
}

export function buildHash(view: View, params: Record<string, string | null | undefined> = {}, id = ''): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') search.set(k, v);
  const qs = search.toString();
  return `#/${view}${id ? '/' + encodeURIComponent(id) : ''}${qs ? '?' + qs : ''}`;
}

