import { CASE_COST_METRICS, CASE_PAYOUT_METRICS } from './metrics.ts';

interface Pairable {
  metric: string | null;
  kind: string;
  region: string | null;
  individual: boolean;
}

/**
 * Link each individual payout with one patient cost in the same paragraph: the nearest
 * unpaired cost before it, else the nearest after (stories state cost then payout,
 * quotes often the payout first). Returns pairWith indexes, one-to-one.
 */
export function pairCases(figures: Pairable[]): (number | undefined)[] {
  const pairs: (number | undefined)[] = figures.map(() => undefined);
  const isCost = (i: number) => figures[i].individual && figures[i].kind === 'money' && CASE_COST_METRICS.has(figures[i].metric ?? '');
  figures.forEach((f, i) => {
    if (!f.individual || f.kind !== 'money' || !CASE_PAYOUT_METRICS.has(f.metric ?? '')) return;
    const free = (j: number) => isCost(j) && pairs[j] === undefined && figures[j].region === f.region;
    let match: number | undefined;
    for (let j = i - 1; j >= 0 && match === undefined; j--) if (free(j)) match = j;
    for (let j = i + 1; j < figures.length && match === undefined; j++) if (free(j)) match = j;
    if (match !== undefined) {
      pairs[i] = match;
      pairs[match] = i;
    }
  });
  return pairs;
}
