import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { toCsv } from '../shared/csv.ts';
import type { DateEvent, Figure } from '../shared/types.ts';
import { readArticles, readEvents, readFigures, readManifest, runCli, UsageError } from './common.ts';

const USAGE =
  'usage: npm run export -- --data <data folder> --what articles|events|figures --format json|csv [--out <file>]';

const EVENT_COLUMNS = ['id', 'article', 'paragraph', 'text', 'start', 'end', 'precision', 'kind', 'sentence', 'approximate', 'inferred', 'places', 'people'];
const FIGURE_COLUMNS = ['id', 'article', 'paragraph', 'text', 'value', 'unit', 'qualifier', 'kind', 'metric', 'region', 'date', 'pair', 'sentence'];
// One row per paragraph: a CSV cannot nest, and per-paragraph rows keep every id linkable.
const ARTICLE_COLUMNS = ['id', 'doc', 'file', 'title', 'date', 'paragraph', 'kind', 'text'];

await runCli(async () => {
  const { values } = parseArgs({
    options: { data: { type: 'string' }, what: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } },
  });
  if (!values.data) throw new UsageError('--data is required');
  const what = values.what;
  if (what !== 'articles' && what !== 'events' && what !== 'figures') {
    throw new UsageError(`--what must be articles, events or figures${what ? ` (got "${what}")` : ''}`);
  }
  const format = values.format ?? 'json';
  if (format !== 'json' && format !== 'csv') throw new UsageError(`--format must be json or csv (got "${format}")`);

  const manifest = await readManifest(values.data);
  let output: string;
  if (what === 'articles') {
    const articles = await readArticles(values.data, manifest);
    output =
      format === 'json'
        ? JSON.stringify(articles.map(({ id, doc, file, title, date, paragraphs }) => ({
            id, doc, file, title, date,
            paragraphs: paragraphs.map(({ id, kind, text, spans }) => ({ id, kind, text, spans })),
          })), null, 2)
        : toCsv(ARTICLE_COLUMNS, articles.flatMap((a) =>
            a.paragraphs.map((p) => ({ id: a.id, doc: a.doc, file: a.file, title: a.title, date: a.date, paragraph: p.id, kind: p.kind, text: p.text })),
          ));
  } else {
    const records: (DateEvent | Figure)[] = what === 'events' ? await readEvents(values.data, manifest) : await readFigures(values.data, manifest);
    output =
      format === 'json'
        ? JSON.stringify(records, null, 2)
        : toCsv(what === 'events' ? EVENT_COLUMNS : FIGURE_COLUMNS, records as unknown as Record<string, unknown>[]);
  }
  if (values.out) {
    await writeFile(values.out, output);
    console.error(`wrote ${what} (${format}) to ${values.out}`);
  } else {
    process.stdout.write(format === 'json' ? output + '\n' : output);
  }
}, USAGE);
