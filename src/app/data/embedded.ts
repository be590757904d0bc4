/**
 * Data files the page's HTML carries as JSON data blocks (headTags in
 * src/pipeline/vite-plugin.ts): read without a fetch, so without waiting
 * for a task behind the first render. Undefined when the page has no block
 * for the file, or an unreadable one: the caller then fetches the file,
 * and names any error it meets the usual way.
 */
export function embeddedJson(file: string): unknown {
  if (typeof document === 'undefined') return undefined;
  for (const block of document.querySelectorAll<HTMLScriptElement>('script[type="application/json"][data-file]')) {
    if (block.dataset.file !== file) continue;
    try {
      return JSON.parse(block.textContent ?? '');
    } catch {
      return undefined;
    }
  }
  return undefined;
}
