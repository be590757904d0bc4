import type { Article, DateEvent, Figure, Fragment, PageDocument, Paragraph, Span } from '../shared/types.ts';
import { splitBlocks } from './blocks.ts';
import { extractArticleDates } from './dates.ts';
import { extractFigures, inferArticleRegion } from './figures.ts';
import { readPage } from './layout/index.ts';
import { inferPublicationDate } from './pubdate.ts';
import { sentenceAt } from './sentences.ts';

export interface Sidecar {
  date?: string;
  paper?: string;
  page?: string;
  title?: string;
}

export interface PageRecords {
  document: PageDocument;
  articles: Article[];
  events: DateEvent[];
  figures: Figure[];
  fragments: Fragment[];
  /** Non-whitespace characters in the page and in the units they ended up in. */
  charsRead: number;
  charsKept: number;
}

/**
 * One decoded page → its document, articles, dated events and figures.
 * Pure: the same text, id and sidecar always give the same records.
 */
export function processPage(docId: string, file: string, text: string, encoding: string, sidecar?: Sidecar): PageRecords {
  const blocks = splitBlocks(text);
  const layout = readPage(text, blocks);
  const published = inferPublicationDate(text.length > PUBDATE_WINDOW ? text.slice(0, PUBDATE_WINDOW) : text, file, sidecar);
  const date = published.date;

  const blockArticle: (string | null)[] = blocks.map(() => null);
  const articles: Article[] = layout.articles.map((a, n) => {
    const id = `${docId}-a${n + 1}`;
    const paragraphs: Paragraph[] = a.paragraphs.map((p, k) => {
      for (const b of p.blocks) blockArticle[b] = id;
      return {
        id: `${id}-p${k + 1}`,
        kind: p.kind,
        text: p.spans.map((s) => text.slice(s.start, s.end)).join(''),
        spans: p.spans,
        blocks: p.blocks,
      };
    });
    return { id, doc: docId, file, title: a.title, date, paragraphs };
  });

  const fragments: Fragment[] = layout.unplaced.map((u) => ({
    doc: docId,
    block: u.block,
    text: text.slice(u.span.start, u.span.end),
    start: u.span.start,
    end: u.span.end,
    reason: u.reason,
  }));

  const events: DateEvent[] = [];
  const figures: Figure[] = [];
  for (const article of articles) {
    // The extractors read windows of a paragraph (see EXTRACT_WINDOW); offsets
    // are shifted back so they stay paragraph offsets.
    const windows = article.paragraphs.flatMap((p) =>
      extractWindows(p.text).map((w) => ({ id: p.id, text: p.text.slice(w.start, w.end), at: w.start, paragraph: p })),
    );
    // Each window goes in under its index, so every mention finds its way back.
    const dated = extractArticleDates(windows.map((w, i) => ({ id: String(i), text: w.text })), date);
    dated.forEach((m, n) => {
      const w = windows[Number(m.paragraph)];
      events.push({ ...m, paragraph: w.id, offset: m.offset + w.at, id: `${article.id}-e${n + 1}`, article: article.id });
    });

    // Captions, bylines and notes describe photos and reporters, not the story:
    // they neither carry its figures nor say where it happens.
    const content = article.paragraphs.filter((p) => !NOT_CONTENT.has(p.kind));
    const region = inferArticleRegion(content.map((p) => p.text));
    let count = 0;
    for (const w of windows) {
      if (NOT_CONTENT.has(w.paragraph.kind)) continue;
      const mentions = extractFigures(w.text, { articleRegion: region });
      const ids = mentions.map(() => `${article.id}-f${++count}`);
      mentions.forEach((m, i) => {
        const { pairWith, ...rest } = m;
        figures.push({
          ...rest,
          offset: m.offset + w.at,
          id: ids[i],
          article: article.id,
          paragraph: w.id,
          sentence: sentenceAt(w.text, m.offset),
          ...(pairWith !== undefined ? { pair: ids[pairWith] } : {}),
        });
      });
    }
  }

  const charsRead = countVisible(text);
  const charsKept =
    articles.reduce((n, a) => n + a.paragraphs.reduce((m, p) => m + countVisible(p.text), 0), 0) +
    fragments.reduce((n, f) => n + countVisible(f.text), 0);

  const document: PageDocument = {
    id: docId,
    file,
    encoding,
    chars: text.length,
    published,
    ...(sidecar?.paper ? { paper: sidecar.paper } : {}),
    ...(sidecar?.page ? { page: sidecar.page } : {}),
    ...(sidecar?.title ? { sidecarTitle: sidecar.title } : {}),
    blocks: blocks.map((b, i) => ({ start: b.start, end: b.end, kind: layout.roles[i] ?? 'body', article: blockArticle[i] })),
    articles: articles.map((a) => a.id),
  };
  return { document, articles, events, figures, fragments, charsRead, charsKept };
}

const NOT_CONTENT = new Set(['caption', 'byline', 'marker', 'source']);

/**
 * How much of a page the publication date is looked for in. The date stands in
 * the masthead or the first datelines; reading a 20 MB page whole for it took
 * minutes, because closing column breaks (dates/pageText.ts) grows in the square
 * of the page's length.
 */
export const PUBDATE_WINDOW = 200_000;

/**
 * The longest stretch of a paragraph the date and figure extractors read at
 * once. They look up the sentence and clause around every mention, which costs
 * time in the square of the paragraph's length: nothing for news (a long
 * paragraph has ~600 characters), but hours for a 20 MB page without blank
 * lines, which reflows into one paragraph (measured: 4,000 lines of figures
 * took 16 s, doubling the lines quadrupled it). No real paragraph comes near
 * this, so ordinary pages give exactly the records they gave before.
 */
export const EXTRACT_WINDOW = 4000;

/**
 * The windows `text` is read in, covering it in order: each ends at the last
 * sentence stop or line end in its second half, else at EXTRACT_WINDOW —
 * never inside a number or a surrogate pair, so no figure is cut in two.
 */
export function extractWindows(text: string): Span[] {
  const windows: Span[] = [];
  let at = 0;
  while (text.length - at > EXTRACT_WINDOW) {
    let cut = at + EXTRACT_WINDOW;
    const half = at + EXTRACT_WINDOW / 2;
    let stop = cut;
    while (stop > half && !WINDOW_STOP.test(text[stop - 1])) stop--;
    if (stop > half) cut = stop;
    else while (cut > half && (NUMBERISH.test(text[cut - 1]) || NUMBERISH.test(text[cut]) || isLowSurrogate(text, cut))) cut--;
    if (isLowSurrogate(text, cut)) cut--;
    windows.push({ start: at, end: cut });
    at = cut;
  }
  windows.push({ start: at, end: text.length });
  return windows;
}

const WINDOW_STOP = /[。！？!?；;\n]/;
const NUMBERISH = /[0-9０-９.．,，%％万亿千百十零〇一二两三四五六七八九]/;
function isLowSurrogate(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Characters that carry content: everything but whitespace. */
export function countVisible(s: string): number {
  let n = 0;
  for (const c of s) if (!/\s/.test(c)) n++;
  return n;
}
