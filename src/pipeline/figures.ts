/**
 * Welfare figures in a paragraph: value, unit, qualifier, kind, what the figure
 * measures (metric), where (region) and when, with a patient's cost linked to the
 * payout they received. Build-time only (uses the gazetteer).
 *
 * Stages, each a small pure module under ./figures/:
 *   readFigures (numbers + units + qualifiers, minus non-figures) → detectMetric →
 *   regionOf → pairCases.
 */
import type { FigureKind, Qualifier } from '../shared/types.ts';
import { caseScope, quotationSpans } from './figures/caseScope.ts';
import { dateBefore } from './figures/localDate.ts';
import { detectMetric } from './figures/metrics.ts';
import { pairCases } from './figures/pairing.ts';
import { readFigures, type WrittenFigure } from './figures/readFigures.ts';
import { regionMentions, regionOf } from './figures/regionOf.ts';
import { findPlaces, lineage, resolvePlace, shortQuoteSpans, startsPlaceForm, type Place } from './regions.ts';
import { sentenceSpans, spanIndexAt } from './sentences.ts';

export interface FigureMention {
  /** As written, qualifiers included: 近7千元, 185.7万人次, 1700亿美元以上. */
  text: string;
  /** UTF-16 offset of `text` in the paragraph. */
  offset: number;
  length: number;
  /** In base units: 185.7万人次 → 1857000. */
  value: number;
  unit: string;
  qualifier: Qualifier;
  kind: FigureKind;
  metric: string | null;
  /** Display name of the region (湖北, 恩施州, 荆门市, 宁夏, 银川市), see regions.ts. */
  region: string | null;
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string | null;
  /** Index of the linked mention in the same result (a patient's cost ↔ payout). */
  pairWith?: number;
  /** True for one person's story (a patient's cost or payout) rather than a statistic. */
  individual?: boolean;
}

export interface FigureContext {
  /** The region the article is about (a display or official name), for 全省/全市/全州. */
  articleRegion: string | null;
  /** The date or period that applies at an offset, supplied by the date extractor. */
  dateOf?: (offset: number) => string | null;
}

const CLAUSE_BREAK = /[，,。；;！？!?：:\n]/;
/** What may separate figures that share the words after the last one: 超900家单位、16万余人次参保. */
const CONNECTIVE_ONLY = /^[、和及与或\s]*$/;
const MUTUAL_AID = /互助/;

/** Figures in one paragraph, in order. Never throws; returns [] for text without figures. */
export function extractFigures(text: string, ctx: FigureContext): FigureMention[] {
  const quotes = shortQuoteSpans(text);
  const written = readFigures(text, {
    startsPlaceName: (at) => startsPlaceForm(text, at),
    inShortQuote: (at) => quotes.some((q) => at > q.start && at < q.end),
  });
  if (written.length === 0) return [];
  const articleRegion = resolvePlace(ctx.articleRegion);
  const sentences = sentenceSpans(text);
  const quotations = quotationSpans(text);
  const regions = regionMentions(text, articleRegion);
  const mutualAid = MUTUAL_AID.test(text);

  // Figures grouped by sentence once, not filtered per figure: long paragraphs
  // made that quadratic.
  const sentenceIndex = written.map((f) => spanIndexAt(sentences, f.offset));
  const kindsBySentence = new Map<number, FigureKind[]>();
  written.forEach((f, i) => kindsBySentence.set(sentenceIndex[i], [...(kindsBySentence.get(sentenceIndex[i]) ?? []), f.kind]));
  const mentions = written.map((f, i): FigureMention => {
    const sentence = sentences[sentenceIndex[i]] ?? { start: 0, end: text.length };
    const clause = clauseAround(text, f.offset, f.offset + f.length);
    const sentenceKinds = kindsBySentence.get(sentenceIndex[i]) ?? [];
    const quoted = quotations.some((q) => f.offset > q.start && f.offset < q.end);
    const scope = caseScope({
      clause: text.slice(clause.start, clause.end),
      sentence: text.slice(sentence.start, sentence.end),
      paragraph: text,
      quoted,
      sentenceKinds,
    });
    const metric = detectMetric({
      before: text.slice(Math.max(clause.start, i > 0 ? end(written[i - 1]) : 0), f.offset),
      after: wordsAfter(text, written, i, clause.end),
      kind: f.kind,
      scope,
      mutualAid,
    });
    const region = regionOf(
      { offset: f.offset, sentenceStart: sentence.start, individual: scope === 'individual', quoted },
      regions,
      articleRegion,
    );
    const date = ctx.dateOf ? ctx.dateOf(f.offset) : dateBefore(text.slice(sentence.start, f.offset));
    return {
      text: f.text, offset: f.offset, length: f.length, value: f.value, unit: f.unit, qualifier: f.qualifier,
      kind: f.kind, metric, region, date, ...(scope === 'individual' ? { individual: true } : {}),
    };
  });
  pairCases(mentions.map((m) => ({ ...m, individual: !!m.individual }))).forEach((j, i) => {
    if (j !== undefined) mentions[i].pairWith = j;
  });
  return mentions;
}

function end(f: WrittenFigure): number {
  return f.offset + f.length;
}

function clauseAround(text: string, start: number, stop: number): { start: number; end: number } {
  let s = start;
  while (s > 0 && !CLAUSE_BREAK.test(text[s - 1])) s--;
  let e = stop;
  while (e < text.length && !CLAUSE_BREAK.test(text[e])) e++;
  return { start: s, end: e };
}

/**
 * The words after figure i up to the next figure or the clause end. When only a
 * connective separates it from the next figure (11650家单位185.7万人次参保,
 * 超900家单位、16万余人次参保), the next figure's words are read as well.
 */
function wordsAfter(text: string, figures: WrittenFigure[], i: number, clauseEnd: number): string {
  const from = end(figures[i]);
  const next = figures[i + 1];
  if (!next || next.offset >= clauseEnd) return text.slice(from, clauseEnd);
  const own = text.slice(from, next.offset);
  if (!CONNECTIVE_ONLY.test(own)) return own;
  return own + next.text + wordsAfter(text, figures, i + 1, clauseEnd);
}

/**
 * The main region an article is about: the most specific place that accounts for at
 * least half of all place mentions (a mention of 荆门 also counts for 湖北). Null when
 * no place dominates (national or international news).
 */
export function inferArticleRegion(texts: string[]): string | null {
  const mentions = findPlaces(texts.join('\n')).filter((m) => !m.quoted);
  if (mentions.length === 0) return null;
  const support = new Map<string, { place: Place; count: number }>();
  for (const m of mentions) {
    for (const p of lineage(m.place)) {
      const entry = support.get(p.code) ?? { place: p, count: 0 };
      entry.count++;
      support.set(p.code, entry);
    }
  }
  const dominant = [...support.values()].filter((e) => e.count * 2 >= mentions.length);
  dominant.sort((a, b) => lineage(b.place).length - lineage(a.place).length || b.count - a.count);
  return dominant[0]?.place.display ?? null;
}
