/**
 * Content continuity between pieces of a page. Character bigrams are the unit
 * because Chinese has no spaces to split words on and a bigram profile already
 * separates topics well (测量: the seeds' articles share few bigrams beyond 工会/职工).
 */

/**
 * A bigram as a number (first code point × 0x110000 + second): profiles and
 * weights are looked up millions of times per corpus, and number keys skip
 * making and hashing a two-character string each time.
 */
export type Gram = number;
const CODE_POINTS = 0x110000;

/** A sparse term vector: bigram → weight. */
export type Profile = Map<Gram, number>;

const CONTENT_CHAR = /[\p{Script=Han}\p{L}\p{N}]/u;

/*
 * The Unicode-property test per character was the single largest cost of
 * reading a page (a quarter of the similarity work, profiled on a tenth of
 * People's Daily): the Basic Multilingual Plane is answered from a table
 * built once, and only characters beyond it ask the regular expression.
 */
const BMP_CONTENT = new Uint8Array(0x10000);
for (let code = 0; code < 0x10000; code++) BMP_CONTENT[code] = CONTENT_CHAR.test(String.fromCharCode(code)) ? 1 : 0;

/** One character (a code point, as `for … of` yields it) is a letter, a digit or Han. */
function isContent(c: string): boolean {
  return c.length === 1 ? BMP_CONTENT[c.charCodeAt(0)] === 1 : CONTENT_CHAR.test(c);
}

function isContentCode(code: number): boolean {
  return code < 0x10000 ? BMP_CONTENT[code] === 1 : CONTENT_CHAR.test(String.fromCodePoint(code));
}

const SPACE = /\s/;
const BMP_SPACE = new Uint8Array(0x10000);
for (let code = 0; code < 0x10000; code++) BMP_SPACE[code] = SPACE.test(String.fromCharCode(code)) ? 1 : 0;

/**
 * The code point at `i` of `t` (a lone surrogate stands for itself, as `for … of`
 * yields it). Walking a page by char codes instead of `for … of` makes no
 * string per character: the page's similarity work was a quarter of reading
 * it (profiled on people-daily), much of it allocation.
 */
function codeAt(t: string, i: number): number {
  const hi = t.charCodeAt(i);
  if (hi < 0xd800 || hi > 0xdbff || i + 1 >= t.length) return hi;
  const lo = t.charCodeAt(i + 1);
  return lo >= 0xdc00 && lo <= 0xdfff ? (hi - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000 : hi;
}

/** Bigrams of consecutive content characters; punctuation and spaces break runs. */
export function bigrams(text: string): Gram[] {
  const out: Gram[] = [];
  let prev = -1;
  for (let i = 0; i < text.length; ) {
    const code = codeAt(text, i);
    i += code > 0xffff ? 2 : 1;
    if (isContentCode(code)) {
      if (prev >= 0) out.push(prev * CODE_POINTS + code);
      prev = code;
    } else {
      prev = -1;
    }
  }
  return out;
}

/** Adds `from` into `into` (in place) and returns `into`. */
export function mergeProfile(into: Profile, from: Profile): Profile {
  for (const [g, w] of from) into.set(g, (into.get(g) ?? 0) + w);
  return into;
}

/** Takes `from` back out of `into` (in place), the inverse of mergeProfile. */
export function unmergeProfile(into: Profile, from: Profile): Profile {
  for (const [g, w] of from) {
    const left = (into.get(g) ?? 0) - w;
    if (left > 0) into.set(g, left);
    else into.delete(g);
  }
  return into;
}

/** Cosine similarity of two profiles under an idf weighting. */
export function cosine(a: Profile, b: Profile, idf: (g: Gram) => number = () => 1): number {
  if (a.size === 0 || b.size === 0) return 0;
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [g, w] of a) {
    const weight = idf(g);
    const x = w * weight;
    na += x * x;
    const v = b.get(g);
    if (v !== undefined) dot += x * v * weight;
  }
  for (const [g, w] of b) {
    const y = w * idf(g);
    nb += y * y;
  }
  return dot / Math.sqrt(na * nb);
}

/**
 * Character n-grams (of content characters only) used to spot verbatim
 * repetition. A news report that summarises a speech printed on the same page
 * copies whole clauses; within one article such long repeats are rare, so a
 * shared run is evidence that two pieces belong to *different* articles.
 */
export function longGrams(text: string, n = DUPLICATE_RUN): Set<string> {
  // Substrings of the content characters joined once (cheaper than joining each window).
  const chars = [...text].filter(isContent);
  const joined = chars.join('');
  const out = new Set<string>();
  if (joined.length === chars.length) {
    for (let i = 0; i + n <= joined.length; i++) out.add(joined.slice(i, i + n));
    return out;
  }
  for (let i = 0; i + n <= chars.length; i++) out.add(chars.slice(i, i + n).join(''));
  return out;
}

/** Length (in content characters) from which a shared run counts as copied text; set phrases such as 弘扬劳模精神、劳动精神、工匠精神 (14) stay below it. */
export const DUPLICATE_RUN = 18;

/**
 * A page's runs of DUPLICATE_RUN content characters per block (`longGrams`),
 * each built on first use: reflow and assembly check a block against many
 * breaks and articles.
 */
export function runsOfBlocks(texts: readonly string[]): (k: number) => Set<string> {
  const runs: Set<string>[] = [];
  return (k) => (runs[k] ??= longGrams(texts[k]));
}

/**
 * How many of a text's runs (`runsOfBlocks`) are in `grams`, counting up to
 * `enough`: a copied run of L characters counts L − DUPLICATE_RUN + 1.
 */
export function copiedRuns(runs: Set<string>, grams: Set<string>, enough = Infinity): number {
  let n = 0;
  if (grams.size === 0) return n;
  for (const g of runs) if (grams.has(g) && ++n >= enough) break;
  return n;
}

/**
 * How often each pair of adjacent characters occurs on the page, punctuation
 * included: the page's own bigram language model. A column break inside a word
 * or phrase (武|汉, 问|题) leaves a pair that the page uses elsewhere. Keys are
 * the two code points as one number (see Gram).
 */
export function pageCharPairs(texts: readonly string[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const t of texts) {
    let prev = -1;
    for (let i = 0; i < t.length; ) {
      const code = codeAt(t, i);
      i += code > 0xffff ? 2 : 1;
      const space = code < 0x10000 && BMP_SPACE[code] === 1;
      if (prev >= 0 && !space) {
        const pair = prev * CODE_POINTS + code;
        counts.set(pair, (counts.get(pair) ?? 0) + 1);
      }
      prev = space ? -1 : code;
    }
  }
  return counts;
}

/** How often the page pairs the last character of `head` with the first of `tail`. */
export function junctionCount(head: string, tail: string, pairs: Map<number, number>): number {
  const a = head.trimEnd();
  const b = tail.trimStart();
  if (!a || !b) return 0;
  // The last code point of `a` (a surrogate pair counts as one character).
  const last = a.length >= 2 && codeAt(a, a.length - 2) > 0xffff ? codeAt(a, a.length - 2) : a.charCodeAt(a.length - 1);
  return pairs.get(last * CODE_POINTS + codeAt(b, 0)) ?? 0;
}

/** What reflow and assembly both read of a page's blocks, built once per page. */
export interface PageModel {
  /** Each block's bigram counts, keyed by page-local bigram numbers (see pageModel). */
  profiles: Profile[];
  /**
   * Inverse document frequency of each bigram over the page's blocks, so that
   * words every article on the page uses (a workers' paper says 工会 everywhere)
   * count for little and names and topic words count for much.
   */
  idf: (gram: Gram) => number;
  /** The page's character pairs (pageCharPairs). */
  pairs: Map<number, number>;
  /** Each block's copied-text runs, built on first use (runsOfBlocks). */
  runsOf: (k: number) => Set<string>;
}

/**
 * Profiles here key bigrams by their order of first appearance on the page
 * (0, 1, 2 …) rather than by the two code points: reflow and assembly compare
 * these profiles hundreds of times per page, and small integer keys hash
 * faster than the code-point numbers (beyond 2³¹, so stored as doubles), and
 * index the weights as an array. Similarities are the same, as the keys only
 * ever meet keys of the same page.
 */
export function pageModel(texts: readonly string[]): PageModel {
  const local = new Map<Gram, number>();
  const profiles = texts.map((text) => {
    const p: Profile = new Map();
    for (const g of bigrams(text)) {
      let id = local.get(g);
      if (id === undefined) local.set(g, (id = local.size));
      p.set(id, (p.get(id) ?? 0) + 1);
    }
    return p;
  });
  const df = new Uint32Array(local.size);
  for (const p of profiles) for (const id of p.keys()) df[id]++;
  const n = Math.max(profiles.length, 1);
  const weights = new Float64Array(local.size);
  for (let id = 0; id < weights.length; id++) weights[id] = Math.log(1 + n / df[id]);
  return { profiles, idf: (id) => weights[id], pairs: pageCharPairs(texts), runsOf: runsOfBlocks(texts) };
}
