import type { Qualifier } from '../../shared/types.ts';

/**
 * Qualifiers around a number. Decisions, following the convention of Chinese legal
 * and statistical writing (“以上、以下、以内包括本数”):
 * - 超/超过/逾/多于/余/多 exclude the number itself → more_than;
 * - 以上/不少于/至少 include it → at_least;
 * - 不到/不足/以下/以内/不超过 → at_most (不到 is strictly below; the contract has no
 *   "less_than", and at_most is the closer bound for a chart's ≤ mark);
 * - 近/将近/接近 → nearly; 约/大约/左右/上下 → approx.
 * For negatives (零下20多摄氏度) the qualifier describes the magnitude as written.
 */
const PREFIXES: [string, Qualifier][] = [
  ['不少于', 'at_least'], ['不低于', 'at_least'], ['不超过', 'at_most'], ['不到', 'at_most'], ['不足', 'at_most'],
  ['未满', 'at_most'], ['少于', 'at_most'], ['低于', 'at_most'], ['至少', 'at_least'], ['最少', 'at_least'],
  ['超过', 'more_than'], ['多于', 'more_than'], ['高于', 'more_than'], ['将近', 'nearly'], ['接近', 'nearly'],
  ['大约', 'approx'], ['大概', 'approx'], ['约为', 'approx'],
  ['超', 'more_than'], ['逾', 'more_than'], ['近', 'nearly'], ['约', 'approx'],
];

/** A qualifier written just before the number, with its length. 最近 is a time word, not 近. */
export function prefixQualifier(before: string): { qualifier: Qualifier; length: number } | null {
  for (const [word, qualifier] of PREFIXES) {
    if (!before.endsWith(word)) continue;
    if (word === '近' && /[最附]$/.test(before.slice(0, -1))) continue;
    return { qualifier, length: word.length };
  }
  return null;
}

/** Between number and unit: 10万余元, 3万多列, 20多场, 十来人. */
export function infixQualifier(text: string, at: number): { qualifier: Qualifier; length: number } | null {
  const c = text[at];
  if (c === '余' || c === '多') return { qualifier: 'more_than', length: 1 };
  if (c === '来') return { qualifier: 'approx', length: 1 };
  return null;
}

/** After the unit: 1700亿美元以上, 3000元左右. 上下 only at a clause end (上下游 is a word). */
export function suffixQualifier(text: string, at: number): { qualifier: Qualifier; length: number } | null {
  const two = text.slice(at, at + 2);
  if (two === '以上') return { qualifier: 'at_least', length: 2 };
  if (two === '以下' || two === '以内') return { qualifier: 'at_most', length: 2 };
  if (two === '左右') return { qualifier: 'approx', length: 2 };
  if (two === '上下' && /^(?:[，,。；;、！？!?）)]|$)/.test(text.slice(at + 2, at + 3))) return { qualifier: 'approx', length: 2 };
  return null;
}
