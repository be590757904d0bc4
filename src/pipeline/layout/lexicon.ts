import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Chinese words, to tell a column break from a line that ends where it
 * should. A column ends between any two characters, so a break often cuts a
 * word in two (港|湾, 注|意, 条|例); a headline, a subhead or a finished
 * clause ends on a word's end. On 100 generated pages a dictionary word
 * spans 44% of the true column-break seams against 3.4% of the other pairs
 * a break could be joined to (scripts/eval.ts measures the effect).
 *
 * The words are jieba's dictionary (349,045 words with corpus counts, MIT),
 * as shipped by @node-rs/jieba; its native segmenter is not loaded. No
 * segmenter is needed: the question is only whether some word runs across
 * one seam, and Intl.Segmenter cuts names and places apart (荆|门|市).
 */

/** Words seen fewer times than this in jieba's corpus are too rare to vouch for a seam. */
const MIN_COUNT = 10;
/** Longest word looked for across a seam, in characters. */
const MAX_WORD = 4;

let words: Set<string> | null = null;
/** Function words (prepositions, conjunctions, particles, adverbs, pronouns): they bind to what follows. */
let functionWords: Set<string> | null = null;
const FUNCTION_POS = /^(?:p|c|u[a-z]*|d|r[a-z]*)$/;

/** The dictionary, read once per process (or worker thread) on first use. */
function lexicon(): Set<string> {
  if (words) return words;
  const path = createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt');
  const set = new Set<string>();
  const bound = new Set<string>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const [word, count, pos] = line.split(' ');
    if (!word || Number(count) < MIN_COUNT) continue;
    const length = [...word].length;
    if (length < 2 || length > MAX_WORD) continue;
    set.add(word);
    if (FUNCTION_POS.test(pos ?? '')) bound.add(word);
  }
  functionWords = bound;
  return (words = set);
}

const HAN = /^\p{Script=Han}$/u;

/**
 * Whether a dictionary word runs across the seam between the end of `before`
 * and the start of `after` (国内|形势 no, 港|湾 yes): the text reads on from
 * one into the other. Only Han characters on both sides count.
 */
export function crossesWord(before: string, after: string): boolean {
  const tail = [...before.trimEnd().slice(-2 * MAX_WORD)].slice(-(MAX_WORD - 1));
  const head = [...after.trimStart().slice(0, 2 * MAX_WORD)].slice(0, MAX_WORD - 1);
  if (tail.length === 0 || head.length === 0 || !HAN.test(tail[tail.length - 1]) || !HAN.test(head[0])) return false;
  const dict = lexicon();
  for (let a = 1; a <= tail.length; a++) {
    const left = tail.slice(-a);
    if (!left.every((c) => HAN.test(c))) break;
    for (let b = 1; b <= head.length && a + b <= MAX_WORD; b++) {
      const right = head.slice(0, b);
      if (!HAN.test(right[b - 1])) break;
      if (dict.has(left.join('') + right.join(''))) return true;
    }
  }
  return false;
}

/**
 * Whether a line ends on a content word of two to four characters (取向,
 * 方向, 现在, 目的): its last character, bound on its own (向, 在, 的), is then
 * the end of a word and the line may end there. A function word (关于, 以及,
 * 对于, 可以) still binds to what follows.
 */
export function endsOnContentWord(text: string): boolean {
  const chars = [...text.trimEnd().slice(-2 * MAX_WORD)];
  const dict = lexicon();
  for (let n = Math.min(MAX_WORD, chars.length); n >= 2; n--) {
    const tail = chars.slice(-n);
    if (!tail.every((c) => HAN.test(c))) continue;
    const word = tail.join('');
    if (dict.has(word)) return !functionWords!.has(word);
  }
  return false;
}
