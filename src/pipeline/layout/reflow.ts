import type { Block, ParagraphKind } from '../../shared/types.ts';
import { endsSentence, startsMidSentence, startsParagraph, visibleLength } from './cues.ts';
import { bigramProfile, cosine, mergeProfile, type Profile } from './similarity.ts';

/** A column-break rejoin: block `to` continues the sentence block `from` left unfinished. */
export interface Join {
  from: number;
  to: number;
}

/** How far ahead (in blocks) a column's continuation may be printed. */
const WINDOW = 40;
/** Below this similarity the next block is not trusted to continue the sentence. */
const UNRELATED = 0.02;
/** A distant candidate must reach this similarity unless it visibly starts mid-sentence. */
const RELATED = 0.05;
/** Weight of a visibly mid-sentence start against content similarity. */
const MID_BONUS = 0.1;
/** Blocks of flow compared on either side of a column break. */
const CONTEXT_BLOCKS = 4;
/** The earliest candidate scoring at least this share of the best one wins. */
const EARLIEST_SHARE = 0.5;
/** Blocks at least this long are compared on their own text. */
const SELF_EVIDENT = 40;

/** Whether a block of this role stops mid-sentence and so needs a continuation. */
export function isDanglingEnd(text: string, role: ParagraphKind): boolean {
  return (role === 'body' || role === 'lead') && !endsSentence(text);
}

/**
 * Rejoin paragraphs broken at column ends. The continuation is normally the
 * next body block (captions between are skipped); when a headline, marker or
 * byline intervenes, another article's column was printed in between, and the
 * continuation is the later block that best matches the unfinished paragraph's
 * content. Never joins after a finished sentence.
 */
export function reflowBlocks(blocks: Block[], roles: ParagraphKind[], idf: (g: string) => number): Join[] {
  const claimed = new Set<number>();
  const joinFrom = new Map<number, number>();
  const dangling = blocks.filter((b) => isDanglingEnd(b.text, roles[b.index])).map((b) => b.index);
  const profiles = blocks.map((b) => bigramProfile(b.text));
  const later: number[] = [];

  // First the plain case everywhere, so that a distant search cannot steal a
  // block from the unfinished paragraph printed right above it.
  for (const i of dangling) {
    const next = adjacentContinuation(blocks, roles, i);
    if (next === null || claimed.has(next)) {
      later.push(i);
      continue;
    }
    const context = contextProfile(blocks, roles, profiles, i, joinFrom);
    const alternative = distantCandidates(blocks, roles, profiles, context, i, claimed, idf)
      .filter((c) => c.block !== next)
      .reduce<Candidate | null>((best, c) => (best && best.score >= c.score ? best : c), null);
    const unrelated = cosine(profiles[next], context, idf) < UNRELATED;
    const to = unrelated && alternative !== null && alternative.mid ? alternative.block : next;
    claimed.add(to);
    joinFrom.set(i, to);
  }
  // The rest were split by another article's column. Columns are read left to
  // right, so their continuations come in the same order as the breaks: pick
  // the order-preserving matching with the best total continuity.
  const options = later.map((i) =>
    distantCandidates(blocks, roles, profiles, contextProfile(blocks, roles, profiles, i, joinFrom), i, claimed, idf),
  );
  for (const [k, to] of orderPreservingMatch(options)) {
    claimed.add(to);
    joinFrom.set(later[k], to);
  }
  return [...joinFrom].map(([from, to]) => ({ from, to })).sort((a, b) => a.from - b.from);
}

/** The next body block after `i`, skipping captions, if nothing else intervenes. */
export function adjacentContinuation(blocks: Block[], roles: ParagraphKind[], i: number): number | null {
  for (let j = i + 1; j < blocks.length; j++) {
    if (roles[j] === 'caption') continue;
    if (roles[j] !== 'body' || startsParagraph(blocks[j].text)) return null;
    return j;
  }
  return null;
}

/**
 * What the unfinished paragraph is about: its own text and the paragraphs
 * read before it in the same flow, following earlier rejoins back across
 * columns and passing subheads.
 */
function contextProfile(blocks: Block[], roles: ParagraphKind[], profiles: Profile[], i: number, joinFrom: Map<number, number>): Profile {
  const cameFrom = new Map([...joinFrom].map(([from, to]) => [to, from]));
  const context = mergeProfile(new Map(), profiles[i]);
  let j = cameFrom.get(i) ?? i - 1;
  for (let taken = 0; j >= 0 && taken < CONTEXT_BLOCKS; ) {
    const role = roles[j];
    if (role === 'body' || role === 'lead') {
      mergeProfile(context, profiles[j]);
      taken++;
    } else if (role !== 'caption' && role !== 'title' && role !== 'label') {
      break; // a marker, byline or source note bounds the flow
    }
    j = cameFrom.get(j) ?? j - 1;
  }
  return context;
}

/** What a candidate column start goes on to say: itself and the paragraphs after it. */
function flowProfile(blocks: Block[], roles: ParagraphKind[], profiles: Profile[], j: number): Profile {
  const flow = mergeProfile(new Map(), profiles[j]);
  // A long block speaks for itself; borrowing its successors would let a
  // neighbouring article's paragraph vote for it.
  if (visibleLength(blocks[j].text) >= SELF_EVIDENT) return flow;
  for (let k = j + 1, taken = 0; k < blocks.length && taken < CONTEXT_BLOCKS - 1; k++) {
    if (roles[k] === 'caption') continue;
    if (roles[k] !== 'body') break;
    mergeProfile(flow, profiles[k]);
    taken++;
    if (!endsSentence(blocks[k].text)) break;
  }
  return flow;
}

export interface Candidate {
  block: number;
  score: number;
  mid: boolean;
}

/**
 * Continuations a block may have beyond the adjacent one: body blocks that
 * could begin a column, either visibly mid-sentence or on the same subject.
 */
function distantCandidates(
  blocks: Block[],
  roles: ParagraphKind[],
  profiles: Profile[],
  context: Profile,
  i: number,
  claimed: Set<number>,
  idf: (g: string) => number,
): Candidate[] {
  const out: Candidate[] = [];
  for (let j = i + 1; j < blocks.length && j <= i + WINDOW; j++) {
    if (claimed.has(j) || roles[j] !== 'body' || startsParagraph(blocks[j].text)) continue;
    let p = j - 1;
    while (p > i && roles[p] === 'caption') p--;
    // Right after a headline or marker a block opens that section; after an
    // unfinished block it is that block's own continuation.
    if (p > i && !COLUMN_END_ROLES.has(roles[p])) continue;
    if (p > i && (roles[p] === 'body' || roles[p] === 'lead') && !endsSentence(blocks[p].text)) continue;
    const mid = startsMidSentence(blocks[j].text);
    const sim = cosine(flowProfile(blocks, roles, profiles, j), context, idf);
    if (sim < (mid ? RELATED / 2 : RELATED)) continue;
    // The block before must belong to another flow, or j merely follows it.
    if (p > i && (roles[p] === 'body' || roles[p] === 'lead') && cosine(profiles[p], context, idf) >= sim / 2) continue;
    out.push({ block: j, score: sim + (mid ? MID_BONUS : 0), mid });
  }
  return out;
}

/** Roles after which a new column may begin. */
const COLUMN_END_ROLES: ReadonlySet<ParagraphKind> = new Set(['body', 'lead', 'source', 'byline', 'caption']);

/**
 * Order-preserving assignment (like sequence alignment): breaks k1 < k2 get
 * continuations c1 < c2, each block used once, maximising the summed score.
 * Returns [break position in `options`, continuation block] pairs.
 */
export function orderPreservingMatch(options: Candidate[][]): [number, number][] {
  const blocks = [...new Set(options.flat().map((c) => c.block))].sort((a, b) => a - b);
  const score = options.map((cs) => new Map(cs.map((c) => [c.block, c.score])));
  const n = options.length;
  const m = blocks.length;
  // best[k][b]: best total using breaks < k and continuation blocks < blocks[b].
  const best = Array.from({ length: n + 1 }, () => new Float64Array(m + 1));
  for (let k = 1; k <= n; k++) {
    for (let b = 1; b <= m; b++) {
      const s = score[k - 1].get(blocks[b - 1]);
      best[k][b] = Math.max(best[k - 1][b], best[k][b - 1], s === undefined ? -Infinity : best[k - 1][b - 1] + s);
    }
  }
  const out: [number, number][] = [];
  for (let k = n, b = m; k > 0 && b > 0; ) {
    if (best[k][b] === best[k - 1][b]) k--;
    else if (best[k][b] === best[k][b - 1]) b--;
    else {
      out.push([k - 1, blocks[b - 1]]);
      k--;
      b--;
    }
  }
  return out.reverse();
}
