import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { decodePage, firstInvalidUtf8, normaliseLineEnds } from '../../src/pipeline/decode.ts';

const TEXT = '职工互助保障\r\n送温暖 2907.5万元\n';
const utf16le = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
const utf16be = (s: string) => {
  const le = Buffer.from(s, 'utf16le');
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
  return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
};
// GB18030 bytes of 中文互助 (the encoder is not in TextEncoder, so spelled out).
const GB = Buffer.from([0xd6, 0xd0, 0xce, 0xc4, 0xbb, 0xa5, 0xd6, 0xfa]);

describe('decodePage', () => {
  test.each([
    ['UTF-8', Buffer.from(TEXT), 'utf-8'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]), 'utf-8-bom'],
    ['UTF-16 LE with BOM', utf16le(TEXT), 'utf-16le'],
    ['UTF-16 BE with BOM', utf16be(TEXT), 'utf-16be'],
  ])('%s', (_name, bytes, encoding) => {
    const d = decodePage(bytes);
    expect(d).toMatchObject({ encoding, text: '职工互助保障\n送温暖 2907.5万元\n', warnings: [] });
  });

  test.each([
    ['LE', utf16le('互助\uFFFD保障\n'), 'utf-16le'],
    ['BE', utf16be('互助\uFFFD保障\n'), 'utf-16be'],
  ])('UTF-16 %s: a U+FFFD the file holds is text, not a decoding error (fast-check found it)', (_name, bytes, encoding) => {
    expect(decodePage(bytes)).toEqual({ encoding, text: '互助\uFFFD保障\n', warnings: [] });
  });

  test('UTF-16: a lone surrogate is replaced and reported', () => {
    const bytes = Buffer.concat([utf16le('互助'), Buffer.from([0x00, 0xd8]), Buffer.from('保障', 'utf16le')]);
    expect(decodePage(bytes)).toMatchObject({ encoding: 'utf-16le', text: '互助\uFFFD保障', warnings: ['1 invalid utf-16le code unit(s) replaced with U+FFFD'] });
  });

  test('GB18030 is detected, not guessed as UTF-8', () => {
    expect(decodePage(GB)).toMatchObject({ encoding: 'gb18030', text: '中文互助', warnings: [] });
  });

  test('a valid prefix with invalid bytes is kept and reported with the byte offset', () => {
    const bytes = Buffer.concat([Buffer.from('互助金发放'), Buffer.from([0xff, 0xfe, 0x80]), Buffer.from('完毕')]);
    const d = decodePage(bytes);
    if ('rejected' in d) throw new Error(d.rejected);
    expect(d.text.startsWith('互助金发放')).toBe(true);
    expect(d.text.endsWith('完毕')).toBe(true);
    expect(d.warnings.join()).toMatch(/byte 15/);
  });

  test.each([
    ['PDF', Buffer.from('%PDF-1.7\n%âãÏÓ\n'), /PDF/],
    ['PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), /PNG/],
    ['ZIP', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]), /ZIP/],
    ['binary with NUL', Buffer.from([0x41, 0x00, 0x42, 0x00, 0x43]), /NUL/],
  ])('%s is rejected with a reason', (_name, bytes, reason) => {
    const d = decodePage(bytes);
    expect('rejected' in d && d.rejected).toMatch(reason);
  });

  test.each([
    ['a\r\nb', 'a\nb'],
    ['a\rb', 'a\nb'],
    ['a\r\n\r\nb\r', 'a\n\nb\n'],
  ])('line ends %j → %j', (input, expected) => {
    expect(normaliseLineEnds(input)).toBe(expected);
  });

  test('firstInvalidUtf8 agrees with the platform decoder on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        let valid = true;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        } catch {
          valid = false;
        }
        expect(firstInvalidUtf8(bytes) === -1).toBe(valid);
      }),
    );
  });

  test('never throws on arbitrary bytes; decoded text has no CR', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 256 }), (bytes) => {
        const d = decodePage(bytes);
        if (!('rejected' in d)) expect(d.text.includes('\r')).toBe(false);
      }),
    );
  });
});
