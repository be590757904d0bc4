// Worker threads do not inherit tsx's loader, so each worker registers it
// before importing its TypeScript module (given as a file URL in workerData).
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.module);
