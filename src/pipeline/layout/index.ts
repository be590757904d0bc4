import type { Block, ParagraphKind, Span } from '../../shared/types.ts';
import { assembleArticles } from './assemble.ts';
import { trailingCredit, isByline } from './cues.ts';
import { reflowBlocks } from './reflow.ts';
import { blockRoles } from './roles.ts';
import { pageModel } from './similarity.ts';

export { blockRoles, classifyBlock } from './roles.ts';
export { reflowBlocks } from './reflow.ts';

/** A paragraph of a reconstructed article; its text is its spans' source text joined with no gap. */
export interface LaidOutParagraph {
  kind: ParagraphKind;
  spans: Span[];
  blocks: number[];
}

export interface LaidOutArticle {
  title: string;
  paragraphs: LaidOutParagraph[];
}

export interface PageLayout {
  /** One role per source block, in block order. */
  roles: ParagraphKind[];
  /** Articles in page order (of their first block). */
  articles: LaidOutArticle[];
  /** Pieces that could not be placed in any article, listed rather than hidden. */
  unplaced: { span: Span; block: number; reason: string }[];
  /** Column-break rejoins made (block indices). */
  joins: { from: number; to: number }[];
}

/** Blocks with nothing to read (page furniture such as rules or lone digits). */
const NO_TEXT = /^[\s\p{P}\p{S}\d]*$/u;

/**
 * Read one extracted newspaper page: decide each block's role, rejoin
 * paragraphs broken at column ends and group everything into articles.
 * Lossless: every non-whitespace character of `text` lies in exactly one
 * paragraph span or unplaced span.
 */
export function readPage(text: string, blocks: Block[]): PageLayout {
  const unplaced: PageLayout['unplaced'] = [];
  const readable = blocks.filter((b) => {
    if (!NO_TEXT.test(b.text)) return true;
    unplaced.push({ span: { start: b.start, end: b.end }, block: b.index, reason: 'no text' });
    return false;
  });
  // Work on a renumbered copy so the stages can index blocks by position.
  const local = readable.map((b, i) => ({ ...b, index: i }));
  const page = pageModel(local.map((b) => b.text));
  const roles0 = blockRoles(local, page.pairs);
  const joins = reflowBlocks(local, roles0, page);
  const { articles, roles } = assembleArticles(local, roles0, joins, page);
  const original = (i: number): number => readable[i].index;

  const next = new Map(joins.map((j) => [j.from, j.to]));
  const joinedTo = new Set(joins.map((j) => j.to));
  const laidOut: LaidOutArticle[] = [];
  for (const art of articles) {
    const paragraphs: LaidOutParagraph[] = [];
    for (const k of art.order) {
      if (joinedTo.has(k)) continue; // emitted with the paragraph it continues
      const chain = [k];
      while (next.has(chain[chain.length - 1])) chain.push(next.get(chain[chain.length - 1])!);
      paragraphs.push(...chainParagraphs(local, roles, chain).map((p) => ({ ...p, blocks: p.blocks.map(original) })));
    }
    if (paragraphs.length === 0) continue;
    laidOut.push({ title: articleTitle(text, paragraphs), paragraphs });
  }
  laidOut.sort((a, b) => firstBlock(a) - firstBlock(b));

  const allRoles: ParagraphKind[] = blocks.map(() => 'body');
  readable.forEach((b, i) => (allRoles[b.index] = roles[i]));
  return {
    roles: allRoles,
    articles: laidOut,
    unplaced,
    joins: joins.map((j) => ({ from: original(j.from), to: original(j.to) })),
  };
}

/** The paragraph(s) of one chain of rejoined blocks; a credit glued to its end becomes its own paragraph. */
function chainParagraphs(blocks: Block[], roles: ParagraphKind[], chain: number[]): LaidOutParagraph[] {
  const spans = chain.map((k) => ({ start: blocks[k].start, end: blocks[k].end }));
  const kind = roles[chain[0]];
  const last = chain[chain.length - 1];
  const credit = kind === 'body' || kind === 'lead' ? trailingCredit(blocks[last].text) : -1;
  if (credit < 0) return [{ kind, spans, blocks: [...chain] }];
  const cut = blocks[last].start + credit;
  spans[spans.length - 1] = { start: blocks[last].start, end: cut };
  const note = blocks[last].text.slice(credit).trim();
  return [
    { kind, spans, blocks: [...chain] },
    { kind: isByline(note) ? 'byline' : 'source', spans: [{ start: cut, end: blocks[last].end }], blocks: [last] },
  ];
}

function paragraphText(text: string, p: LaidOutParagraph): string {
  return p.spans.map((s) => text.slice(s.start, s.end)).join('');
}

/** The headline (all opening headline lines), else the first subhead or the opening words. */
function articleTitle(text: string, paragraphs: LaidOutParagraph[]): string {
  const opening: string[] = [];
  for (const p of paragraphs) {
    if (p.kind !== 'title') break;
    opening.push(paragraphText(text, p).trim());
  }
  if (opening.length) return opening.join(' ');
  const heading = paragraphs.find((p) => p.kind === 'title' || p.kind === 'subhead' || p.kind === 'subtitle');
  if (heading) return paragraphText(text, heading).trim();
  const body = paragraphs.find((p) => p.kind === 'body' || p.kind === 'lead');
  const first = paragraphText(text, body ?? paragraphs[0]).trim();
  const sentence = /^[^。！？!?]*[。！？!?]?/.exec(first)?.[0] ?? first;
  return sentence.length > 30 ? `${sentence.slice(0, 30)}…` : sentence;
}

const firstBlock = (a: LaidOutArticle): number => Math.min(...a.paragraphs.flatMap((p) => p.blocks));
