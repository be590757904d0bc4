import { describe, expect, test } from 'vitest';
import { preloads } from '../../src/pipeline/vite-plugin.ts';

const manifest = (chunkBytes: number, shardBytes: number) =>
  Buffer.from(
    JSON.stringify({
      files: {
        shards: { count: 1, hash: 'h', bytes: shardBytes },
        search: { meta: { file: 'search-meta.abc.json', bytes: 400 }, chunks: { count: 1, hash: 'h', bytes: chunkBytes } },
      },
    }),
  );

describe('the page preloads the search meta of a corpus searched in the page', () => {
  test('a small corpus: the meta, beside the manifest', () => {
    expect(preloads(manifest(50_000, 60_000), 'data')).toEqual([
      { tag: 'link', attrs: { rel: 'preload', href: './data/search-meta.abc.json', as: 'fetch', crossorigin: true }, injectTo: 'head' },
    ]);
  });
  test('a big archive (searched in a worker, which cannot use it): nothing', () => {
    expect(preloads(manifest(40e6, 30e6), 'data')).toEqual([]);
  });
  test('no manifest yet: nothing', () => {
    expect(preloads(undefined, 'data')).toEqual([]);
  });
});
