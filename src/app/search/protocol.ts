import type { FileSet, SearchFiles } from '../../shared/bundle.ts';
import type { SearchResult } from '../../shared/search.ts';
import type { ParagraphKind } from '../../shared/types.ts';

export interface SearchOptions {
  limit?: number;
  kinds?: ParagraphKind[];
  from?: string;
  to?: string;
}

export type WorkerRequest =
  | { type: 'init'; base: string; search: SearchFiles; shards: FileSet }
  | { type: 'search'; id: number; query: string; options: SearchOptions };

export type WorkerResponse =
  | { type: 'ready' }
  | { type: 'result'; id: number; result: SearchResult }
  | { type: 'error'; id?: number; message: string };
