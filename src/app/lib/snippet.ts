/**
 * A snippet from the search module is HTML-escaped text with <mark> around
 * matches. Rather than {@html}, we split it into text runs and marked runs and
 * let Svelte render them as text: nothing from a page can ever become markup.
 */
export interface Run {
  text: string;
  mark: boolean;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };

export function unescapeHtml(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (m) => ENTITIES[m]);
}

export function snippetRuns(snippet: string): Run[] {
  const runs: Run[] = [];
  const re = /<mark>(.*?)<\/mark>/gs;
  let last = 0;
  for (const m of snippet.matchAll(re)) {
    if (m.index > last) runs.push({ text: unescapeHtml(snippet.slice(last, m.index)), mark: false });
    runs.push({ text: unescapeHtml(m[1]), mark: true });
    last = m.index + m[0].length;
  }
  if (last < snippet.length) runs.push({ text: unescapeHtml(snippet.slice(last)), mark: false });
  return runs;
}

/** Split plain text into runs marking every occurrence of any of `terms`. */
export function highlightRuns(text: string, terms: string[]): Run[] {
  const useful = [...new Set(terms.filter((t) => t.length > 0))].sort((a, b) => b.length - a.length);
  if (!useful.length) return [{ text, mark: false }];
  const runs: Run[] = [];
  let i = 0;
  let plainStart = 0;
  while (i < text.length) {
    const hit = useful.find((t) => text.startsWith(t, i));
    if (hit) {
      if (i > plainStart) runs.push({ text: text.slice(plainStart, i), mark: false });
      runs.push({ text: hit, mark: true });
      i += hit.length;
      plainStart = i;
    } else i++;
  }
  if (plainStart < text.length) runs.push({ text: text.slice(plainStart), mark: false });
  return runs;
}
