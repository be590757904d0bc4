import type { Article, DateEvent, Figure, Fragment, PageDocument, Paragraph } from '../shared/types.ts';
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
  const published = inferPublicationDate(text, file, sidecar);
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
    const dated = extractArticleDates(article.paragraphs, date);
    dated.forEach((m, n) => events.push({ ...m, id: `${article.id}-e${n + 1}`, article: article.id }));

    // Captions, bylines and notes describe photos and reporters, not the story:
    // they neither carry its figures nor say where it happens.
    const content = article.paragraphs.filter((p) => !NOT_CONTENT.has(p.kind));
    const region = inferArticleRegion(content.map((p) => p.text));
    let count = 0;
    for (const p of content) {
      const mentions = extractFigures(p.text, { articleRegion: region });
      const ids = mentions.map(() => `${article.id}-f${++count}`);
      mentions.forEach((m, i) => {
        const { pairWith, ...rest } = m;
        figures.push({
          ...rest,
          id: ids[i],
          article: article.id,
          paragraph: p.id,
          sentence: sentenceAt(p.text, m.offset),
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

/** Characters that carry content: everything but whitespace. */
export function countVisible(s: string): number {
  let n = 0;
  for (const c of s) if (!/\s/.test(c)) n++;
  return n;
}
