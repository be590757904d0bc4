import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { dataBlock, headTags } from '../../src/pipeline/vite-plugin.ts';

const META = { format: 'minsheng-search', firsts: ['互'] };

const bundle = (chunkBytes: number, shardBytes: number) => {
  const manifest = {
    files: {
      shards: { count: 1, hash: 'h', bytes: shardBytes },
      search: { meta: { file: 'search-meta.abc.json', bytes: 400 }, chunks: { count: 1, hash: 'h', bytes: chunkBytes } },
    },
  };
  const files = new Map([
    ['manifest.json', Buffer.from(JSON.stringify(manifest, null, 2))],
    ['search-meta.abc.json', Buffer.from(JSON.stringify(META))],
  ]);
  return { manifest, read: async (file: string) => files.get(file) };
};

describe('what the page head carries for the first search', () => {
  test('a small corpus (searched in the page): its manifest and search meta, as data blocks', async () => {
    const { manifest, read } = bundle(50_000, 60_000);
    const tags = await headTags(read, 'data');
    expect(tags.map((t) => [t.tag, t.attrs])).toEqual([
      ['script', { type: 'application/json', 'data-file': 'manifest.json' }],
      ['script', { type: 'application/json', 'data-file': 'search-meta.abc.json' }],
    ]);
    expect(JSON.parse(tags[0].children as string)).toEqual(manifest);
    expect(JSON.parse(tags[1].children as string)).toEqual(META);
  });
  test('a big archive (searched in a worker, which cannot read the page): a preload of its manifest', async () => {
    const { read } = bundle(40e6, 30e6);
    expect(await headTags(read, 'data')).toEqual([
      { tag: 'link', attrs: { rel: 'preload', href: './data/manifest.json', as: 'fetch', crossorigin: true }, injectTo: 'head-prepend' },
    ]);
  });
  test('no manifest yet: nothing', async () => {
    expect(await headTags(async () => undefined, 'data')).toEqual([]);
  });
});

describe('a data block', () => {
  // Page text reaches the manifest (titles): none of it may end the element.
  test.each([
    '</script><script>alert(1)</script>',
    '<!-- <script>',
    '</SCRIPT >',
    'a\u2028b\u2029c',
    '织密互助保障网 荆楚职工享温暖',
  ])('holds %j with no "<" and reads back the same', (title) => {
    const value = { articles: [{ title }] };
    const html = dataBlock('manifest.json', value).children as string;
    expect(html).not.toContain('<');
    expect(JSON.parse(html)).toEqual(value);
  });

  test('any text: no "<", and it reads back the same (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom('<', '/', 's', 'c', 'r', 'i', 'p', 't', '!', '-', '>', '互') }), (any, near) => {
        const value = { a: any, b: near };
        const html = dataBlock('f.json', value).children as string;
        return !html.includes('<') && JSON.stringify(JSON.parse(html)) === JSON.stringify(value);
      }),
    );
  });
});
