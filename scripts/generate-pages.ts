/**
 * Realistic test pages with a known answer, made from the People's Daily
 * corpus (files YYYYMMDD-版-篇.txt: headline lines, then paragraphs indented
 * with U+3000). The articles of one printed page are flowed into columns of
 * random height, cut mid-sentence at column ends, given photo captions and,
 * on some pages, printed in alternating columns — which is what PDF text
 * extraction makes of a real page. Deterministic for a given seed.
 *
 *   npx tsx scripts/generate-pages.ts <corpus dir> [seed] [count]   # prints pages
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface GeneratedPage {
  /** Corpus page the articles came from (YYYYMMDD-版). */
  source: string;
  text: string;
  /** Article number of each block, in splitBlocks order. */
  blockArticle: number[];
  /** Column breaks: [block that stops mid-sentence, block that continues it]. */
  joins: [number, number][];
  captions: number[];
  /** Blocks that are headline lines of their article (title, kicker, deck). */
  headlines: number[];
}

interface CorpusArticle {
  headlines: string[];
  paragraphs: string[];
}

interface PieceBlock {
  text: string;
  article: number;
  caption?: boolean;
  headline?: boolean;
  /** The piece of the same paragraph printed at the end of the previous column. */
  continues?: PieceBlock;
}

/** Small, fast, seedable PRNG (mulberry32). */
export function randomSource(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** All corpus files grouped by printed page (date and 版), in a stable order. */
export function corpusPages(dir: string): Map<string, string[]> {
  const pages = new Map<string, string[]>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else {
        const m = /^(\d{8}-\d+)-\d+\.txt$/.exec(name);
        if (m) pages.set(m[1], [...(pages.get(m[1]) ?? []), path]);
      }
    }
  };
  walk(dir);
  return pages;
}

/** Headline lines come before the first indented paragraph. */
export function parseCorpusArticle(raw: string): CorpusArticle {
  const headlines: string[] = [];
  const paragraphs: string[] = [];
  for (const line of raw.replace(/\r\n?/g, '\n').split('\n')) {
    const text = line.trim();
    if (!text) continue;
    if (/^[\u3000 \t]/.test(line) || paragraphs.length > 0) paragraphs.push(text);
    else headlines.push(text);
  }
  return { headlines, paragraphs };
}

const TERMINAL = /[。！？!?；;…：:”’」』）)]/;

/**
 * A column break falls between printed lines, so the piece left at the foot of
 * a column holds at least the paragraph's first (indented) line.
 */
const MIN_HEAD = 8;

/** Characters a printed line may not start with: closing punctuation, and a percent sign that stays with its number. */
const NO_LINE_START = /[，。、；：？！,.;:?!”’」』）)》〉】\]…—·%％]/;
/** Characters a printed line may not end with: opening quotes and brackets. */
const NO_LINE_END = /[“‘「『（(《〈【[]/;

/** A cut point near `at` that leaves the head mid-sentence and both halves non-empty. */
function cutPoint(text: string, at: number): number | null {
  const chars = [...text];
  for (let d = 0; d < 12; d++) {
    for (const p of [at + d, at - d]) {
      if (p < MIN_HEAD || p > chars.length - 2) continue;
      if (TERMINAL.test(chars[p - 1]) || /\s/.test(chars[p - 1]) || /\s/.test(chars[p])) continue;
      // Line-breaking rules of Chinese typesetting: no line (so no column) starts
      // with closing punctuation, and none ends on an opening quote or bracket.
      if (NO_LINE_START.test(chars[p]) || NO_LINE_END.test(chars[p - 1])) continue;
      return chars.slice(0, p).join('').length;
    }
  }
  return null;
}

/** Below this much room left in a column a paragraph starts in the next one instead. */
const MIN_PIECE = MIN_HEAD;
const SENTENCE = /[。！？!?]/;

/**
 * Flow one article into columns of random height (in characters). A paragraph
 * that does not fit is cut mid-sentence at the column end and goes on at the
 * top of the next column, as often as needed: each piece links to the piece
 * it continues, which is the column-break join the reader must recover.
 */
function flowIntoColumns(article: CorpusArticle, n: number, rnd: () => number): PieceBlock[][] {
  const columns: PieceBlock[][] = [[]];
  const height = () => 180 + Math.floor(rnd() * 420);
  let room = height();
  const newColumn = (): void => {
    columns.push([]);
    room = height();
  };
  for (const h of article.headlines) {
    columns[0].push({ text: h, article: n, headline: true });
    room -= 24;
  }
  for (const paragraph of article.paragraphs) {
    let rest = paragraph;
    let previous: PieceBlock | undefined;
    while (rest) {
      const column = columns[columns.length - 1];
      const length = [...rest].length;
      if (length <= room) {
        column.push({ text: rest, article: n, continues: previous });
        room -= length + 6;
        break;
      }
      // Headings, labels and credits (no sentence in them) are set whole, never split across columns.
      const cut = room >= MIN_PIECE && SENTENCE.test(rest) ? cutPoint(rest, room) : null;
      if (cut === null) {
        // No room (or no mid-sentence cut near the column end): an empty
        // column takes the paragraph whole, else it starts the next column.
        if (column.length === 0) {
          column.push({ text: rest, article: n, continues: previous });
          room -= length + 6;
          break;
        }
        newColumn();
        continue;
      }
      const piece: PieceBlock = { text: rest.slice(0, cut), article: n, continues: previous };
      column.push(piece);
      previous = piece;
      rest = rest.slice(cut);
      newColumn();
    }
  }
  return columns.filter((c) => c.length > 0);
}

const DATELINE_OPENING = /^(?:据)?(?:新华社|本报|中新社|人民日报)|^[^，。]{0,16}[0-9]{1,2}月[0-9]{1,2}日电/;

/** A photo caption: a short sentence from elsewhere in the corpus, maybe with a credit. */
function makeCaption(pool: string[], rnd: () => number, credited: boolean): string {
  for (let tries = 0; tries < 20; tries++) {
    const p = pool[Math.floor(rnd() * pool.length)];
    const m = /^[^。！？]{12,45}。/.exec(p);
    // Captions describe a picture; they do not open with a news dateline (新华社北京1月1日电).
    if (!m || /[“”"（(]/.test(m[0]) || DATELINE_OPENING.test(m[0])) continue;
    if (!credited) return m[0];
    return m[0] + (rnd() < 0.5 ? '（新华社发）' : `（记者${'王李张刘陈杨'[Math.floor(rnd() * 6)]}${'明华军平'[Math.floor(rnd() * 4)]}摄）`);
  }
  return '游客在景区参观游览。（新华社发）';
}

/**
 * One generated page. `pages` (from corpusPages) can be passed in to avoid
 * re-reading the directory for every page.
 */
export function generatePage(corpusDir: string, seed: number, pages = corpusPages(corpusDir)): GeneratedPage {
  const rnd = randomSource(seed * 7919 + 17);
  const keys = [...pages.keys()].filter((k) => pages.get(k)!.length >= 2);
  const key = keys[Math.floor(rnd() * keys.length)];
  const files = pages.get(key)!.slice(0, 6);
  const articles = files.map((f) => parseCorpusArticle(readFileSync(f, 'utf8'))).filter((a) => a.paragraphs.length > 0 && a.headlines.length > 0);
  // Captions come from another page so that their words do not give them away.
  const otherKey = keys[Math.floor(rnd() * keys.length)];
  const captionPool = pages.get(otherKey)!.flatMap((f) => parseCorpusArticle(readFileSync(f, 'utf8')).paragraphs);

  const columnsOf = articles.map((a, n) => flowIntoColumns(a, n, rnd));

  const cutAtEnd = new Set(columnsOf.flat(2).flatMap((b) => (b.continues ? [b.continues] : [])));
  const isCutAtEnd = (column: PieceBlock[]): boolean => cutAtEnd.has(column[column.length - 1]);
  // Captions: mid-sentence at a column end (spaced off, no credit needed), or between paragraphs with a credit.
  for (const columns of columnsOf) {
    for (const column of columns) {
      if (rnd() > 0.35) continue;
      const article = column[0].article;
      if (isCutAtEnd(column) && rnd() < 0.6) {
        column.push({ text: makeCaption(captionPool, rnd, rnd() < 0.4), article, caption: true });
      } else if (column.length > 2) {
        const at = 1 + Math.floor(rnd() * (column.length - 1));
        if (/^(?:——)/.test(column[at]?.text ?? '')) continue;
        if (column.slice(0, at).every((b) => articles[b.article].headlines.includes(b.text))) continue;
        column.splice(at, 0, { text: makeCaption(captionPool, rnd, true), article, caption: true });
      }
    }
  }

  // Print order: articles in turn, two of them (when there are) in alternating columns.
  const order: PieceBlock[] = [];
  const interleaveAt = articles.length >= 2 && rnd() < 0.6 ? Math.floor(rnd() * (articles.length - 1)) : -1;
  for (let n = 0; n < articles.length; n++) {
    if (n === interleaveAt) {
      const a = columnsOf[n];
      const b = columnsOf[n + 1];
      for (let c = 0; c < Math.max(a.length, b.length); c++) {
        if (a[c]) order.push(...a[c]);
        if (b[c]) order.push(...b[c]);
      }
      n++;
      continue;
    }
    for (const column of columnsOf[n]) order.push(...column);
  }

  let text = '\n\n';
  const blockArticle: number[] = [];
  const captions: number[] = [];
  const headlines: number[] = [];
  const blockOf = new Map<PieceBlock, number>();
  const joins: [number, number][] = [];
  order.forEach((b, i) => {
    const spaced = b.caption || order[i - 1]?.caption;
    if (i > 0) text += b.caption && spaced ? '\n\n\n\n' : '\n\n';
    text += b.text;
    blockArticle.push(b.article);
    if (b.caption) captions.push(i);
    if (b.headline) headlines.push(i);
    blockOf.set(b, i);
    if (b.continues) joins.push([blockOf.get(b.continues)!, i]);
  });
  return { source: key, text: text + '\n', blockArticle, joins: joins.sort((x, y) => x[0] - y[0]), captions, headlines };
}

if (process.argv[1]?.endsWith('generate-pages.ts')) {
  const [dir, seed = '1', count = '1'] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: npx tsx scripts/generate-pages.ts <corpus dir> [seed] [count]');
    process.exit(1);
  }
  const pages = corpusPages(dir);
  for (let k = 0; k < Number(count); k++) {
    const page = generatePage(dir, Number(seed) + k, pages);
    console.log(`=== ${page.source} joins=${JSON.stringify(page.joins)} captions=${JSON.stringify(page.captions)}`);
    console.log(page.text);
  }
}
