import { stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { bundleCorpus, writeBundle } from '../pipeline/bundle.ts';
import { readCorpus } from '../pipeline/corpus.ts';
import { formatReport, progressBar } from '../pipeline/report.ts';
import { runCli, UsageError } from './common.ts';

const USAGE = `usage: npm run corpus -- --in <folder of .txt pages> --out <data folder> [--strict] [--quiet]`;

await runCli(async () => {
  const { values } = parseArgs({
    options: { in: { type: 'string' }, out: { type: 'string' }, strict: { type: 'boolean' }, quiet: { type: 'boolean' } },
  });
  if (!values.in || !values.out) throw new UsageError('--in and --out are required');
  const info = await stat(values.in).catch(() => null);
  if (!info) throw new UsageError(`input folder ${values.in} does not exist`);
  if (!info.isDirectory()) throw new UsageError(`--in ${values.in} is a file, not a folder of .txt pages`);

  const started = performance.now();
  const bar = values.quiet || !process.stderr.isTTY ? undefined : progressBar(process.stderr);
  const corpus = await readCorpus(values.in, bar);
  bar?.(corpus.report.pages, corpus.report.pages, true);
  const read = performance.now();
  const files = await bundleCorpus(corpus);
  const bundled = performance.now();
  await writeBundle(values.out, files);
  const ms = performance.now() - started;

  console.log(formatReport(corpus, ms));
  console.log(
    `phases: pages ${((read - started) / 1000).toFixed(2)} s, bundle ${((bundled - read) / 1000).toFixed(2)} s, write ${((performance.now() - bundled) / 1000).toFixed(2)} s`,
  );
  console.log(`wrote ${files.size} files to ${values.out}`);
  if (corpus.report.accepted === 0) {
    throw new Error(`no readable .txt pages in ${values.in}`);
  }
  const problems = corpus.report.skipped.length + corpus.report.warnings.length;
  if (values.strict && problems > 0) {
    throw new Error(`--strict: ${problems} warning(s) above`);
  }
}, USAGE);
