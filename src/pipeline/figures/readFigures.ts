import type { FigureKind, Qualifier } from '../../shared/types.ts';
import { nonFigureReason, type NonFigureContext } from './nonFigures.ts';
import { infixQualifier, prefixQualifier, suffixQualifier } from './qualifiers.ts';
import { normaliseDigits, readArabicAt, readChineseAt, readChinesePercentAt, type Quantity } from './quantity.ts';
import { countsPeople, unitAt } from './units.ts';

/** A figure as written, before metric, region and date are attached. */
export interface WrittenFigure {
  /** Offsets of the whole expression, qualifiers included (近7千元, 1700亿美元以上). */
  offset: number;
  length: number;
  text: string;
  value: number;
  unit: string;
  kind: FigureKind;
  qualifier: Qualifier;
}

/**
 * Smallest bare count (no measure word) still read as a figure: 40万新就业形态劳动者,
 * 4亿以上中等收入群体. Below it, bare numbers are too often years, codes or list numbers.
 */
const BARE_COUNT_MIN = 1e4;

/** The quantity starting at `at`, trying Chinese percent, Arabic and Chinese numerals. */
function quantityAt(text: string, at: number): Quantity | null {
  return readChinesePercentAt(text, at) ?? (/\d/.test(text[at]) ? readArabicAt(text, at) : readChineseAt(text, at));
}

/** Sign written before the number: 零下20, -5, 负3. Returns the new start. */
function signStart(text: string, start: number): { start: number; negative: boolean } {
  if (text.slice(start - 2, start) === '零下') return { start: start - 2, negative: true };
  if (/[-负]/.test(text[start - 1] ?? '') && !/[\d\w]/.test(text[start - 2] ?? '')) return { start: start - 1, negative: true };
  return { start, negative: false };
}

/** Every figure written in `text`, in order. Never throws. */
export function readFigures(rawText: string, context: Omit<NonFigureContext, 'text'>): WrittenFigure[] {
  const text = normaliseDigits(rawText);
  const ctx: NonFigureContext = { ...context, text };
  const figures: WrittenFigure[] = [];
  let i = 0;
  while (i < text.length) {
    const q = quantityAt(text, i);
    if (!q) {
      i++;
      continue;
    }
    const figure = figureFrom(text, q, ctx);
    if (figure) {
      figures.push({ ...figure, text: rawText.slice(figure.offset, figure.offset + figure.length) });
      i = figure.offset + figure.length;
    } else {
      i = q.end;
    }
  }
  return figures;
}

function figureFrom(text: string, q: Quantity, ctx: NonFigureContext): Omit<WrittenFigure, 'text'> | null {
  let end = q.end;
  const infix = q.unit ? null : infixQualifier(text, end);
  if (infix) end += infix.length;
  let unit: string;
  let kind: FigureKind;
  if (q.unit) {
    unit = q.unit;
    kind = 'percent';
  } else {
    const spec = unitAt(text, end);
    if (spec) {
      unit = spec.unit;
      kind = spec.kind;
      end += spec.written.length;
    } else if (q.numeral === 'arabic' && q.multiplied && q.value >= BARE_COUNT_MIN) {
      const people = countsPeople(text.slice(end, end + 14));
      unit = people ? '人' : '';
      kind = people ? 'people' : 'other';
    } else {
      return null;
    }
  }
  const suffix = suffixQualifier(text, end);
  if (suffix) end += suffix.length;
  const sign = signStart(text, q.start);
  const prefix = prefixQualifier(text.slice(Math.max(0, sign.start - 3), sign.start));
  const start = sign.start - (prefix?.length ?? 0);
  if (nonFigureReason(q, ctx, start)) return null;
  const qualifier: Qualifier = prefix?.qualifier ?? infix?.qualifier ?? suffix?.qualifier ?? 'exact';
  const value = sign.negative ? -q.value : q.value;
  return { offset: start, length: end - start, value: roundDecimal(value), unit, kind, qualifier };
}

/** 2907.5 × 10⁴ in floating point is 29074999.999…; figures are written with ≤ 4 decimals. */
function roundDecimal(v: number): number {
  return Math.round(v * 1e4) / 1e4;
}
