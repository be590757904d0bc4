import type { Corpus } from './corpus.ts';

/** The short build report printed after every build (README: Troubleshooting). */
export function formatReport(corpus: Corpus, ms: number): string {
  const r = corpus.report;
  const lines = [
    `pages: ${r.pages} found, ${r.accepted} read, ${r.skipped.length} skipped`,
    `articles: ${corpus.articles.length}, events: ${corpus.events.length}, figures: ${corpus.figures.length}, unplaced fragments: ${corpus.fragments.length}`,
    `characters: ${r.charsKept} kept of ${r.charsRead} read${r.charsKept === r.charsRead ? '' : '  ← LOST TEXT'}`,
    `time: ${(ms / 1000).toFixed(2)} s`,
  ];
  for (const s of r.skipped) lines.push(`skipped ${s.file}: ${s.reason}`);
  for (const w of r.warnings) lines.push(`warning ${w.file}: ${w.message}`);
  return lines.join('\n');
}

/** A one-line terminal progress bar with pages/s, redrawn in place. */
export function progressBar(stream: NodeJS.WriteStream): (done: number, total: number, final?: boolean) => void {
  const started = performance.now();
  let last = 0;
  return (done, total, final = false) => {
    const now = performance.now();
    if (!final && now - last < 100) return;
    last = now;
    const width = 30;
    const filled = total ? Math.round((done / total) * width) : width;
    const rate = done / Math.max((now - started) / 1000, 1e-3);
    stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} pages  ${rate.toFixed(0)} pages/s`);
    if (final) stream.write('\n');
  };
}
