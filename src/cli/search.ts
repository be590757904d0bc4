import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { folderSource } from '../pipeline/search-source.ts';
import { SearchEngine } from '../shared/search.ts';
import type { SearchHit } from '../shared/types.ts';
import { readManifest, runCli, UsageError } from './common.ts';

const USAGE =
  'usage: npm run search -- --data <data folder> [--limit N] (--json "<query>" | --queries <file with a JSON array of queries>) [--out <file>]';

await runCli(async () => {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      limit: { type: 'string' },
      json: { type: 'string' },
      queries: { type: 'string' },
      out: { type: 'string' },
    },
  });
  if (!values.data) throw new UsageError('--data is required');
  if ((values.json === undefined) === (values.queries === undefined)) {
    throw new UsageError('give exactly one of --json "<query>" or --queries <file>');
  }
  const limit = values.limit === undefined ? 20 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit must be a positive whole number (got "${values.limit}")`);

  const manifest = await readManifest(values.data);
  const engine = await SearchEngine.open(folderSource(values.data, manifest));
  const run = async (q: string): Promise<SearchHit[]> => (await engine.search(q, { limit })).hits;

  let result: unknown;
  if (values.json !== undefined) {
    result = await run(values.json);
  } else {
    let queries: unknown;
    try {
      queries = JSON.parse(await readFile(values.queries!, 'utf8'));
    } catch (e) {
      throw new UsageError(`cannot read queries from ${values.queries}: ${(e as Error).message}`);
    }
    if (!Array.isArray(queries) || !queries.every((q) => typeof q === 'string')) {
      throw new UsageError(`${values.queries} must hold a JSON array of query strings`);
    }
    const answers: Record<string, SearchHit[]> = {};
    for (const q of queries as string[]) answers[q] = await run(q);
    result = answers;
  }
  const output = JSON.stringify(result, null, 2);
  if (values.out) await writeFile(values.out, output + '\n');
  else process.stdout.write(output + '\n');
}, USAGE);
