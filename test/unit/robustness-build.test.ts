/**
 * Issue 8, build time: every kind of bad input a user's folder can hold, each
 * with a fixture written here. The pipeline must read what is text, skip what
 * is not with a reason, lose no character, and never crash.
 */
import { symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { bundleCorpus } from '../../src/pipeline/bundle.ts';
import { readCorpus, type Corpus } from '../../src/pipeline/corpus.ts';
import { decodePage } from '../../src/pipeline/decode.ts';
import { readPageBytes } from '../../src/pipeline/files.ts';
import { formatReport } from '../../src/pipeline/report.ts';
import type { CatalogPage, Manifest } from '../../src/shared/bundle.ts';
import { toCsv } from '../../src/shared/csv.ts';
import { openInMemory } from '../../src/pipeline/search-source.ts';
import { tempFolders } from './temp-folders.ts';

/*
 * Encoders for the fixtures. TextEncoder only writes UTF-8, so UTF-16 is
 * written through Buffer and GBK through a table read off the platform's
 * GB18030 decoder (every two-byte code → its character); a test below checks
 * the decoder against byte sequences spelled out by hand, so the table is not
 * the only witness.
 */
const utf8bom = (s: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s)]);
const utf16le = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
const utf16be = (s: string) => {
  const le = Buffer.from(s, 'utf16le');
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
  return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
};
let gbkTable: Map<string, number[]> | null = null;
function gbk(s: string): Uint8Array {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gb18030');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const c = decoder.decode(new Uint8Array([lead, trail]));
        if (c.length === 1 && !gbkTable.has(c)) gbkTable.set(c, [lead, trail]);
      }
    }
  }
  return Uint8Array.from([...s].flatMap((c) => {
    if (c.charCodeAt(0) < 0x80) return [c.charCodeAt(0)];
    const bytes = gbkTable!.get(c);
    if (!bytes) throw new Error(`no GBK code for ${c}`);
    return bytes;
  }));
}

const folder = tempFolders('minsheng-robust-');

const PAGE = '全省职工互助保障工作会议召开\n\n本报武汉3月2日电 截至2025年12月31日，全省共有300家单位参保，发放互助金2907.5万元。\n\n会议要求，各级工会要做好帮扶工作。\n';

/** All the text the corpus kept, in article and fragment order. */
function keptText(c: Corpus): string {
  return [...c.articles.flatMap((a) => a.paragraphs.map((p) => p.text)), ...c.fragments.map((f) => f.text)].join('\n');
}
const visible = (s: string) => s.replace(/\s+/gu, '');

function expectLossless(c: Corpus) {
  expect(c.report.charsRead).toBeGreaterThan(0);
  expect(c.report.charsKept).toBe(c.report.charsRead);
  expect(c.report.warnings.filter((w) => /^kept \d+ of/.test(w.message))).toEqual([]);
}

describe('encodings', () => {
  test('UTF-8, UTF-8 with BOM, UTF-16 LE/BE with BOM and GBK all decode to the same page', async () => {
    const root = await folder('encodings', {
      'a-utf8.txt': PAGE,
      'b-utf8bom.txt': utf8bom(PAGE),
      'c-utf16le.txt': utf16le(PAGE),
      'd-utf16be.txt': utf16be(PAGE),
      'e-gbk.txt': gbk(PAGE),
    });
    const c = await readCorpus(root);
    expect(c.report.skipped).toEqual([]);
    expect(c.report.warnings).toEqual([]);
    expect(c.documents.map((d) => [d.file, d.encoding])).toEqual([
      ['a-utf8.txt', 'utf-8'],
      ['b-utf8bom.txt', 'utf-8-bom'],
      ['c-utf16le.txt', 'utf-16le'],
      ['d-utf16be.txt', 'utf-16be'],
      ['e-gbk.txt', 'gb18030'],
    ]);
    // Same text → the same articles, whatever the encoding (no BOM left in a title).
    const titles = c.documents.map((d) => c.articles.filter((a) => a.doc === d.id).map((a) => a.title));
    for (const t of titles) expect(t).toEqual(titles[0]);
    expect(titles[0][0]).toBe('全省职工互助保障工作会议召开');
    expect(c.figures.filter((f) => f.text === '2907.5万元')).toHaveLength(5);
    expectLossless(c);
  });

  test('GBK written from known byte sequences (not from our own table) is read as GB18030', () => {
    // 中文互助 and 职工 in GBK, spelled out byte by byte.
    const bytes = Uint8Array.from([0xd6, 0xd0, 0xce, 0xc4, 0xbb, 0xa5, 0xd6, 0xfa, 0x0a, 0xd6, 0xb0, 0xb9, 0xa4]);
    expect(decodePage(bytes)).toEqual({ text: '中文互助\n职工', encoding: 'gb18030', warnings: [] });
  });

  test('a GBK page with a damaged byte is kept, the damage reported with its byte offset', async () => {
    const good = gbk(PAGE);
    const damaged = Uint8Array.from([...good.subarray(0, 20), 0xff, ...good.subarray(20)]);
    const root = await folder('gbk-damaged', { 'p.txt': damaged });
    const c = await readCorpus(root);
    expect(c.documents.map((d) => d.encoding)).toEqual(['gb18030']);
    expect(c.report.warnings).toEqual([{ file: 'p.txt', message: 'invalid GB18030 at byte 20: 1 character(s) replaced with U+FFFD' }]);
    expect(keptText(c)).toContain('发放互助金2907.5万元');
    expectLossless(c);
  });

  test('a UTF-8 page with a damaged stretch keeps the rest and names the byte (never read as GBK mojibake)', async () => {
    const bytes = Buffer.concat([Buffer.from('标题\n\n互助金发放'), Buffer.from([0xe4, 0xba]), Buffer.from('完毕。送温暖活动\n')]);
    const root = await folder('utf8-damaged', { 'p.txt': bytes });
    const c = await readCorpus(root);
    expect(c.documents.map((d) => d.encoding)).toEqual(['utf-8']);
    expect(c.report.warnings).toEqual([{ file: 'p.txt', message: expect.stringMatching(/^invalid UTF-8 at byte 23: 1 character\(s\) replaced/) }]);
    expect(keptText(c)).toContain('互助金发放\uFFFD完毕。送温暖活动');
    expectLossless(c);
  });
});

describe('shapes', () => {
  test('empty, 0-byte, whitespace-only and BOM-only files are skipped with a reason', async () => {
    const root = await folder('empty-ish', {
      'a.txt': '',
      'b.txt': ' \t\n\r\n\u3000\u00a0\n',
      'c.txt': utf8bom(''),
      'd.txt': utf16le('\r\n  \r\n'),
      'e.txt': PAGE,
    });
    const c = await readCorpus(root);
    expect(c.report.skipped).toEqual([
      { file: 'a.txt', reason: 'empty file (0 bytes)' },
      { file: 'b.txt', reason: 'no text: whitespace only' },
      { file: 'c.txt', reason: 'no text: whitespace only' },
      { file: 'd.txt', reason: 'no text: whitespace only' },
    ]);
    expect(c.report.accepted).toBe(1);
  });

  test('CRLF and lone CR pages give the same records as LF, with offsets into the normalised text', async () => {
    const root = await folder('line-ends', { 'lf.txt': PAGE, 'crlf.txt': PAGE.replace(/\n/g, '\r\n'), 'cr.txt': PAGE.replace(/\n/g, '\r') });
    const c = await readCorpus(root);
    const strip = (a: (typeof c.articles)[number]) => ({ title: a.title, paragraphs: a.paragraphs.map((p) => [p.kind, p.text, p.spans]) });
    const byFile = (f: string) => c.articles.filter((a) => a.file === f).map(strip);
    expect(byFile('crlf.txt')).toEqual(byFile('lf.txt'));
    expect(byFile('cr.txt')).toEqual(byFile('lf.txt'));
    for (const a of c.articles) for (const p of a.paragraphs) expect(p.text).not.toMatch(/\r/);
    // Spans index the decoded, normalised page.
    for (const a of c.articles.filter((x) => x.file === 'cr.txt')) {
      for (const p of a.paragraphs) expect(p.spans.map((s) => PAGE.slice(s.start, s.end)).join('')).toBe(p.text);
    }
    expectLossless(c);
  });

  test('control characters, zero-width spaces and NBSP inside words are kept, and 互助\\u200b金 is found by 互助金', async () => {
    const page = '职工互助\u200b金发放仪式\n\n今年全省发放互助\u200b金3000万元，送\u00a0温暖\u0007活动覆盖\u2060全部\u000b职工。\n';
    const root = await folder('invisible', { 'p.txt': page });
    const c = await readCorpus(root);
    expectLossless(c);
    expect(keptText(c)).toContain('互助\u200b金3000万元，送\u00a0温暖\u0007活动');
    const engine = await openInMemory(await bundleCorpus(c));
    const result = await engine.search('互助金');
    expect(result.total).toBeGreaterThanOrEqual(2);
    expect(result.hits[0].snippet).toMatch(/<mark>互助\u200b?金<\/mark>/);
    expect((await engine.search('送温暖')).total).toBe(1);
  });

  test('full-width digits: ２９０７.５万元 is 29,075,000 元', async () => {
    const root = await folder('fullwidth', { 'p.txt': '互助金发放\n\n全省发放互助金２９０７.５万元，惠及职工１２３４５人次。\n' });
    const c = await readCorpus(root);
    const money = c.figures.find((f) => f.unit === '元');
    expect(money).toMatchObject({ text: '２９０７.５万元', value: 29_075_000, unit: '元' });
    const people = c.figures.find((f) => f.unit === '人次');
    expect(people).toMatchObject({ value: 12_345 });
    expectLossless(c);
  });

  test('a 1 MB line without punctuation is read whole, in reasonable time', async () => {
    const line = '职工互助保障工会送温暖困难帮扶慰问'.repeat(Math.ceil(1_000_000 / 51));
    const root = await folder('long-line', { 'p.txt': line });
    const started = performance.now();
    const c = await readCorpus(root);
    expect(performance.now() - started).toBeLessThan(60_000);
    expectLossless(c);
    expect(visible(keptText(c)).length).toBe(line.length);
  }, 120_000);
});

describe('not text', () => {
  test('a PDF, a PNG, a ZIP, a JPEG and a gzip renamed .txt are skipped, never indexed', async () => {
    const root = await folder('binary', {
      'a.txt': Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>>\nstream\n'), Buffer.alloc(64, 0x9c)]),
      'b.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
      'c.txt': Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0]), Buffer.from('word/document.xml')]),
      'd.txt': Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]),
      'e.txt': Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 3]),
      'f.txt': Buffer.from(Array.from({ length: 400 }, (_, i) => (i * 37 + 11) % 256).filter((b) => b !== 0)),
      'ok.txt': PAGE,
    });
    const c = await readCorpus(root);
    expect(c.report.skipped.map((s) => [s.file, s.reason])).toEqual([
      ['a.txt', 'not text: looks like a PDF document'],
      ['b.txt', 'not text: looks like a PNG image'],
      ['c.txt', 'not text: looks like a ZIP archive (or .docx/.xlsx)'],
      ['d.txt', 'not text: looks like a JPEG image'],
      ['e.txt', 'not text: looks like a gzip archive'],
      ['f.txt', expect.stringMatching(/^not text: invalid UTF-8 from byte \d+ and not GB18030 either$/)],
    ]);
    expect(c.documents.map((d) => d.file)).toEqual(['ok.txt']);
  });

  test('a loop of file links, a dangling link and a folder link loop are reported, not followed', async () => {
    const root = await folder('links', { 'ok.txt': PAGE, 'sub/x.txt': PAGE });
    await symlink(join(root, 'b.txt'), join(root, 'a.txt'));
    await symlink(join(root, 'a.txt'), join(root, 'b.txt'));
    await symlink(join(root, 'gone.txt'), join(root, 'dangling.txt'));
    await symlink(root, join(root, 'sub', 'up'));
    const c = await readCorpus(root);
    expect(c.report.skipped).toEqual([
      { file: 'a.txt', reason: 'symbolic link loop' },
      { file: 'b.txt', reason: 'symbolic link loop' },
      { file: 'dangling.txt', reason: 'broken symbolic link: its target does not exist' },
      { file: 'sub/up', reason: expect.stringMatching(/loop/) },
    ]);
    expect(c.documents.map((d) => d.file)).toEqual(['ok.txt', 'sub/x.txt']);
  });

  test('a folder named x.txt is walked as a folder; reading a folder as a page says so', async () => {
    const root = await folder('dir-named-txt', { 'x.txt/inner.txt': PAGE });
    const c = await readCorpus(root);
    expect(c.documents.map((d) => d.file)).toEqual(['x.txt/inner.txt']);
    expect(await readPageBytes({ file: 'x.txt', path: join(root, 'x.txt') })).toEqual({ file: 'x.txt', reason: 'is a folder' });
  });
});

describe('text that looks like markup', () => {
  const HOSTILE = [
    '<script>alert(1)</script>互助金',
    '<img src=x onerror=alert(2)>送温暖',
    '{{constructor.constructor("alert(3)")()}}慰问',
    'javascript:alert(4) 帮扶',
    '=HYPERLINK("http://evil.example","互助金")',
  ];
  const page = `互助金发放<b>通知</b>\n\n${HOSTILE.join('\n\n')}\n`;

  test('is kept verbatim in articles, escaped in search snippets, inert in CSV', async () => {
    const root = await folder('markup', { 'p.txt': page });
    const c = await readCorpus(root);
    expectLossless(c);
    const kept = keptText(c);
    for (const h of HOSTILE) expect(kept).toContain(h);

    const files = await bundleCorpus(c);
    const manifest = JSON.parse(files.get('manifest.json') as string) as Manifest;
    const catalog = JSON.parse(files.get(manifest.files.catalog[0].file) as string) as CatalogPage[];
    expect(catalog.some((p) => p.articles.some((a) => a.title.includes('<b>通知</b>')))).toBe(true);
    const engine = await openInMemory(files);
    const snippets = (await engine.search('互助金', { limit: 50 })).hits.map((h) => h.snippet).join('\n');
    // Only <mark> survives as markup; everything from the page is escaped.
    expect(snippets.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
    expect(snippets).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');

    const csv = toCsv(['text'], c.articles.flatMap((a) => a.paragraphs.map((p) => ({ text: p.text }))));
    expect(csv).toContain('<img src=x onerror=alert(2)>送温暖');
    expect(csv).not.toMatch(/^=HYPERLINK/m);
    expect(csv).not.toMatch(/^"=HYPERLINK/m);
  });
});

describe('the build report', () => {
  test('pages read, skipped and why, characters kept = read', async () => {
    const root = await folder('report', {
      'good.txt': PAGE,
      'scan.txt': Buffer.from('%PDF-1.4\n'),
      'empty.txt': '',
      'bad-utf8.txt': Buffer.concat([Buffer.from('标题\n\n正文'), Buffer.from([0xc3]), Buffer.from('完。\n')]),
    });
    const c = await readCorpus(root);
    const report = formatReport(c, 1234);
    expect(report).toMatch(/^pages: 4 found, 2 read, 2 skipped$/m);
    expect(report).toMatch(/^characters: (\d+) kept of \1 read$/m);
    expect(report).toMatch(/^skipped empty\.txt: empty file \(0 bytes\)$/m);
    expect(report).toMatch(/^skipped scan\.txt: not text: looks like a PDF document$/m);
    expect(report).toMatch(/^warning bad-utf8\.txt: invalid UTF-8 at byte 14: 1 character\(s\) replaced with U\+FFFD$/m);
    expect(report).not.toMatch(/LOST TEXT/);
  });
});
