/**
 * Issue 8: failures we cannot make with real files here (the tests run as
 * root, so chmod does not stop a read), injected instead: a permission error
 * on read, and a page that makes the pipeline throw. Neither may end the
 * build; each is reported with the file's name and no stack trace.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';

vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  const readFile = (async (path: Parameters<typeof fs.readFile>[0], ...rest: unknown[]) => {
    if (String(path).endsWith('locked.txt')) throw Object.assign(new Error(`EACCES: permission denied, open '${String(path)}'`), { code: 'EACCES' });
    return (fs.readFile as (...a: unknown[]) => unknown)(path, ...rest);
  }) as typeof fs.readFile;
  return { ...fs, readFile, default: { ...fs, readFile } };
});

vi.mock('../../src/pipeline/page.ts', async (importOriginal) => {
  const page = await importOriginal<typeof import('../../src/pipeline/page.ts')>();
  return {
    ...page,
    processPage: (...args: Parameters<typeof page.processPage>) => {
      if (args[2].includes('BOOM')) throw new TypeError("Cannot read properties of undefined (reading 'kind')\n    at readPage (layout/index.ts:1:1)");
      return page.processPage(...args);
    },
  };
});

const { readCorpus } = await import('../../src/pipeline/corpus.ts');
const { formatReport } = await import('../../src/pipeline/report.ts');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'minsheng-inject-'));
  await writeFile(join(dir, 'a.txt'), '标题\n\n正文，互助金发放。\n');
  await writeFile(join(dir, 'locked.txt'), '标题\n\n正文。\n');
  await writeFile(join(dir, 'z-crash.txt'), '标题\n\nBOOM 正文。\n');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('an unreadable file and a page that crashes the pipeline are skipped with one-line reasons', async () => {
  const c = await readCorpus(dir);
  expect(c.report.accepted).toBe(1);
  expect(c.report.skipped).toEqual([
    { file: 'locked.txt', reason: 'permission denied' },
    { file: 'z-crash.txt', reason: "internal error, page not read: Cannot read properties of undefined (reading 'kind') (please report it with the page)" },
  ]);
  const report = formatReport(c, 10);
  expect(report).toMatch(/^skipped locked\.txt: permission denied$/m);
  expect(report).not.toMatch(/\n\s+at /);
  expect(c.report.charsKept).toBe(c.report.charsRead);
});
