import cluster from 'node:cluster';
import { ArgumentError } from '../../core/errors.js';
import { KeyedVectors, load, SearchIndex, serve, SERVE_DEFAULTS } from '../../index.js';
import type { Command } from '../command.js';

/** `textloom serve`: the web page (Analyze, Search, Neighbours) and its JSON API. */
export const serveCommand: Command = {
  name: 'serve',
  summary: 'serve a web page to analyse text, search an index and explore word vectors',
  usage: `[--pipeline P] [--index DIR] [--vectors FILE] [--port ${SERVE_DEFAULTS.port}] [--host ${SERVE_DEFAULTS.host}] [--workers 1] [--search-cache N | --no-cache]`,
  help: [
    'Serves the page at http://HOST:PORT/ and the JSON API behind it:',
    '  POST /api/analyze {"text": "..."}   GET /api/search?q=...&page=1&size=10   GET /api/similar?word=...&k=10',
    `Only this machine can connect unless --host says otherwise. Requests are limited in size and time.`,
    '--workers N runs N server processes on the same port (node:cluster; each loads the pipeline, index and vectors).',
    `Search answers are kept by query, page and size (--search-cache, default ${SERVE_DEFAULTS.searchCacheSize}; --no-cache keeps none): the index does not change while serving.`,
    'Stop it with Ctrl-C.',
  ].join('\n'),
  flags: {
    pipeline: { type: 'string', doc: 'pipeline for the Analyze tab', default: 'en_core', value: 'NAME|FILE' },
    index: { type: 'string', doc: 'search index directory for the Search tab', value: 'DIR' },
    vectors: { type: 'string', doc: 'word vectors for the Neighbours tab (.bin, .txt or .tlv)', value: 'FILE' },
    port: { type: 'number', doc: 'port (0 picks a free one)', default: SERVE_DEFAULTS.port, value: 'N' },
    host: { type: 'string', doc: 'interface to listen on', default: SERVE_DEFAULTS.host, value: 'HOST' },
    'max-text': { type: 'number', doc: 'longest text /api/analyze takes, in characters', default: SERVE_DEFAULTS.maxTextChars, value: 'N' },
    workers: { type: 'number', doc: 'server processes sharing the port (node:cluster)', default: 1, value: 'N' },
    'search-cache': { type: 'number', option: 'searchCacheSize', doc: 'search answers kept (least recently used out first)', default: SERVE_DEFAULTS.searchCacheSize, value: 'N' },
    'no-cache': { type: 'boolean', doc: 'keep no search answers (same as --search-cache 0)' },
    json: { type: 'boolean', doc: 'print the address as JSON once listening' },
  },
  async run({ flags: f }, io) {
    const workers = Number(f.workers);
    if (!Number.isInteger(workers) || workers < 1 || workers > 64) throw new ArgumentError(`--workers must be an integer in [1, 64], got ${f.workers}`, { key: '--workers' });
    if (workers > 1 && cluster.isPrimary) return runPrimary(workers, !!f.json, io);
    if (cluster.isWorker) {
      // A worker's IPC channel keeps it alive: let go of it when starting fails, so the error exits.
      return serveUntilStopped(f, io).catch((e: unknown) => {
        cluster.worker!.disconnect();
        throw e;
      });
    }
    return serveUntilStopped(f, io);
  },
};

/** Loads what the flags name, serves it, and resolves (0) once stopped by SIGINT or SIGTERM. */
async function serveUntilStopped(f: Record<string, unknown>, io: Parameters<Command['run']>[1]): Promise<number> {
  const [nlp, index, vectors] = await Promise.all([
    load(String(f.pipeline)),
    f.index === undefined ? undefined : SearchIndex.load(String(f.index)),
    f.vectors === undefined ? undefined : KeyedVectors.load(String(f.vectors)),
  ]);
  const s = await serve({ nlp, index, vectors, port: Number(f.port), host: String(f.host), maxTextChars: Number(f['max-text']), searchCacheSize: f['no-cache'] ? 0 : Number(f['search-cache']) });
  const ready = { url: s.url, pipeline: nlp.pipeNames, index: !!index, vectors: !!vectors };
  if (cluster.isWorker) process.send!({ ready });
  else if (f.json) io.stdout.write(JSON.stringify(ready) + '\n');
  else io.stdout.write(`textloom serve: ${s.url} (Ctrl-C stops)\n`);
  // Runs until interrupted; closes open connections on the way out.
  await new Promise<void>((done) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void s.close().then(done);
      // A cluster worker's close waits on the primary, which may be gone: do not hang on it.
      if (cluster.isWorker) setTimeout(() => process.exit(0), 2000).unref();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    s.server.once('close', done);
  });
  return 0;
}

/**
 * `--workers N`: this process forks N copies of the command (node:cluster shares the listening
 * port; connections are handed out round-robin), prints the address once all listen, replaces a
 * worker that dies, and stops them all on SIGINT/SIGTERM.
 */
async function runPrimary(n: number, json: boolean, io: Parameters<Command['run']>[1]): Promise<number> {
  let stopping = false;
  let listening = 0;
  let printed = false;
  const fork = (): void => {
    const w = cluster.fork();
    w.on('message', (m: { ready?: { url: string } }) => {
      if (!m?.ready || printed || ++listening < n) return;
      printed = true;
      if (json) io.stdout.write(JSON.stringify({ ...m.ready, workers: n }) + '\n');
      else io.stdout.write(`textloom serve: ${m.ready.url} (${n} workers; Ctrl-C stops)\n`);
    });
  };
  for (let i = 0; i < n; i++) fork();
  return new Promise<number>((done) => {
    cluster.on('exit', (w, code, signal) => {
      if (stopping) {
        if (Object.keys(cluster.workers ?? {}).length === 0) done(0);
        return;
      }
      // A worker that fails before the server listens (bad flags, missing index) ends the command.
      if (!printed) {
        stopping = true;
        for (const o of Object.values(cluster.workers ?? {})) o?.process.kill('SIGTERM');
        done(code ?? 1);
        return;
      }
      io.stderr.write(`textloom serve: worker ${w.process.pid} exited (${signal ?? code}); starting another\n`);
      fork();
    });
    const stop = (): void => {
      stopping = true;
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      const alive = Object.values(cluster.workers ?? {});
      if (alive.length === 0) done(0);
      for (const w of alive) w?.process.kill('SIGTERM'); // each worker closes its server on SIGTERM
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
