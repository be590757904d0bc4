import { parentPort } from 'node:worker_threads';
import { processPage } from './page.ts';
import type { PageJob, PageJobResult } from './pool.ts';

// One page at a time: a page is the unit of work, and pages are independent.
parentPort!.on('message', (job: PageJob) => {
  let result: PageJobResult;
  try {
    result = { index: job.index, records: processPage(job.docId, job.file, job.text, job.encoding, job.sidecar) };
  } catch (e) {
    result = { index: job.index, error: (e as Error)?.stack ?? String(e) };
  }
  parentPort!.postMessage(result);
});
