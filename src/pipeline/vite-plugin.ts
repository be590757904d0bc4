import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { HtmlTagDescriptor, Plugin, ViteDevServer } from 'vite';
import { MANIFEST, searchesInPage, type Manifest } from '../shared/bundle.ts';

export interface CorpusPluginOptions {
  /** Folder of `.txt` pages; MINSHENG_PAGES overrides it (used by the benchmark). */
  pages: string;
  /** URL folder the bundle is served from, relative to the app's base. */
  dataPath?: string;
}

/**
 * Runs the pipeline inside Vite: `vite build` writes the bundle into
 * dist/<dataPath>/, and the dev server serves it from memory and rebuilds it
 * (then reloads the page) when a page or sidecar is added, edited or removed.
 *
 * The pipeline runs as `npm run corpus` in a child process rather than inside
 * Vite's config bundle: it is the very command users run, and it can start
 * worker threads from its own files, which a bundled config cannot.
 */
export function minshengCorpus(options: CorpusPluginOptions): Plugin {
  const dataPath = (options.dataPath ?? 'data').replace(/^\/|\/$/g, '');
  let root = '';
  let pagesDir = '';
  let outDir = '';
  let files: Promise<Map<string, Buffer>> | null = null;
  let serving = false;

  /** Runs the pipeline into `out`; resolves with its summary. */
  async function runPipeline(out: string): Promise<string> {
    const tsx = join(root, 'node_modules', '.bin', 'tsx');
    const cli = join(root, 'src', 'cli', 'corpus.ts');
    return (await run(tsx, [cli, '--in', pagesDir, '--out', out, '--quiet'], root)).trim();
  }

  /** For the dev server, which serves the bundle from memory. */
  async function build(log: (msg: string) => void): Promise<Map<string, Buffer>> {
    const out = await mkdtemp(join(tmpdir(), 'minsheng-data-'));
    try {
      log(await runPipeline(out));
      // Bytes, not text: the index chunks are compressed binary.
      // Read 32 at a time: a big archive has thousands of small shards (one
      // by one is slow; all at once ran out of file handles, EMFILE, at 20,000).
      const names = await readdir(out);
      const bundle = new Map<string, Buffer>();
      const queue = [...names];
      const reader = async () => {
        for (let name = queue.pop(); name !== undefined; name = queue.pop()) bundle.set(name, await readFile(join(out, name)));
      };
      await Promise.all(Array.from({ length: 32 }, reader));
      return bundle;
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  }

  /*
   * `vite build`: the pipeline starts with the build and runs beside the
   * bundler, into a folder beside the output folder (the same disk), which
   * is moved into place once Vite has written the app. The data files never
   * pass through Vite: on a year of pages that is 20,000 files and 200 MB
   * Vite would hold in memory and write a second time.
   */
  let staging: Promise<string> | null = null;

  return {
    name: 'minsheng-corpus',
    configResolved(config) {
      root = config.root;
      pagesDir = resolve(root, process.env.MINSHENG_PAGES || options.pages);
      outDir = resolve(root, config.build.outDir);
      serving = config.command === 'serve';
    },
    buildStart() {
      if (serving) return; // the dev server builds in configureServer
      staging = (async () => {
        const out = await mkdtemp(join(dirname(outDir), '.minsheng-data-'));
        try {
          this.info(`\n${await runPipeline(out)}`);
          return out;
        } catch (e) {
          await rm(out, { recursive: true, force: true });
          throw e;
        }
      })();
      staging.catch(() => undefined); // reported where it is awaited
    },
    transformIndexHtml: {
      order: 'post',
      async handler(): Promise<HtmlTagDescriptor[]> {
        if (files) {
          const bundle = await files;
          return headTags(async (file) => bundle.get(file), dataPath);
        }
        if (staging) {
          const out = await staging;
          return headTags((file) => readFile(join(out, file)), dataPath);
        }
        return [];
      },
    },
    async writeBundle() {
      if (!staging) return;
      const target = join(outDir, dataPath);
      await rm(target, { recursive: true, force: true });
      await rename(await staging, target);
      staging = null;
    },
    async buildEnd(error) {
      // A failed build leaves no staging folder behind.
      if (!error || !staging) return;
      const out = await staging.catch(() => null);
      if (out) await rm(out, { recursive: true, force: true });
    },
    configureServer(server: ViteDevServer) {
      const log = (msg: string) => server.config.logger.info(msg, { timestamp: true });
      const report = (e: unknown) => server.config.logger.error(`minsheng: ${(e as Error).message}`);
      files = build(log);
      files.catch(report);
      server.watcher.add(pagesDir);
      const rebuild = (path: string) => {
        if (!path.startsWith(pagesDir) || !/\.(txt|json)$/i.test(path)) return;
        files = build(log);
        files.then(() => server.ws.send({ type: 'full-reload' }), report);
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
          res.setHeader('Content-Type', url.endsWith('.json') ? 'application/json; charset=utf-8' : 'application/octet-stream');
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

/**
 * What the page's head carries so that a first search waits for no fetch it
 * could have done without.
 *
 * A corpus searched in the page (searchesInPage) has its manifest and its
 * search meta (2 KB for the seeds) written into the HTML as JSON data
 * blocks, which the app reads synchronously (src/app/data/embedded.ts). A
 * fetch, even of a preloaded file, resolves in a task of its own, and on
 * load that task waits behind the app's first render: on the seeds the
 * manifest, there at 60 ms, reached the app at 225 ms, after the query
 * typed at 170 ms had been waiting for it. Data blocks are not scripts (the
 * CSP's script-src does not apply), and every `<` is escaped, so no text
 * in them can close the element.
 *
 * A big archive gets its manifest preloaded instead: its search runs in a
 * worker, which cannot read the page, and its manifest is not small.
 */
export async function headTags(read: (file: string) => Promise<Buffer | undefined>, dataPath: string): Promise<HtmlTagDescriptor[]> {
  const manifestJson = await read(MANIFEST);
  if (!manifestJson) return [];
  const manifest = JSON.parse(manifestJson.toString('utf8')) as Manifest;
  if (!searchesInPage(manifest)) {
    return [{ tag: 'link', attrs: { rel: 'preload', href: `./${dataPath}/${MANIFEST}`, as: 'fetch', crossorigin: true }, injectTo: 'head-prepend' }];
  }
  const meta = manifest.files.search.meta.file;
  const metaJson = await read(meta);
  return [
    dataBlock(MANIFEST, manifest),
    ...(metaJson ? [dataBlock(meta, JSON.parse(metaJson.toString('utf8')))] : []),
  ];
}

/** A JSON data block for the page's head; `<` is escaped (as \u003c, the same string to JSON) so nothing in it ends the element. */
export function dataBlock(file: string, value: unknown): HtmlTagDescriptor {
  return {
    tag: 'script',
    attrs: { type: 'application/json', 'data-file': file },
    children: JSON.stringify(value).replace(/</g, '\\u003c'),
    injectTo: 'head',
  };
}

/** Run a command; resolve with its output, reject with its last lines on failure. */
function run(command: string, args: string[], cwd: string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolvePromise(output);
      else reject(new Error(output.trim().split('\n').slice(-12).join('\n') || `corpus build exited with ${code}`));
    });
  });
}
