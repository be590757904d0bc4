import { readFile, stat } from 'node:fs/promises';
import type { Article, DateEvent, Figure, Fragment, PageDocument } from '../shared/types.ts';
import { decodePage } from './decode.ts';
import { describeError, listPages, readPageBytes, type Skipped } from './files.ts';
import type { PageRecords, Sidecar } from './page.ts';
import { PagePool } from './pool.ts';

export interface BuildReport {
  /** Page files found. */
  pages: number;
  accepted: number;
  skipped: Skipped[];
  warnings: { file: string; message: string }[];
  /** Non-whitespace characters read from accepted pages and kept in the bundle. */
  charsRead: number;
  charsKept: number;
}

export interface Corpus {
  documents: PageDocument[];
  articles: Article[];
  events: DateEvent[];
  figures: Figure[];
  fragments: Fragment[];
  report: BuildReport;
}

export class CorpusError extends Error {}

/**
 * Read every `.txt` page under `inDir` into a corpus. Nothing is dropped
 * silently: a file that cannot be read or is not text is listed in
 * `report.skipped` with the reason.
 */
export async function readCorpus(
  inDir: string,
  onProgress?: (done: number, total: number) => void,
): Promise<Corpus> {
  const info = await stat(inDir).catch((e: unknown) => {
    throw new CorpusError(`cannot read the input folder ${inDir}: ${describeError(e)}`);
  });
  if (!info.isDirectory()) throw new CorpusError(`${inDir} is a file, not a folder of .txt pages`);
  const { pages, skipped } = await listPages(inDir);
  const corpus: Corpus = {
    documents: [],
    articles: [],
    events: [],
    figures: [],
    fragments: [],
    report: { pages: pages.length, accepted: 0, skipped, warnings: [], charsRead: 0, charsKept: 0 },
  };
  const ids = new Set<string>();
  const pool = new PagePool(PagePool.threadsFor(pages.length));
  const pending: Promise<{ file: string; records: PageRecords } | { file: string; failure: string }>[] = [];
  let done = 0;
  try {
    // Read and decode here (I/O), process on the pool (CPU); keep the source
    // order for ids and output whatever order the workers finish in.
    for (const page of pages) {
      const bytes = await readPageBytes(page);
      if (!(bytes instanceof Uint8Array)) {
        skipped.push(bytes);
        onProgress?.(++done, pages.length);
        continue;
      }
      const decoded = decodePage(bytes);
      if ('rejected' in decoded || decoded.text.trim() === '') {
        const reason =
          'rejected' in decoded ? decoded.rejected : bytes.length === 0 ? 'empty file (0 bytes)' : 'no text: whitespace only';
        skipped.push({ file: page.file, reason });
        onProgress?.(++done, pages.length);
        continue;
      }
      for (const message of decoded.warnings) corpus.report.warnings.push({ file: page.file, message });
      const sidecar = await readSidecar(page.path, page.file, corpus.report.warnings);
      const docId = uniqueId(docIdFor(page.file), ids);
      const job = { index: pending.length, docId, file: page.file, text: decoded.text, encoding: decoded.encoding, sidecar };
      pending.push(
        // A page that makes the pipeline throw is skipped and reported, never
        // the end of the build (new Promise: run() throws synchronously when
        // there are no worker threads).
        new Promise<PageRecords>((resolve) => resolve(pool.run(job))).then(
          (records) => {
            onProgress?.(++done, pages.length);
            return { file: page.file, records };
          },
          (e: unknown) => {
            onProgress?.(++done, pages.length);
            return { file: page.file, failure: firstLine(e) };
          },
        ),
      );
      // Back-pressure: never hold more than a few hundred decoded pages at once.
      await pool.drained(256);
    }
    for (const result of await Promise.all(pending)) {
      if ('failure' in result) {
        skipped.push({ file: result.file, reason: `internal error, page not read: ${result.failure} (please report it with the page)` });
        continue;
      }
      const { file, records } = result;
      corpus.documents.push(records.document);
      // Not push(...items): spreading a huge page's 600,000 events overflows the stack.
      append(corpus.articles, records.articles);
      append(corpus.events, records.events);
      append(corpus.figures, records.figures);
      append(corpus.fragments, records.fragments);
      corpus.report.accepted++;
      corpus.report.charsRead += records.charsRead;
      corpus.report.charsKept += records.charsKept;
      if (records.charsKept !== records.charsRead) {
        corpus.report.warnings.push({ file, message: `kept ${records.charsKept} of ${records.charsRead} characters` });
      }
    }
  } finally {
    await pool.close();
  }
  return corpus;
}

function append<T>(target: T[], items: T[]): void {
  for (const item of items) target.push(item);
}

/** The message of an error without its stack (a worker sends the stack as the message). */
function firstLine(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return message.split('\n')[0].replace(/^Error: /, '');
}

/** `<page>.json` beside `<page>.txt`: {date, paper, page, title}, all optional. */
async function readSidecar(path: string, file: string, warnings: BuildReport['warnings']): Promise<Sidecar | undefined> {
  const sidecarPath = path.replace(/\.txt$/i, '.json');
  let raw: string;
  try {
    raw = await readFile(sidecarPath, 'utf8');
  } catch {
    return undefined;
  }
  const name = file.replace(/\.txt$/i, '.json');
  try {
    const data = JSON.parse(raw) as Record<string, unknown>;
    const sidecar: Sidecar = {};
    if (typeof data.date === 'string') {
      if (/^\d{4}-\d{2}-\d{2}$/.test(data.date)) sidecar.date = data.date;
      else warnings.push({ file: name, message: `sidecar date "${data.date}" is not YYYY-MM-DD: ignored` });
    }
    for (const key of ['paper', 'page', 'title'] as const) {
      if (typeof data[key] === 'string' || typeof data[key] === 'number') sidecar[key] = String(data[key]);
    }
    return sidecar;
  } catch (e) {
    warnings.push({ file: name, message: `sidecar is not valid JSON (${(e as Error).message}): ignored` });
    return undefined;
  }
}

/**
 * A readable, URL-safe document id from the page's path: letters, digits and
 * Han characters kept (they survive percent-encoding in links), the rest `_`.
 */
export function docIdFor(file: string): string {
  const stem = file.replace(/\.txt$/i, '');
  const id = stem.replace(/[^\p{L}\p{N}_-]+/gu, '_').replace(/^_+|_+$/g, '');
  return id || 'page';
}

function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
  taken.add(id);
  return id;
}
