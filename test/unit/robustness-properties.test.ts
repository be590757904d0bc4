/**
 * Issue 8: property tests the per-module test files lack — the decoder on
 * every encoding it detects, splitBlocks on any Unicode, and the whole page
 * pipeline (layout, dates, figures) on hostile text: never throws, offsets
 * inside the text, lossless, deterministic.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { splitBlocks } from '../../src/pipeline/blocks.ts';
import { decodePage, firstInvalidGb18030, normaliseLineEnds } from '../../src/pipeline/decode.ts';
import { processPage } from '../../src/pipeline/page.ts';

/** Well-formed strings over any code point (no lone surrogates: no encoder can write those). */
const anyText = fc.string({ unit: 'grapheme', maxLength: 80 });
const utf16 = (s: string, le: boolean) => {
  const b = Buffer.from(s, 'utf16le');
  if (!le) for (let i = 0; i < b.length; i += 2) [b[i], b[i + 1]] = [b[i + 1], b[i]];
  return Buffer.concat([Buffer.from(le ? [0xff, 0xfe] : [0xfe, 0xff]), b]);
};
const expected = (s: string) => normaliseLineEnds(s);

describe('decodePage', () => {
  test('UTF-8 (with or without BOM) and UTF-16 LE/BE round-trip any text, line ends normalised', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const plain = decodePage(Buffer.from(s));
        // Text that starts like a binary format is rejected by design; everything else round-trips.
        if (!('rejected' in plain)) expect(plain.text).toBe(expected(s.replace(/^\uFEFF/, '')));
        for (const [bytes, encoding] of [
          [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s)]), 'utf-8-bom'],
          [utf16(s, true), 'utf-16le'],
          [utf16(s, false), 'utf-16be'],
        ] as const) {
          const d = decodePage(bytes);
          expect(d).toEqual({ text: expected(s), encoding, warnings: [] });
        }
      }),
      { numRuns: 300 },
    );
  });

  test('GB18030 text round-trips (four-byte codes too) when it is not also valid UTF-8', () => {
    // Bytes of the platform decoder's own two- and four-byte codes, ASCII between.
    const code = fc.oneof(
      fc.tuple(fc.integer({ min: 0xb0, max: 0xd7 }), fc.integer({ min: 0xa1, max: 0xfe })).map(([a, b]) => [a, b]),
      fc.tuple(fc.integer({ min: 0x81, max: 0x84 }), fc.integer({ min: 0x30, max: 0x39 }), fc.integer({ min: 0x81, max: 0xfe }), fc.integer({ min: 0x30, max: 0x39 })).map((x) => x),
      fc.constantFrom([0x0a], [0x20], [0x31], [0x41], [0xa3, 0xac], [0xa1, 0xa3]),
    );
    fc.assert(
      fc.property(fc.array(code, { minLength: 4, maxLength: 40 }), (codes) => {
        const bytes = Uint8Array.from(codes.flat());
        if (firstInvalidGb18030(bytes) !== -1) return; // e.g. a four-byte code past the mapped range
        const text = new TextDecoder('gb18030').decode(bytes);
        const d = decodePage(bytes);
        if ('rejected' in d) return; // controls-heavy or binary-looking: rejection is allowed, silence is not
        if (d.encoding === 'gb18030') expect(d.text).toBe(normaliseLineEnds(text));
        if (d.encoding === 'gb18030') expect(d.warnings).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  test('firstInvalidGb18030 agrees with the platform decoder', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 24 }), (bytes) => {
        let valid = true;
        try {
          new TextDecoder('gb18030', { fatal: true }).decode(bytes);
        } catch {
          valid = false;
        }
        expect(firstInvalidGb18030(bytes) === -1, Buffer.from(bytes).toString('hex')).toBe(valid);
      }),
      { numRuns: 2000 },
    );
  });

  test('deterministic; warnings name a byte inside the file; no BOM or CR in the text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 200 }), anyText.map((s) => Uint8Array.from(Buffer.from(s)))), (bytes) => {
        const d = decodePage(bytes);
        expect(decodePage(bytes)).toEqual(d);
        if ('rejected' in d) return;
        expect(d.text).not.toMatch(/\r/);
        for (const w of d.warnings) {
          const at = /at byte (\d+)/.exec(w);
          if (at) expect(Number(at[1])).toBeLessThan(bytes.length);
        }
      }),
      { numRuns: 500 },
    );
  });
});

test('splitBlocks on any Unicode: exact offsets, every visible character once, deterministic', () => {
  fc.assert(
    fc.property(fc.array(fc.oneof(anyText, fc.constantFrom('\n', '\n\n', '\u3000', '\u00a0', '\u200b', '\u2028', '\t')), { maxLength: 30 }), (parts) => {
      const text = parts.join('');
      const blocks = splitBlocks(text);
      expect(splitBlocks(text)).toEqual(blocks);
      let covered = 0;
      for (const b of blocks) {
        expect(b.start).toBeGreaterThanOrEqual(0);
        expect(b.end).toBeLessThanOrEqual(text.length);
        expect(text.slice(b.start, b.end)).toBe(b.text);
        covered += b.text.replace(/\s/g, '').length;
      }
      expect(covered).toBe(text.replace(/\s/g, '').length);
    }),
    { numRuns: 300 },
  );
});

describe('processPage on hostile text', () => {
  const piece = fc.constantFrom(
    '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '{{constructor}}', 'javascript:alert(1)', '=SUM(A1)',
    '互助\u200b金', '送\u00a0温暖', '\u0007', '\u202e', '２９０７.５万元', '2025年12月31日', '１２月', '185.7万人次', '截至', '。', '，',
    '\n', '\n\n', '\uFFFD', '😀', '本报武汉3月2日电', '（新华社发）',
  );
  const page = fc.array(fc.oneof(piece, fc.string({ unit: 'grapheme', maxLength: 12 })), { maxLength: 50 }).map((p) => p.join(''));

  test('never throws, keeps every character, and every record points into its paragraph', () => {
    fc.assert(
      fc.property(page, (text) => {
        const r = processPage('d', 'd.txt', text, 'utf-8');
        expect(r.charsKept).toBe(r.charsRead);
        const paragraphs = new Map(r.articles.flatMap((a) => a.paragraphs.map((p) => [p.id, p.text] as const)));
        for (const m of [...r.events, ...r.figures]) {
          const p = paragraphs.get(m.paragraph);
          expect(p).toBeDefined();
          expect(m.offset).toBeGreaterThanOrEqual(0);
          expect(p!.slice(m.offset, m.offset + m.length)).toBe(m.text);
        }
        expect(processPage('d', 'd.txt', text, 'utf-8')).toEqual(r);
      }),
      { numRuns: 150 },
    );
  });

  test('windowed reading of long paragraphs keeps offsets exact', () => {
    // Paragraphs longer than EXTRACT_WINDOW, with dates and figures on and near the cuts.
    const long = fc.integer({ min: 1, max: 3 }).chain((n) =>
      fc.array(fc.constantFrom('截至2025年12月31日，全省发放互助金2907.5万元', '职工'.repeat(37), '慰问185.7万人次。', '困难职工帮扶'), { minLength: 600 * n, maxLength: 700 * n }),
    );
    fc.assert(
      fc.property(long, (parts) => {
        const text = '标题\n\n' + parts.join('');
        const r = processPage('d', 'd.txt', text, 'utf-8');
        expect(r.charsKept).toBe(r.charsRead);
        const paragraphs = new Map(r.articles.flatMap((a) => a.paragraphs.map((p) => [p.id, p.text] as const)));
        for (const m of [...r.events, ...r.figures]) expect(paragraphs.get(m.paragraph)!.slice(m.offset, m.offset + m.length)).toBe(m.text);
        const written = (text.match(/2907\.5万元/g) ?? []).length;
        expect(r.figures.filter((f) => f.text === '2907.5万元').length).toBe(written);
      }),
      { numRuns: 5 },
    );
  }, 120_000);
});
