/**
 * Scores for a page layout against a known answer; shared by the eval script
 * and the tests so both measure the same thing.
 */

/** B-cubed precision, recall and F1 of a clustering of items against the gold one. */
export function bCubed(predicted: Map<number, number>, gold: Map<number, number>): { precision: number; recall: number; f1: number } {
  const items = [...gold.keys()];
  const members = (m: Map<number, number>, c: number | undefined) => items.filter((i) => c !== undefined && m.get(i) === c);
  let precision = 0;
  let recall = 0;
  for (const i of items) {
    const p = members(predicted, predicted.get(i));
    const g = new Set(members(gold, gold.get(i)));
    const shared = p.filter((j) => g.has(j)).length;
    precision += p.length ? shared / p.length : 0;
    recall += shared / g.size;
  }
  precision /= items.length || 1;
  recall /= items.length || 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/** Share of the gold column-break joins that were made. */
export function joinRecall(made: { from: number; to: number }[], gold: [number, number][]): number {
  if (gold.length === 0) return 1;
  const key = new Set(made.map((j) => `${j.from}>${j.to}`));
  return gold.filter(([a, b]) => key.has(`${a}>${b}`)).length / gold.length;
}

/** Share of non-whitespace characters of `text` covered by the given spans (each once). */
export function charsKept(text: string, spans: { start: number; end: number }[]): number {
  const covered = new Uint8Array(text.length);
  for (const s of spans) for (let k = s.start; k < s.end; k++) covered[k]++;
  let total = 0;
  let kept = 0;
  for (let k = 0; k < text.length; k++) {
    if (/\s/.test(text[k])) continue;
    total++;
    if (covered[k] === 1) kept++;
  }
  return total ? kept / total : 1;
}
