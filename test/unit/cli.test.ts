import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile, mkdir, readdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BUNDLE_VERSION, CATALOG_CHUNK, dataFiles, docOfId, factsFile, newestFirst, shardFile, shardOf, type ArticleShard, type PageFacts, type CatalogPage, type Manifest } from '../../src/shared/bundle.ts';
import type { DateEvent, Figure } from '../../src/shared/types.ts';

/** The command-line contract, run as a user runs it (through tsx, as npm run does). */
const run = promisify(execFile);
const TSX = join('node_modules', '.bin', 'tsx');
async function cli(script: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(TSX, [`src/cli/${script}.ts`, ...args], { maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

let dir: string;
let data: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'minsheng-cli-'));
  data = join(dir, 'data');
  const r = await cli('corpus', ['--in', 'seeds', '--out', data]);
  expect(r.code, r.stderr).toBe(0);
}, 60_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('npm run corpus', () => {
  test('writes a manifest and hashed parts, and reports what it read', async () => {
    const files = (await readdir(data)).sort();
    expect(files).toEqual(
      expect.arrayContaining([
        'manifest.json',
        expect.stringMatching(/^shard-0\.[0-9a-f]{12}\.json$/),
        expect.stringMatching(/^catalog-0\.[0-9a-f]{12}\.json$/),
        expect.stringMatching(/^events\.[0-9a-f]{12}\.json$/),
        expect.stringMatching(/^figures\.[0-9a-f]{12}\.json$/),
        expect.stringMatching(/^search-meta\.[0-9a-f]{12}\.json$/),
        expect.stringMatching(/^search-0\.[0-9a-f]{12}\.bin$/),
      ]),
    );
    const manifest = JSON.parse(await readFile(join(data, 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest.version).toBe(BUNDLE_VERSION);
    expect(manifest.report).toMatchObject({ pages: 2, accepted: 2 });
    expect(manifest.report.charsKept).toBe(manifest.report.charsRead);
    // Every file the manifest names is there, with the size it says, and nothing else is.
    const named = dataFiles(manifest);
    let bytes = 0;
    for (const f of named.files) bytes += (await stat(join(data, f))).size;
    expect(bytes).toBe(named.bytes);
    expect(files).toEqual(['manifest.json', ...named.files].sort());
  });

  test('puts every page in the shard its id hashes to, and lists it in the catalog, newest first', async () => {
    const manifest = JSON.parse(await readFile(join(data, 'manifest.json'), 'utf8')) as Manifest;
    const read = async <T,>(file: string) => JSON.parse(await readFile(join(data, file), 'utf8')) as T;
    const shards = await Promise.all(Array.from({ length: manifest.files.shards.count }, (_, i) => read<ArticleShard>(shardFile(manifest.files.shards, i))));
    shards.forEach((shard, i) => {
      for (const d of shard.documents) expect(shardOf(d.id, shards.length)).toBe(i);
      for (const a of shard.articles) expect(shardOf(a.doc, shards.length)).toBe(i);
      for (const f of shard.fragments) expect(shardOf(f.doc, shards.length)).toBe(i);
    });
    const documents = shards.flatMap((s) => s.documents);
    const articles = shards.flatMap((s) => s.articles);
    const catalog = (await Promise.all(manifest.files.catalog.map((f) => read<CatalogPage[]>(f.file)))).flat();
    expect(manifest.files.catalog.length).toBe(Math.max(1, Math.ceil(documents.length / CATALOG_CHUNK)));
    expect(catalog.map((p) => p.id)).toEqual([...documents].sort(newestFirst).map((d) => d.id));
    expect(catalog.flatMap((p) => p.articles.map((a) => a.id)).sort()).toEqual(articles.map((a) => a.id).sort());
    const events = await read<DateEvent[]>(manifest.files.events.file);
    const figures = await read<Figure[]>(manifest.files.figures.file);
    // Each page's events and figures are also in its facts shard, and nowhere else among them.
    const { facts } = manifest.files;
    expect(facts.count).toBe(shards.length);
    const factShards = await Promise.all(Array.from({ length: facts.count }, (_, i) => read<PageFacts>(factsFile(facts, i))));
    factShards.forEach((f, i) => {
      for (const e of f.events) expect(shardOf(docOfId(e.article), facts.count)).toBe(i);
      for (const x of f.figures) expect(shardOf(docOfId(x.article), facts.count)).toBe(i);
    });
    expect(factShards.flatMap((f) => f.events.map((e) => e.id)).sort()).toEqual(events.map((e) => e.id).sort());
    expect(factShards.flatMap((f) => f.figures.map((x) => x.id)).sort()).toEqual(figures.map((x) => x.id).sort());
    expect(events.length).toBeGreaterThan(0);
    expect(manifest.counts).toEqual({
      pages: documents.length,
      articles: articles.length,
      paragraphs: articles.reduce((n, a) => n + a.paragraphs.length, 0),
      events: events.length,
      figures: figures.length,
    });
    const dates = documents.map((d) => d.published.date).filter((d): d is string => !!d).sort();
    expect(manifest.published).toEqual({ from: dates[0], to: dates.at(-1) });
  });

  test.each([
    [['--out', 'x'], /--in and --out are required/],
    [['--in', '/no/such/folder', '--out', 'x'], /does not exist/],
  ])('bad arguments %j fail with a one-line reason', async (args, message) => {
    const r = await cli('corpus', args);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  test('an empty folder and a folder of non-text files fail clearly, naming the files', async () => {
    const empty = join(dir, 'empty');
    await mkdir(empty);
    const r1 = await cli('corpus', ['--in', empty, '--out', join(dir, 'd1')]);
    expect(r1.code).toBe(1);
    expect(r1.stderr).toMatch(/no readable \.txt pages/);

    const junk = join(dir, 'junk');
    await mkdir(junk);
    await writeFile(join(junk, 'scan.txt'), Buffer.from('%PDF-1.5\n\x00\x01'));
    const r2 = await cli('corpus', ['--in', junk, '--out', join(dir, 'd2')]);
    expect(r2.code).toBe(1);
    expect(r2.stdout).toMatch(/skipped scan\.txt: not text: looks like a PDF/);
  });

  test('--strict turns a warning into a failure', async () => {
    const mixed = join(dir, 'mixed');
    await mkdir(mixed);
    await writeFile(join(mixed, 'a.txt'), '标题\n\n正文一段。\n');
    await writeFile(join(mixed, 'b.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    expect((await cli('corpus', ['--in', mixed, '--out', join(dir, 'd3')])).code).toBe(0);
    const strict = await cli('corpus', ['--in', mixed, '--out', join(dir, 'd4'), '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/--strict/);
  });
});

describe('npm run export', () => {
  test.each(['articles', 'events', 'figures'])('%s as JSON carry the contract fields', async (what) => {
    const r = await cli('export', ['--data', data, '--what', what, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const records = JSON.parse(r.stdout);
    expect(records.length).toBeGreaterThan(0);
    const fields = {
      articles: ['id', 'doc', 'file', 'title', 'date', 'paragraphs'],
      events: ['id', 'article', 'paragraph', 'text', 'start', 'end', 'precision', 'kind', 'sentence'],
      figures: ['id', 'article', 'paragraph', 'text', 'value', 'unit', 'qualifier', 'kind', 'metric', 'region', 'sentence'],
    }[what]!;
    for (const f of fields) expect(records[0]).toHaveProperty(f);
  });

  test('figures as CSV to a file', async () => {
    const out = join(dir, 'figures.csv');
    const r = await cli('export', ['--data', data, '--what', 'figures', '--format', 'csv', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const csv = await readFile(out, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('\uFEFFid,article,paragraph,text,value,unit,qualifier,kind,metric,region,date,pair,sentence');
    expect(csv).toMatch(/2907\.5万元,29075000,元,exact,money/);
  });

  test('articles export every article of every shard', async () => {
    const manifest = JSON.parse(await readFile(join(data, 'manifest.json'), 'utf8')) as Manifest;
    const r = await cli('export', ['--data', data, '--what', 'articles', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(manifest.counts.articles);
  });

  test('a data folder of another bundle version is refused with the fix', async () => {
    const old = join(dir, 'old');
    await mkdir(old);
    await writeFile(join(old, 'manifest.json'), JSON.stringify({ version: 2, files: {} }));
    const r = await cli('export', ['--data', old, '--what', 'events', '--format', 'json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`bundle version 2, this program reads ${BUNDLE_VERSION}: rebuild the data folder`));
  });

  test('an unknown --what is refused', async () => {
    const r = await cli('export', ['--data', data, '--what', 'people', '--format', 'json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--what must be/);
  });
});

describe('npm run search', () => {
  test('--json answers one query with contract hits', async () => {
    const r = await cli('search', ['--data', data, '--limit', '5', '--json', '互助金']);
    expect(r.code, r.stderr).toBe(0);
    const hits = JSON.parse(r.stdout);
    expect(hits.length).toBe(5);
    expect(hits[0]).toMatchObject({ article: expect.any(String), paragraph: expect.any(String), score: expect.any(Number) });
    expect(hits[0].snippet).toContain('<mark>互助金</mark>');
  });

  test('--queries maps every query to its hits', async () => {
    const file = join(dir, 'queries.json');
    await writeFile(file, JSON.stringify(['慰问', '慰問', 'huzhujin', '不存在的词语组合']));
    const out = join(dir, 'hits.json');
    const r = await cli('search', ['--data', data, '--queries', file, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const answers = JSON.parse(await readFile(out, 'utf8'));
    expect(Object.keys(answers)).toEqual(['慰问', '慰問', 'huzhujin', '不存在的词语组合']);
    expect(answers['慰問'].map((h: { paragraph: string }) => h.paragraph)).toEqual(answers['慰问'].map((h: { paragraph: string }) => h.paragraph));
    expect(answers['huzhujin'][0].snippet).toContain('<mark>互助金</mark>');
    expect(answers['不存在的词语组合']).toEqual([]);
  });

  test('giving both --json and --queries is refused', async () => {
    const r = await cli('search', ['--data', data, '--json', 'a', '--queries', 'b']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/exactly one/);
  });
});
