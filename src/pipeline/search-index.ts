import { gzipSync } from 'node:zlib';
import { SEARCH_CONFIG_VERSION, forEachIndexTerm, normalizeForSearch } from '../shared/search-config.ts';
import { KIND_CODE, type SearchMeta } from '../shared/search.ts';
import { buildPinyinTable, type PinyinTable } from '../shared/search/pinyin-table.ts';
import { VarintWriter, encodeChunk, encodePosting } from '../shared/search/postings.ts';
import type { Article } from '../shared/types.ts';

/**
 * Raw bytes of posting lists per index chunk (before gzip, about 0.75 of it
 * after): a query fetches the chunk of each term it looks up, so chunks stay
 * small, and a term is never split, so a very common character's chunk may
 * be bigger.
 */
const CHUNK_BYTES = 48 * 1024;

export interface SearchBuild {
  config: string;
  /** The paragraph table and each chunk's first term. */
  meta: SearchMeta;
  pinyin: PinyinTable;
  /** Gzip-compressed chunks, in term order. */
  chunks: Uint8Array[];
}

/**
 * Builds the positional index over the articles of each shard, numbering
 * paragraphs shard after shard, article after article (searchDocsOf's
 * order), so a paragraph number names its shard and place with no id table.
 * Lives in the pipeline, not in src/shared/, because the pinyin table
 * builder pulls in pinyin-pro's dictionary, which must never reach the browser.
 */
export async function buildSearchFiles(shards: Article[][]): Promise<SearchBuild> {
  // term → flat [paragraph, count, positions…, paragraph, count, …] and where its last entry starts
  const lists = new Map<string, { list: number[]; last: number }>();
  const kinds: string[] = [];
  const dates: string[] = [];
  const articleDates: string[] = [];
  let paragraph = 0;
  for (const articles of shards) {
    for (const article of articles) {
      articleDates.push(article.date ?? '');
      for (const p of article.paragraphs) {
        kinds.push(KIND_CODE[p.kind]);
        const here = paragraph++;
        forEachIndexTerm(normalizeForSearch(p.text), (term, at) => {
          let entry = lists.get(term);
          if (!entry) lists.set(term, (entry = { list: [], last: -1 }));
          const { list } = entry;
          // The count sits after the paragraph number; a new paragraph starts a new entry.
          if (entry.last < 0 || list[entry.last] !== here) {
            entry.last = list.length;
            list.push(here, 0);
          }
          list[entry.last + 1]++;
          list.push(at);
        });
      }
    }
  }
  for (const d of articleDates) if (d) dates.push(d);
  const dateList = [...new Set(dates)].sort();
  const dateIndex = new Map(dateList.map((d, i) => [d, i]));

  const terms = [...lists.keys()].sort();
  const chunks: Uint8Array[] = [];
  const firsts: string[] = [];
  let pending: { term: string; posting: Uint8Array }[] = [];
  let pendingBytes = 0;
  const flush = () => {
    if (!pending.length) return;
    firsts.push(pending[0].term);
    chunks.push(gzipSync(encodeChunk(pending), { level: 9 }));
    pending = [];
    pendingBytes = 0;
  };
  const charFrequency = new Map<string, number>();
  for (const term of terms) {
    const { list } = lists.get(term)!;
    const out = new VarintWriter();
    const entries = entriesOf(list);
    encodePosting(out, entries);
    const posting = out.result();
    if (pendingBytes + posting.length + term.length * 3 + 4 > CHUNK_BYTES) flush();
    pending.push({ term, posting });
    // The directory entry counts too: for two-character terms it is as big as a short list.
    pendingBytes += posting.length + term.length * 3 + 4;
    const first = String.fromCodePoint(term.codePointAt(0)!);
    if (/\p{Script=Han}/u.test(first)) charFrequency.set(first, (charFrequency.get(first) ?? 0) + entries.length);
  }
  flush();

  return {
    config: SEARCH_CONFIG_VERSION,
    meta: {
      format: 'minsheng-search',
      config: SEARCH_CONFIG_VERSION,
      paragraphs: paragraph,
      articlesPerShard: shards.map((s) => s.length),
      paragraphsPerArticle: shards.flatMap((s) => s.map((a) => a.paragraphs.length)),
      kinds: kinds.join(''),
      dates: dateList,
      articleDates: articleDates.map((d) => (d ? dateIndex.get(d)! : -1)),
      firsts,
    },
    pinyin: buildPinyinTable(charFrequency.keys(), (ch) => charFrequency.get(ch) ?? 0),
    chunks,
  };
}

function entriesOf(list: number[]): [number, number[]][] {
  const out: [number, number[]][] = [];
  for (let i = 0; i < list.length; i += 2 + list[i + 1]) out.push([list[i], list.slice(i + 2, i + 2 + list[i + 1])]);
  return out;
}
