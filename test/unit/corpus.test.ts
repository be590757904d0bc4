import { symlink, chmod } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readCorpus, docIdFor, CorpusError } from '../../src/pipeline/corpus.ts';
import { tempFolders } from './temp-folders.ts';

const folder = tempFolders('minsheng-corpus-');

const PAGE = '\n\n全省职工互助保障工作会议召开\n\n本报武汉3月2日电 截至2025年12月31日，全省共有300家单位参保。\n\n会议要求，各级工会要做好帮扶工作。\n';

describe('readCorpus', () => {
  test('a missing folder is a clear error naming it', async () => {
    const missing = join(await folder('parent', {}), 'nope');
    await expect(readCorpus(missing)).rejects.toThrow(CorpusError);
    await expect(readCorpus(missing)).rejects.toThrow(/nope/);
  });

  test('an empty folder gives an empty corpus, not a crash', async () => {
    const c = await readCorpus(await folder('empty', {}));
    expect(c.report).toMatchObject({ pages: 0, accepted: 0 });
  });

  test('bad files are skipped with their reasons, good ones kept whole', async () => {
    const root = await folder('mixed', {
      'a/page.txt': PAGE.replace(/\n/g, '\r\n'),
      'b.txt': Buffer.from('%PDF-1.4\n…'),
      'c.txt': '',
      'd.txt': '  \n\n\u3000\n',
      'e.TXT': PAGE,
      'notes.md': 'ignored: not a page',
    });
    const c = await readCorpus(root);
    expect(c.report.pages).toBe(5);
    expect(c.report.accepted).toBe(2);
    expect(c.report.skipped).toEqual([
      { file: 'b.txt', reason: expect.stringMatching(/PDF/) },
      { file: 'c.txt', reason: expect.stringMatching(/empty/) },
      { file: 'd.txt', reason: expect.stringMatching(/whitespace/) },
    ]);
    expect(c.report.charsKept).toBe(c.report.charsRead);
    expect(c.documents.map((d) => d.file)).toEqual(['a/page.txt', 'e.TXT']);
    expect(c.articles.length).toBeGreaterThan(0);
    expect(c.articles[0].file).toBe('a/page.txt');
  });

  test('a sidecar overrides the inferred date; a broken one is reported', async () => {
    const root = await folder('sidecar', {
      'p1.txt': PAGE,
      'p1.json': JSON.stringify({ date: '2026-03-03', paper: '工人日报', page: '02' }),
      'p2.txt': PAGE,
      'p2.json': '{not json',
    });
    const c = await readCorpus(root);
    expect(c.documents[0].published).toMatchObject({ date: '2026-03-03', method: 'sidecar' });
    expect(c.documents[0].paper).toBe('工人日报');
    expect(c.report.warnings).toEqual([{ file: 'p2.json', message: expect.stringMatching(/not valid JSON/) }]);
  });

  test('a symlink loop is reported once, not followed forever', async () => {
    const root = await folder('loop', { 'x.txt': PAGE });
    await symlink(root, join(root, 'again'));
    const c = await readCorpus(root);
    expect(c.report.accepted).toBe(1);
    expect(c.report.skipped).toEqual([{ file: 'again', reason: expect.stringMatching(/loop/) }]);
  });

  test.skipIf(process.getuid?.() === 0)('an unreadable file is reported as permission denied', async () => {
    const root = await folder('perm', { 'x.txt': PAGE, 'y.txt': PAGE });
    await chmod(join(root, 'y.txt'), 0o000);
    const c = await readCorpus(root);
    expect(c.report.skipped).toEqual([{ file: 'y.txt', reason: 'permission denied' }]);
  });

  test('the seeds are read losslessly', async () => {
    const c = await readCorpus('seeds');
    expect(c.report.accepted).toBe(2);
    expect(c.report.charsRead).toBeGreaterThan(10_000);
    expect(c.report.charsKept).toBe(c.report.charsRead);
    const ids = c.articles.flatMap((a) => [a.id, ...a.paragraphs.map((p) => p.id)]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

test.each([
  ['000_9544aa7ef02d880a.txt', '000_9544aa7ef02d880a'],
  ['2021/02/工人日报 第3版.txt', '2021_02_工人日报_第3版'],
  ['../x.txt', 'x'],
])('docIdFor(%j) = %j', (file, id) => {
  expect(docIdFor(file)).toBe(id);
});
