/**
 * Bytes of a page file → text, with the encoding detected (never silently
 * guessed) and every repair reported.
 *
 * Order of evidence: a byte-order mark decides; then strict UTF-8; then strict
 * GB18030 (a superset of GBK and GB2312, the encodings Chinese text files most
 * often come in). Only when both strict decoders fail do we decode lossily, and
 * then we say at which byte and how many characters were replaced.
 * TextDecoder ships GB18030 in Node and browsers, so no iconv dependency.
 */

export interface Decoded {
  /** Decoded text with line ends normalised to "\n" and a BOM removed. */
  text: string;
  encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';
  warnings: string[];
}

export interface Rejected {
  rejected: string;
}

const MAGIC: [string, number[]][] = [
  ['a PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a ZIP archive (or .docx/.xlsx)', [0x50, 0x4b, 0x03, 0x04]],
  ['a gzip archive', [0x1f, 0x8b]],
  ['an OLE2 document (.doc/.xls)', [0xd0, 0xcf, 0x11, 0xe0]],
];

/** Decode a page file's bytes, or say why it is not a text page. */
export function decodePage(bytes: Uint8Array): Decoded | Rejected {
  for (const [what, magic] of MAGIC) {
    if (magic.every((b, i) => bytes[i] === b)) return { rejected: `not text: looks like ${what}` };
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return finish(utf8Lossy(bytes.subarray(3), 3), 'utf-8-bom');
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return finish(utf16(bytes.subarray(2), 'utf-16le'), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return finish(utf16(bytes.subarray(2), 'utf-16be'), 'utf-16be');

  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return { rejected: `not text: NUL byte at offset ${nul} (binary file, or UTF-16 without a byte-order mark)` };
  }
  const invalid = firstInvalidUtf8(bytes);
  if (invalid === -1) return finish({ text: new TextDecoder('utf-8').decode(bytes), warnings: [] }, 'utf-8');
  // Not UTF-8. GB18030 decodes almost any byte sequence, UTF-8 bytes included,
  // so "it decodes" is no evidence: the reading whose Chinese characters are the
  // common ones wins (see commonHanShare). A damaged GBK page is kept, with the
  // damage reported, rather than refused or indexed as mojibake.
  const gb = gb18030Lossy(bytes);
  const utf8 = utf8Lossy(bytes, 0);
  if (commonHanShare(gb.text) > commonHanShare(utf8.text) && looksLikeText(gb.text)) return finish(gb, 'gb18030');
  if (!looksLikeText(utf8.text)) return { rejected: `not text: invalid UTF-8 from byte ${invalid} and not GB18030 either` };
  return finish(utf8, 'utf-8');
}

function finish(d: { text: string; warnings: string[] }, encoding: Decoded['encoding']): Decoded {
  return { text: normaliseLineEnds(d.text), encoding, warnings: d.warnings };
}

/** CRLF and lone CR → LF: PDF extractors on different systems emit all three. */
export function normaliseLineEnds(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

function utf16(bytes: Uint8Array, enc: 'utf-16le' | 'utf-16be'): { text: string; warnings: string[] } {
  const warnings: string[] = [];
  if (bytes.length % 2) warnings.push(`odd byte count for ${enc}: last byte dropped`);
  const text = new TextDecoder(enc).decode(bytes);
  // A U+FFFD the file itself holds is text, not damage: only the ones decoding added count.
  let genuine = 0;
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    const unit = enc === 'utf-16le' ? bytes[i] | (bytes[i + 1] << 8) : (bytes[i] << 8) | bytes[i + 1];
    if (unit === 0xfffd) genuine++;
  }
  const bad = countReplacement(text) - genuine;
  if (bad) warnings.push(`${bad} invalid ${enc} code unit(s) replaced with U+FFFD`);
  return { text, warnings };
}

function utf8Lossy(bytes: Uint8Array, base: number): { text: string; warnings: string[] } {
  const text = new TextDecoder('utf-8').decode(bytes);
  const invalid = firstInvalidUtf8(bytes);
  const warnings =
    invalid === -1
      ? []
      : [`invalid UTF-8 at byte ${invalid + base}: ${countReplacement(text)} character(s) replaced with U+FFFD`];
  return { text, warnings };
}

function gb18030Lossy(bytes: Uint8Array): { text: string; warnings: string[] } {
  const text = new TextDecoder('gb18030').decode(bytes);
  const invalid = firstInvalidGb18030(bytes);
  const warnings =
    invalid === -1 ? [] : [`invalid GB18030 at byte ${invalid}: ${countReplacement(text)} character(s) replaced with U+FFFD`];
  return { text, warnings };
}

/**
 * Byte offset of the first invalid GB18030 sequence, or -1, following the
 * WHATWG decoder (the one TextDecoder implements): 0x80 is €, 0xFF never
 * valid, two-byte codes lead 0x81–0xFE + trail 0x40–0x7E/0x80–0xFE, four-byte
 * codes 0x81–0xFE 0x30–0x39 0x81–0xFE 0x30–0x39 within the mapped ranges.
 */
export function firstInvalidGb18030(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c <= 0x80) {
      i++;
      continue;
    }
    if (c === 0xff || i + 1 >= b.length) return i;
    const c2 = b[i + 1];
    if (c2 >= 0x30 && c2 <= 0x39) {
      if (i + 3 >= b.length) return i;
      const c3 = b[i + 2];
      const c4 = b[i + 3];
      if (c3 < 0x81 || c3 > 0xfe || c4 < 0x30 || c4 > 0x39) return i;
      const pointer = (c - 0x81) * 12600 + (c2 - 0x30) * 1260 + (c3 - 0x81) * 10 + (c4 - 0x30);
      if ((pointer > 39419 && pointer < 189000) || pointer > 1237575) return i;
      i += 4;
    } else if ((c2 >= 0x40 && c2 <= 0x7e) || (c2 >= 0x80 && c2 <= 0xfe)) {
      i += 2;
    } else return i;
  }
  return -1;
}

/**
 * The 3,755 most common Chinese characters (GB2312 level 1, rows 0xB0–0xD7),
 * read off the platform's own decoder. Real text, in either encoding, is
 * nearly all of them; the other encoding's reading of the same bytes is rare
 * characters and U+FFFD.
 */
let commonHan: Set<string> | null = null;
function commonHanSet(): Set<string> {
  if (commonHan) return commonHan;
  const bytes: number[] = [];
  for (let lead = 0xb0; lead <= 0xd7; lead++) for (let trail = 0xa1; trail <= 0xfe; trail++) bytes.push(lead, trail);
  commonHan = new Set([...new TextDecoder('gb18030').decode(new Uint8Array(bytes))].filter((c) => /\p{Script=Han}/u.test(c)));
  return commonHan;
}

/** Share of the non-ASCII characters of `text` that are common Chinese characters. */
function commonHanShare(text: string): number {
  const common = commonHanSet();
  let wide = 0;
  let han = 0;
  for (const c of text) {
    if (c.charCodeAt(0) < 0x80) continue;
    wide++;
    if (common.has(c)) han++;
  }
  return wide ? han / wide : 0;
}

function countReplacement(text: string): number {
  let n = 0;
  for (const c of text) if (c === '\uFFFD') n++;
  return n;
}

/** Byte offset of the first invalid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    let n = 0;
    if (c < 0x80) n = 0;
    else if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) n = 2;
    else if (c >= 0xf0 && c <= 0xf4) n = 3;
    else return i;
    if (i + n >= b.length + (n ? 0 : 1)) return i;
    for (let k = 1; k <= n; k++) if ((b[i + k] & 0xc0) !== 0x80) return i;
    // Overlong and surrogate forms.
    if (c === 0xe0 && b[i + 1] < 0xa0) return i;
    if (c === 0xed && b[i + 1] >= 0xa0) return i;
    if (c === 0xf0 && b[i + 1] < 0x90) return i;
    if (c === 0xf4 && b[i + 1] >= 0x90) return i;
    i += n + 1;
  }
  return -1;
}

/**
 * Mojibake guard: binary data decoded as text is full of control characters
 * and U+FFFD. A text page with a damaged stretch still reads mostly fine, so
 * replacement characters are tolerated up to half the text, controls barely.
 */
function looksLikeText(text: string): boolean {
  if (!text) return true;
  let replaced = 0;
  let control = 0;
  let total = 0;
  for (const c of text) {
    total++;
    const cp = c.codePointAt(0)!;
    if (c === '\uFFFD') replaced++;
    else if ((cp < 0x20 && c !== '\n' && c !== '\r' && c !== '\t' && c !== '\f') || (cp >= 0xe000 && cp <= 0xf8ff)) control++;
  }
  return replaced / total < 0.5 && control / total < 0.05;
}
