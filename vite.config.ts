import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vite';

type ManifestEntry = { url: string; size: number; revision: string | null };
import { minshengCorpus } from './src/pipeline/vite-plugin.ts';

/**
 * A small corpus (the seeds) is precached whole with the app, so one visit is
 * enough to work offline. A big one precaches the app shell and the manifest
 * only; its shards are cached on use or by "make available offline".
 */
const PRECACHE_DATA_LIMIT = 8 * 1024 * 1024;

function precacheSmallCorpusOnly(entries: ManifestEntry[]): { manifest: ManifestEntry[]; warnings: string[] } {
  const isShard = (url: string) => /(^|\/)data\/(?!manifest\.json$)[^/]+\.json$/.test(url);
  const dataBytes = entries.filter((e) => isShard(e.url)).reduce((n, e) => n + e.size, 0);
  if (dataBytes <= PRECACHE_DATA_LIMIT) return { manifest: entries, warnings: [] };
  return { manifest: entries.filter((e) => !isShard(e.url)), warnings: [] };
}

export default defineConfig({
  // Relative base: the built app works from any folder or sub-path it is copied to.
  base: './',
  plugins: [
    svelte(),
    minshengCorpus({ pages: 'seeds' }),
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
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,json}'],
        // No size limit here: precacheSmallCorpusOnly decides what is precached,
        // and Workbox's own limit would fail the build of a big corpus instead.
        maximumFileSizeToCacheInBytes: 2 ** 31,
        manifestTransforms: [precacheSmallCorpusOnly],
        // Data files not precached are cached as they are used. Their names
        // carry content hashes, so a cached copy is never stale (CacheFirst).
        runtimeCaching: [
          {
            urlPattern: /\/data\/[^/]+\.[0-9a-f]{12}\.json$/,
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
  build: { target: 'es2022', sourcemap: false, outDir: process.env.MINSHENG_OUT || 'dist' },
  preview: { port: 4173, strictPort: false },
});
