import { expect, test } from 'vitest';
import fc from 'fast-check';
import { splitBlocks } from '../../src/pipeline/blocks.ts';

test('blocks keep exact offsets and count the blank lines before them', () => {
  const text = '\n\n标题一行\n\n正文第一段，\n同段第二行。\n\n\n\n图片说明。(新华社发)\n';
  const blocks = splitBlocks(text);
  expect(blocks.map((b) => [b.text, b.gapBefore])).toEqual([
    ['标题一行', 0],
    ['正文第一段，\n同段第二行。', 1],
    ['图片说明。(新华社发)', 3],
  ]);
  for (const b of blocks) expect(text.slice(b.start, b.end)).toBe(b.text);
});

test('every non-whitespace character lies in exactly one block', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom('互', '助', '金', '。', ' ', '\n', '\n\n', '\u3000', 'a'), { maxLength: 80 }), (parts) => {
      const text = parts.join('');
      const blocks = splitBlocks(text);
      const covered = new Array(text.length).fill(0);
      for (const b of blocks) for (let i = b.start; i < b.end; i++) covered[i]++;
      for (let i = 0; i < text.length; i++) {
        if (/\S/.test(text[i])) expect(covered[i]).toBe(1);
        else expect(covered[i]).toBeLessThanOrEqual(1);
      }
      for (let i = 1; i < blocks.length; i++) expect(blocks[i].start).toBeGreaterThan(blocks[i - 1].end);
    }),
  );
});

test.each([
  ['标题\n\u3000\u3000第一段。\n\u3000\u3000第二段。', ['标题', '第一段。', '第二段。']],
  ['标题\n    第一段。\n    第二段。', ['标题', '第一段。', '第二段。']],
  ['没有缩进的一行，\n续行。', ['没有缩进的一行，\n续行。']],
])('an indented line starts a new block: %j', (text, expected) => {
  expect(splitBlocks(text).map((b) => b.text)).toEqual(expected);
});
