import type { FigureKind } from '../../shared/types.ts';
import type { CaseScope } from './metrics.ts';

/**
 * Whether a figure belongs to one person's story (a patient's cost and payout) or to
 * a statistic. Stories name their person: 王某, 杨女士, 周师傅, 该职工, 他.
 */
const PERSON_MARKER = /[\u4e00-\u9fa5]某|女士|先生|师傅|该职工|患者|本人|单笔|[他她](?!们)/;
/** Kinds that count many people or units: a sentence with one of them is a statistic. */
const COUNT_KINDS = new Set<FigureKind>(['person_times', 'people', 'organisations', 'households']);

export interface ScopeEvidence {
  clause: string;
  sentence: string;
  paragraph: string;
  /** The figure sits inside a direct quotation (its speaker is named around it). */
  quoted: boolean;
  /** Kinds of all figures in the sentence. */
  sentenceKinds: FigureKind[];
}

export function caseScope(e: ScopeEvidence): CaseScope {
  if (PERSON_MARKER.test(e.clause)) return 'individual';
  if (e.sentenceKinds.some((k) => COUNT_KINDS.has(k))) return 'aggregate';
  if (PERSON_MARKER.test(e.sentence)) return 'individual';
  return e.quoted && PERSON_MARKER.test(e.paragraph) ? 'individual' : 'aggregate';
}

/** Spans inside “…” quotations of any length (speech as well as names). */
export function quotationSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '“' && open < 0) open = i;
    else if (text[i] === '”' && open >= 0) {
      spans.push({ start: open, end: i + 1 });
      open = -1;
    }
  }
  // A quotation cut by a column or paragraph break runs to the end.
  if (open >= 0) spans.push({ start: open, end: text.length });
  return spans;
}
