/**
 * Posting lists and the binary format of an index chunk, for the build (Node)
 * and the reader (worker, CLI) alike.
 *
 * A chunk, before gzip, is a run of unsigned LEB128 varints:
 *   termCount
 *   for each term, in code-unit order: the code units it shares with the
 *     term before (front coding: sorted pairs mostly share their first
 *     character), the byte length of the rest in UTF-8, those bytes (raw),
 *     postingBytes
 *   for each term, the posting list: paragraphCount, then for each paragraph
 *     paragraph − previous paragraph (the first: itself), positionCount,
 *     position − previous position (the first: itself)
 * Deltas keep most numbers to one byte; the directory comes first so a
 * reader decodes only the lists a query asks for. Written by hand because no
 * library we measured stores positions in term-range chunks: FlexSearch keeps
 * no positions and exports by its own registers, Pagefind's format is
 * internal to its WebAssembly.
 */

/** The paragraphs a term occurs in, ascending, with its positions in each (ascending). */
export interface Posting {
  paragraphs: Int32Array;
  /** Positions of paragraph k are positions[starts[k] … starts[k + 1]). */
  starts: Int32Array;
  positions: Int32Array;
}

export const EMPTY_POSTING: Posting = { paragraphs: new Int32Array(0), starts: new Int32Array(1), positions: new Int32Array(0) };

/** Positions of the k-th paragraph of a posting. */
export function positionsAt(p: Posting, k: number): Int32Array {
  return p.positions.subarray(p.starts[k], p.starts[k + 1]);
}

/** A growable byte buffer of varints (build side). */
export class VarintWriter {
  private bytes = new Uint8Array(64 * 1024);
  length = 0;

  write(value: number): void {
    if (this.length + 5 > this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes.subarray(0, this.length));
      this.bytes = grown;
    }
    let v = value >>> 0;
    while (v >= 0x80) {
      this.bytes[this.length++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.bytes[this.length++] = v;
  }

  /** Bytes as they are (UTF-8 text), not as varints. */
  writeRaw(data: Uint8Array): void {
    while (this.length + data.length > this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes.subarray(0, this.length));
      this.bytes = grown;
    }
    this.bytes.set(data, this.length);
    this.length += data.length;
  }

  result(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

class VarintReader {
  at: number;
  constructor(
    private readonly bytes: Uint8Array,
    at = 0,
  ) {
    this.at = at;
  }

  read(): number {
    let value = 0;
    let shift = 0;
    for (;;) {
      if (this.at >= this.bytes.length) throw new Error('search index chunk is truncated');
      const b = this.bytes[this.at++];
      value += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return value;
      shift += 7;
    }
  }

  readRaw(n: number): Uint8Array {
    if (this.at + n > this.bytes.length) throw new Error('search index chunk is truncated');
    const out = this.bytes.subarray(this.at, this.at + n);
    this.at += n;
    return out;
  }
}

/** A chunk's bytes: the directory (each term and its list's length), then the lists, in the same order. */
export function encodeChunk(terms: string[], lengths: number[], lists: Uint8Array): Uint8Array {
  const utf8 = new TextEncoder();
  const head = new VarintWriter();
  head.write(terms.length);
  let previous = '';
  terms.forEach((term, i) => {
    let shared = 0;
    while (shared < term.length && shared < previous.length && term.charCodeAt(shared) === previous.charCodeAt(shared)) shared++;
    // Never split a surrogate pair between the shared part and the rest.
    if (shared > 0 && (term.charCodeAt(shared - 1) & 0xfc00) === 0xd800) shared--;
    const rest = utf8.encode(term.slice(shared));
    head.write(shared);
    head.write(rest.length);
    head.writeRaw(rest);
    head.write(lengths[i]);
    previous = term;
  });
  const start = head.result();
  const out = new Uint8Array(start.length + lists.length);
  out.set(start);
  out.set(lists, start.length);
  return out;
}

/** A decoded chunk directory; lists are decoded when first asked for. */
export class IndexChunk {
  /** Terms in code-unit order. */
  readonly terms: string[];
  private readonly offsets: Int32Array;
  private readonly decoded = new Map<number, Posting>();

  constructor(private readonly bytes: Uint8Array) {
    const reader = new VarintReader(bytes);
    const utf8 = new TextDecoder();
    const count = reader.read();
    this.terms = new Array<string>(count);
    const lengths = new Int32Array(count);
    let previous = '';
    for (let i = 0; i < count; i++) {
      const shared = reader.read();
      const rest = utf8.decode(reader.readRaw(reader.read()));
      previous = this.terms[i] = previous.slice(0, shared) + rest;
      lengths[i] = reader.read();
    }
    this.offsets = new Int32Array(count + 1);
    this.offsets[0] = reader.at;
    for (let i = 0; i < count; i++) this.offsets[i + 1] = this.offsets[i] + lengths[i];
    if (this.offsets[count] !== bytes.length) throw new Error('search index chunk is damaged (sizes do not add up)');
  }

  /** Index of the first term ≥ `term` (binary search). */
  lowerBound(term: string): number {
    let lo = 0;
    let hi = this.terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.terms[mid] < term) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  posting(i: number): Posting {
    let p = this.decoded.get(i);
    if (!p) this.decoded.set(i, (p = this.decode(i)));
    return p;
  }

  private decode(i: number): Posting {
    const reader = new VarintReader(this.bytes, this.offsets[i]);
    const n = reader.read();
    const paragraphs = new Int32Array(n);
    const starts = new Int32Array(n + 1);
    const positions: number[] = [];
    let paragraph = 0;
    for (let k = 0; k < n; k++) {
      paragraph += reader.read();
      paragraphs[k] = paragraph;
      starts[k] = positions.length;
      const count = reader.read();
      let at = 0;
      for (let c = 0; c < count; c++) positions.push((at += reader.read()));
    }
    starts[n] = positions.length;
    return { paragraphs, starts, positions: Int32Array.from(positions) };
  }
}

/** The union of several postings (the terms a lone character starts), positions merged per paragraph. */
export function unionPostings(lists: Posting[]): Posting {
  if (lists.length === 0) return EMPTY_POSTING;
  if (lists.length === 1) return lists[0];
  const byParagraph = new Map<number, number[]>();
  for (const list of lists) {
    for (let k = 0; k < list.paragraphs.length; k++) {
      const at = positionsAt(list, k);
      const known = byParagraph.get(list.paragraphs[k]);
      if (known) for (const p of at) known.push(p);
      else byParagraph.set(list.paragraphs[k], Array.from(at));
    }
  }
  const paragraphs = Int32Array.from(byParagraph.keys()).sort();
  const starts = new Int32Array(paragraphs.length + 1);
  const positions: number[] = [];
  paragraphs.forEach((p, k) => {
    starts[k] = positions.length;
    for (const x of byParagraph.get(p)!.sort((a, b) => a - b)) positions.push(x);
  });
  starts[paragraphs.length] = positions.length;
  return { paragraphs, starts, positions: Int32Array.from(positions) };
}

/** Index of the first element ≥ x in an ascending Int32Array. */
export function lowerBound(list: Int32Array, x: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether an ascending Int32Array contains x. */
export function hasPosition(list: Int32Array, x: number): boolean {
  const at = lowerBound(list, x);
  return at < list.length && list[at] === x;
}

/**
 * Paragraphs present in every posting, walking the shortest and galloping in
 * the others; `rows[i][j]` is the index of the j-th common paragraph in list i.
 */
export function intersectPostings(lists: Posting[]): { paragraphs: Int32Array; rows: Int32Array[] } {
  const order = lists.map((_, i) => i).sort((a, b) => lists[a].paragraphs.length - lists[b].paragraphs.length);
  const shortest = lists[order[0]].paragraphs;
  const cursors = new Int32Array(lists.length);
  const others = order.slice(1);
  const found: number[] = [];
  const rows: number[][] = lists.map(() => []);
  outer: for (let s = 0; s < shortest.length; s++) {
    const x = shortest[s];
    for (const i of others) {
      const list = lists[i].paragraphs;
      let lo = cursors[i];
      let step = 1;
      let hi = lo;
      while (hi < list.length && list[hi] < x) {
        lo = hi + 1;
        hi += step;
        step *= 2;
      }
      hi = Math.min(hi, list.length);
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (list[mid] < x) lo = mid + 1;
        else hi = mid;
      }
      cursors[i] = lo;
      if (lo >= list.length) break outer;
      if (list[lo] !== x) continue outer;
    }
    found.push(x);
    for (let i = 0; i < lists.length; i++) rows[i].push(i === order[0] ? s : cursors[i]);
  }
  return { paragraphs: Int32Array.from(found), rows: rows.map((r) => Int32Array.from(r)) };
}
