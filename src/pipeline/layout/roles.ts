import type { Block, ParagraphKind } from '../../shared/types.ts';
import { crossesWord } from './lexicon.ts';
import { junctionCount, pageCharPairs } from './similarity.ts';
import {
  endsSentence,
  hasPhotoCredit,
  isByline,
  isDatelineLead,
  isLabel,
  isMarker,
  isSourceNote,
  isSubtitleLine,
  looksLikeHeading,
  looksLikeStrongHeading,
  endsOnBoundChar,
  endsOpen,
  hasHeadlineMark,
  isUnevenClause,
  opensWithTimeClause,
  hasColumnName,
  isNumberedHeading,
  startsMidSentence,
  startsParagraph,
  visibleLength,
} from './cues.ts';

/** Two runs of Han characters set apart by a space, as headline halves are. */
const HEADLINE_HALVES = /\p{Script=Han}[ \u3000]+\p{Script=Han}/u;

/** Longest text we still accept as a photo caption (in visible characters). */
const MAX_CAPTION = 150;

/**
 * The role of one block from its own text and its neighbours'. Headline-shaped
 * blocks come back as 'title'; the assembler demotes those that fall inside an
 * article to 'subhead', because only the article grouping can tell them apart.
 */
export function classifyBlock(blocks: Block[], i: number, pairs: Map<number, number> = pageCharPairs(blocks.map((b) => b.text))): ParagraphKind {
  const text = blocks[i].text;
  if (isMarker(text)) return 'marker';
  if (isSourceNote(text)) return 'source';
  if (isByline(text)) return 'byline';
  if (isCaption(blocks, i)) return 'caption';
  if (isDatelineLead(text)) return 'lead';
  if (isSubtitleLine(text) && visibleLength(text) <= 64 && !/[。]/.test(text.slice(0, -1)) && !followsFinishedParagraph(blocks, i) && !continuesIntoNext(blocks, i)) return 'subtitle';
  if (!looksLikeHeading(text)) return 'body';
  if (isLabel(text) && !endsOnBoundChar(text) && !continuesIntoNext(blocks, i)) return 'label';
  if (continuesPrevious(blocks, i)) return 'body';
  if (hasHeadlineMark(text) || isNumberedHeading(text)) return 'title';
  // Chinese body text sets no space between characters; a headline's halves
  // (复工达产 央企担当) keep theirs through extraction, so a seam pair is no
  // evidence against it. Generated F1 0.895 → 0.896, and 0.871 → 0.872 on
  // pages it was not tuned on (--from 1001 --pages 300).
  if (HEADLINE_HALVES.test(text.trim()) && !endsOnBoundChar(text) && !endsOpen(text)) return 'title';
  if (readsOnInto(blocks, i, pairs)) return 'body';
  // A line shaped like a headline (a balanced couplet, a quoted title) is
  // still the first half of a sentence the next block visibly picks up: no
  // headline hands over to a 的 (…户户冒烟 / 的生动写照). Only the stronger
  // signs count under a short headline, since the block below a headline can
  // be another article's column top (凝心聚力，继往开来 over 最紧迫的任务。…);
  // a long one also yields to a short first sentence (…每一个平凡 / 个人的歌曲。).
  // Breaks rejoined 1,190 → 1,193 of 1,256 on the 100 generated pages, 3,306
  // → 3,309 and 3,520 → 3,524 on two sets they were not tuned on (--from 1001
  // / 2001 --pages 300); F1 unchanged.
  const strongSignsOnly = looksLikeStrongHeading(text) && visibleLength(text) <= SHORT_HEADLINE;
  return continuesIntoNext(blocks, i, !strongSignsOnly) ? 'body' : 'title';
}

/** Longest headline (visible characters) that only the stronger signs of a cut sentence can overrule. */
const SHORT_HEADLINE = 12;

/**
 * A deck (——…) sits under its headline; a dash line right below a finished
 * paragraph is an item of a dash list in the body (——荔湾区恩宁路永庆坊，… /
 * ——白云区太和镇大源村，…), even when a column end cut it short. With the
 * deck's other condition (no cut sentence picked up below it), breaks
 * rejoined 1,193 → 1,194 of 1,256 on the 100 generated pages, 3,309 → 3,313
 * and 3,524 → 3,528 on two sets they were not tuned on; F1 unchanged.
 */
function followsFinishedParagraph(blocks: Block[], i: number): boolean {
  const before = previousNonCaption(blocks, i)?.text;
  if (before === undefined || looksLikeHeading(before) || !endsSentence(before)) return false;
  // An attribution under a quoted paragraph (——李宝荣委员（国务院副秘书长）) is no list item.
  const t = blocks[i].text.trim();
  return /[，,]/.test(t) && !/[）)]$/.test(t);
}

/**
 * A headline-shaped line that is really a sentence cut at a column end: it
 * stops on a binding character, a digit or an opening quote, splits unevenly
 * at a comma, or a word runs on into the next body block: its last character
 * and the next block's first form a pair the page uses elsewhere (武|汉 when
 * the page says 武汉), or a dictionary word spans the seam (展|馆).
 */
function readsOnInto(blocks: Block[], i: number, pairs: Map<number, number>): boolean {
  const text = blocks[i].text;
  if (endsOnBoundChar(text) || endsOpen(text) || isUnevenClause(text) || opensWithTimeClause(text)) return true;
  const next = nextReadable(blocks, i);
  if (next === null || looksLikeHeading(next.text)) return false;
  // A dateline or numbered point opens its paragraph: nothing runs on into it.
  return junctionCount(text, next.text, pairs) > 0 || (!startsParagraph(next.text) && crossesWord(text, next.text));
}

/**
 * A headline-shaped line right below a paragraph cut mid-word (…提出了哪些推进教育现代化的思 / 路理念？):
 * a word runs across the seam, so the line is that paragraph's tail, not a headline.
 * With the interview rule in assemble.ts: generated F1 0.895 → 0.897; unseen
 * pages 0.871 and 0.857, unchanged.
 */
function continuesPrevious(blocks: Block[], i: number): boolean {
  const before = previousNonCaption(blocks, i)?.text;
  return before !== undefined && !looksLikeHeading(before) && !endsSentence(before) && crossesWord(before, blocks[i].text);
}

/** The next block after `i` that is not a spaced-off caption-like sentence. */
function nextReadable(blocks: Block[], i: number): Block | null {
  for (let j = i + 1; j < blocks.length && j <= i + 3; j++) if (!isSpacedSentence(blocks[j])) return blocks[j];
  return null;
}

/** Roles of all blocks, in block order. */
export function blockRoles(blocks: Block[], pairs = pageCharPairs(blocks.map((b) => b.text))): ParagraphKind[] {
  const roles = blocks.map((_, i) => classifyBlock(blocks, i, pairs));
  for (let i = 0; i < blocks.length; i++) if (roles[i] === 'body' && (isKicker(blocks, roles, i) || isDashKicker(blocks, roles, i))) roles[i] = 'title';
  return roles;
}

/** Longest kicker ending in a dash, in visible characters. */
const MAX_DASH_KICKER = 64;

/**
 * A kicker that hands over to its headline with a dash (广州以“三旧”改造为抓手，…，实现“老城市新活力”——
 * over 老城焕新), even with a full stop inside (表格过滥，问题不小。福建…——). A
 * paragraph ending in a dash introduces a list of body text instead.
 */
export function isDashKicker(blocks: Block[], roles: ParagraphKind[], i: number): boolean {
  const t = blocks[i].text.trim();
  if (!/(?:——|──)$/.test(t) || visibleLength(t) > MAX_DASH_KICKER || startsMidSentence(t)) return false;
  let j = i + 1;
  while (j < blocks.length && roles[j] === 'caption') j++;
  return j < blocks.length && (roles[j] === 'title' || roles[j] === 'subtitle');
}

/** Longest kicker (引题) line, in visible characters. */
const MAX_KICKER = 40;

/**
 * A kicker over a headline: a clause or two with no full stop (中小企业复工复产，哪些问题须关注？
 * / 江苏省强化协调服务和政策支持，党员干部狠抓落实) printed where an article
 * begins (top of the page or after a finished paragraph or credit) right
 * above a headline that is unmistakably one (a column name, a deck, dateline
 * or byline under it). Its commas make it read as body text otherwise.
 */
export function isKicker(blocks: Block[], roles: ParagraphKind[], i: number): boolean {
  const t = blocks[i].text.trim();
  if (visibleLength(t) > MAX_KICKER || /[。；;…]/.test(t) || /[，,、：:“‘《（(]$/.test(t) || startsMidSentence(t)) return false;
  if ((t.match(/[，,？?]/g) ?? []).length > 3) return false;
  // A paragraph's head cut at a column end can land right above the next
  // article's headline: it stops on a bound character (…投入生产，将) or a
  // clause of one or two characters (数字经济是大势所趋，蓬勃). A kicker's
  // second clause may be much shorter than its first, but not that short.
  if (endsOnBoundChar(t) || endsOpen(t) || /[，,][^，,]{1,2}$/.test(t)) return false;
  const prev = i > 0 ? i - 1 : -1;
  if (prev >= 0) {
    const r = roles[prev];
    const finished = r === 'byline' || r === 'source' || r === 'caption' || ((r === 'body' || r === 'lead') && endsSentence(blocks[prev].text));
    if (!finished) return false;
  }
  const j = i + 1;
  if (j >= blocks.length || roles[j] !== 'title') return false;
  if (hasColumnName(blocks[j].text)) return true;
  const after = roles[j + 1];
  return after === 'subtitle' || after === 'lead' || after === 'byline';
}

/**
 * Captions sit between paragraphs or inside a broken sentence, set off by
 * extra blank lines; a photo credit (（新华社发）, 摄) settles it even without
 * the spacing.
 */
export function isCaption(blocks: Block[], i: number): boolean {
  const b = blocks[i];
  // A caption is often one short sentence and its credit (游客在景区参观游览。（新华社发）):
  // only the stronger signs of a cut tail count against it.
  if (visibleLength(b.text) > MAX_CAPTION || isDatelineLead(b.text) || startsMidSentence(b.text, false)) return false;
  if (hasPhotoCredit(b.text) && (b.gapBefore >= 2 || endsSentence(b.text) || /摄/.test(b.text.slice(-6)))) return true;
  if (b.gapBefore < 2) return false;
  // Spaced off and interrupting a sentence: the paragraph before is unfinished.
  const before = previousNonCaption(blocks, i);
  return before !== null && !endsSentence(before.text) && !looksLikeHeading(before.text);
}

/** The block before the captions that precede block `i` (captions come in rows). */
function previousNonCaption(blocks: Block[], i: number): Block | null {
  let j = i - 1;
  while (j >= 0 && isSpacedSentence(blocks[j])) j--;
  return j >= 0 ? blocks[j] : null;
}

const isSpacedSentence = (b: Block): boolean =>
  b.gapBefore >= 2 && visibleLength(b.text) <= MAX_CAPTION && endsSentence(b.text);

/**
 * A short unfinished block is a headline unless the text after it visibly
 * picks up its sentence (the next body block starts mid-sentence).
 */
function continuesIntoNext(blocks: Block[], i: number, shortFirstSentence = true): boolean {
  for (let j = i + 1; j < blocks.length && j <= i + 3; j++) {
    const next = blocks[j];
    if (isSpacedSentence(next)) continue;
    return startsMidSentence(next.text, shortFirstSentence);
  }
  return false;
}
