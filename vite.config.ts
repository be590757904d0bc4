import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vite';
import { minshengCorpus } from './src/pipeline/vite-plugin.ts';

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
        // The data bundle is precached with the app: the seeds corpus is small,
        // and hashed names mean an update never mixes old and new data.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,json}'],
        maximumFileSizeToCacheInBytes: 20 * 1024 * 1024,
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
