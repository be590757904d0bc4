import { resolve } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { bundleCorpus } from './bundle.ts';
import { readCorpus } from './corpus.ts';
import { formatReport } from './report.ts';

export interface CorpusPluginOptions {
  /** Folder of `.txt` pages; MINSHENG_PAGES overrides it (used by the benchmark). */
  pages: string;
  /** URL folder the bundle is served from, relative to the app's base. */
  dataPath?: string;
}

/**
 * Runs the pipeline inside Vite: `vite build` emits the bundle into
 * dist/<dataPath>/, and the dev server serves it from memory and rebuilds it
 * (then reloads the page) when a page or sidecar is added, edited or removed.
 */
export function minshengCorpus(options: CorpusPluginOptions): Plugin {
  const dataPath = (options.dataPath ?? 'data').replace(/^\/|\/$/g, '');
  let pagesDir = '';
  let files: Promise<Map<string, string>> | null = null;

  async function build(log: (msg: string) => void): Promise<Map<string, string>> {
    const started = performance.now();
    const corpus = await readCorpus(pagesDir);
    const out = await bundleCorpus(corpus);
    log(formatReport(corpus, performance.now() - started));
    if (corpus.report.accepted === 0) throw new Error(`no readable .txt pages in ${pagesDir}`);
    return out;
  }

  return {
    name: 'minsheng-corpus',
    configResolved(config) {
      pagesDir = resolve(config.root, process.env.MINSHENG_PAGES || options.pages);
    },
    async generateBundle() {
      const out = await build((msg) => this.info(`\n${msg}`));
      for (const [name, source] of out) this.emitFile({ type: 'asset', fileName: `${dataPath}/${name}`, source });
    },
    configureServer(server: ViteDevServer) {
      const log = (msg: string) => server.config.logger.info(msg, { timestamp: true });
      files = build(log);
      files.catch((e) => server.config.logger.error(`minsheng: ${(e as Error).message}`));
      server.watcher.add(pagesDir);
      const rebuild = (path: string) => {
        if (!path.startsWith(pagesDir) || !/\.(txt|json)$/i.test(path)) return;
        files = build(log);
        files.then(
          () => server.ws.send({ type: 'full-reload' }),
          (e) => server.config.logger.error(`minsheng: ${(e as Error).message}`),
        );
      };
      server.watcher.on('add', rebuild).on('change', rebuild).on('unlink', rebuild);
      server.middlewares.use(async (req, res, next) => {
        const base = server.config.base.replace(/\/$/, '');
        const url = (req.url ?? '').split('?')[0];
        const prefix = `${base}/${dataPath}/`;
        if (!url.startsWith(prefix) || !files) return next();
        try {
          const body = (await files).get(decodeURIComponent(url.slice(prefix.length)));
          if (body === undefined) return next();
          res.setHeader('Content-Type', 'application/json; charset=utf-8');
          res.setHeader('Cache-Control', 'no-cache');
          res.end(body);
        } catch (e) {
          res.statusCode = 500;
          res.end(`minsheng: ${(e as Error).message}`);
        }
      });
    },
  };
}
