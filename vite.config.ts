import { svelte } from '@sveltejs/vite-plugin-svelte';
import compression from 'compression';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig, type Connect, type Plugin } from 'vite';

type ManifestEntry = { url: string; size: number; revision: string | null };
import { minshengCorpus } from './src/pipeline/vite-plugin.ts';

/**
 * A small corpus (the seeds) is precached whole with the app, so one visit is
 * enough to work offline. A big one precaches the app shell and the manifest
 * only; its shards are cached on use or by "make available offline".
 */
const PRECACHE_DATA_LIMIT = 8 * 1024 * 1024;

function precacheSmallCorpusOnly(entries: ManifestEntry[]): { manifest: ManifestEntry[]; warnings: string[] } {
  // Every data file but the manifest: shards, catalog chunks, events,
  // figures, the search meta (JSON) and the index chunks (.bin).
  const isData = (url: string) => /(^|\/)data\/(?!manifest\.json$)[^/]+\.(json|bin)$/.test(url);
  const dataBytes = entries.filter((e) => isData(e.url)).reduce((n, e) => n + e.size, 0);
  if (dataBytes <= PRECACHE_DATA_LIMIT) return { manifest: entries, warnings: [] };
  return { manifest: entries.filter((e) => !isData(e.url)), warnings: [] };
}

/**
 * Gzip for `vite preview`, which serves files uncompressed. Every real static
 * host compresses JSON and JS, and `npm run bench` measures bytes on the wire
 * against `vite preview`: without this the benchmark would count raw JSON.
 * The index chunks (.bin) are gzip files already: compressing them again
 * only costs time (`compression` counts application/octet-stream as
 * compressible), so they are left alone.
 */
function compressPreview(): Plugin {
  const gzipped = /\.bin(\?|$)/;
  const middleware = compression({ filter: (req, res) => !gzipped.test(req.url ?? '') && compression.filter(req, res) });
  return {
    name: 'minsheng-preview-gzip',
    configurePreviewServer(server) {
      // @types/compression types it as Express middleware; it is plain Connect middleware.
      server.middlewares.use(middleware as unknown as Connect.NextHandleFunction);
    },
  };
}

export default defineConfig({
  // Relative base: the built app works from any folder or sub-path it is copied to.
  base: './',
  plugins: [
    svelte(),
    minshengCorpus({ pages: 'seeds' }),
    compressPreview(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['icons/*.svg'],
      manifest: {
        name: '民生 Minsheng — 职工福利新闻浏览',
        short_name: '民生',
        description: '搜索、阅读和比较职工互助保障、送温暖、困难职工帮扶报道 · Explore Chinese labour-welfare news offline',
        lang: 'zh-CN',
        dir: 'ltr',
        start_url: './',
        scope: './',
        display: 'standalone',
        theme_color: '#9b2c2c',
        background_color: '#fbf8f3',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // .bin: the search index chunks, precached with the rest of a small corpus.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,json,bin}'],
        // No size limit here: precacheSmallCorpusOnly decides what is precached,
        // and Workbox's own limit would fail the build of a big corpus instead.
        maximumFileSizeToCacheInBytes: 2 ** 31,
        manifestTransforms: [precacheSmallCorpusOnly],
        // Data files not precached are cached as they are used. Their names
        // carry content hashes, so a cached copy is never stale (CacheFirst).
        runtimeCaching: [
          {
            urlPattern: /\/data\/[^/]+\.[0-9a-f]{12}\.(json|bin)$/,
            handler: 'CacheFirst',
            options: { cacheName: 'minsheng-data', cacheableResponse: { statuses: [200] } },
          },
        ],
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  worker: { format: 'es' },
  // MINSHENG_OUT lets several builds (tests, benchmarks) live side by side.
  build: {
    target: 'es2022',
    sourcemap: false,
    outDir: process.env.MINSHENG_OUT || 'dist',
    // Vite would gzip every emitted file to print its size: on a year of
    // pages that is 200 MB of data files and seconds of build. `npm run
    // bench` prints the app's and the data's gzip sizes instead.
    reportCompressedSize: false,
  },
  preview: { port: 4173, strictPort: false },
});
