import { SEARCH_CONFIG_VERSION, createSearchIndex } from '../shared/search-config.ts';
import { canonicalOrder, fingerprintOf, type SearchDoc, type SerializedSearchIndex } from '../shared/search.ts';
import { buildPinyinTable } from '../shared/search/pinyin-table.ts';

/**
 * Build the search index at build time and export it with FlexSearch's export.
 * Lives in the pipeline, not in src/shared/, because the pinyin table builder
 * pulls in pinyin-pro's dictionary, which must never reach the browser.
 */
export async function buildSearchIndex(docs: SearchDoc[]): Promise<SerializedSearchIndex> {
  const index = createSearchIndex();
  // Ids are positions in the canonical order, so the list may be loaded in any order (see canonicalOrder).
  canonicalOrder(docs).forEach((doc, i) => index.add(i, doc.text));
  const chunks: [string, unknown][] = [];
  await index.export((key: string, data: string) => {
    chunks.push([key, JSON.parse(data)]);
  });
  return {
    format: 'minsheng-search',
    config: SEARCH_CONFIG_VERSION,
    docs: docs.length,
    fingerprint: fingerprintOf(docs),
    chunks,
    pinyin: buildPinyinTable(docs.map((d) => d.text)),
  };
}
