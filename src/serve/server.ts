/**
 * `serve`: a small web server (node:http) with one page (Analyze, Search, Neighbours) and the
 * JSON API behind it. Bound to 127.0.0.1 by default; every request has a size limit and a time
 * limit, and bad input is a 4xx with a message, never a crash of the server.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ArgumentError } from '../core/errors.js';
import { checkOptionValue } from '../core/options.js';
import { analyzeInParts, planParts } from './analyze-parts.js';
import { analyze, searchAnswer, similar } from './api.js';
import { writeHead } from './headers.js';
import { HttpError, sendError, sendJson, sendJsonBytes } from './http-errors.js';
import { SERVE_DEFAULTS, type ServeLimits, type ServeOptions } from './options.js';
import { intParam, parseJsonObject, readBody, stringParam } from './request.js';
import { ResultCache } from './result-cache.js';
import { loadStaticFiles } from './static.js';

/** A running server. */
export interface RunningServer {
  /** The page's address, e.g. `http://127.0.0.1:8080/`. */
  url: string;
  /** The node:http server. */
  server: Server;
  /** Stops accepting connections and closes the open ones. */
  close(): Promise<void>;
}

/** The request handler: routes, limits, errors. */
function handler(o: ServeOptions, limits: ServeLimits): (req: IncomingMessage, res: ServerResponse) => void {
  const files = loadStaticFiles();
  const cache = new ResultCache<Buffer>(o.searchCacheSize ?? SERVE_DEFAULTS.searchCacheSize);
  const parts = planParts(o.nlp);
  return (req, res) => {
    route(req, res).catch((e: unknown) => sendError(res, e));
  };
  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const file = files.get(url.pathname);
    if (file) {
      if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, `${req.method} is not allowed on ${url.pathname}`);
      writeHead(res, 200, ['content-type', file.type, 'content-length', file.body.length, 'cache-control', 'no-cache']);
      res.end(req.method === 'HEAD' ? undefined : file.body);
      return;
    }
    // A null-prototype bag: a "__proto__" parameter is a plain key here, never a prototype.
    const params = Object.create(null) as Record<string, unknown>;
    for (const [k, v] of url.searchParams) params[k] = v;
    if (url.pathname.startsWith('/api/') && req.method === 'POST') {
      if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) throw new HttpError(415, 'send the parameters as JSON (content-type: application/json)');
      for (const [k, v] of Object.entries(parseJsonObject(await readBody(req, limits.maxBodyBytes)))) params[k] = v;
    } else if (url.pathname.startsWith('/api/') && req.method !== 'GET') throw new HttpError(405, `${req.method} is not allowed on ${url.pathname}`);
    switch (url.pathname) {
      case '/api/health':
        return sendJson(res, 200, { ok: true, pipeline: o.nlp.pipeNames, index: !!o.index, vectors: !!o.vectors, searchCache: { max: cache.maxEntries, size: cache.size, hits: cache.hits, misses: cache.misses } });
      case '/api/analyze': {
        const text = stringParam(params.text, 'text', limits.maxTextChars);
        if (params.stream === true) return sendParts(res, analyzeInParts(o.nlp, parts, text));
        return sendJson(res, 200, analyze(o.nlp, text));
      }
      case '/api/search': {
        const size = intParam(params.size, 'size', 10, 1, limits.maxResults);
        const page = intParam(params.page, 'page', 1, 1, Math.floor(10_000 / size));
        const answer = searchAnswer(o.index, stringParam(params.q, 'q', limits.maxQueryChars), page, size, cache);
        return sendJsonBytes(res, 200, answer.head, answer.body);
      }
      case '/api/similar':
        return sendJson(res, 200, similar(o.vectors, stringParam(params.word, 'word', 200), intParam(params.k, 'k', 10, 1, limits.maxResults)));
      default:
        throw new HttpError(404, `no such page: ${url.pathname}`);
    }
  }
}

/**
 * Sends each part as one line of JSON (newline-delimited JSON), each as soon as it is made: the
 * next part is made only after the event loop has let the previous one go out.
 */
async function sendParts(res: ServerResponse, parts: Generator<string, void, void>): Promise<void> {
  let next = parts.next(); // the first part is made before the headers, so its errors are a 4xx/500
  writeHead(res, 200, ['content-type', 'application/x-ndjson; charset=utf-8', 'cache-control', 'no-store']);
  while (!next.done) {
    res.write(next.value + '\n');
    await new Promise((ok) => setImmediate(ok));
    if (res.destroyed) return void parts.return();
    next = parts.next();
  }
  res.end();
}

/**
 * Starts the web server: the page at `/` and the JSON API at `/api/analyze`, `/api/search`,
 * `/api/similar` and `/api/health`. Resolves once it listens.
 * @example
 * const nlp = await load('en_core');
 * const s = await serve({ nlp, port: 0 });
 * await fetch(`${s.url}api/analyze`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'Hi there.' }) });
 * await s.close();
 */
export async function serve(options: ServeOptions): Promise<RunningServer> {
  if (!options || typeof options.nlp !== 'function') throw new ArgumentError('serve needs a pipeline: serve({ nlp: await load("en_core") })', { key: 'nlp' });
  const o = { ...SERVE_DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) } as typeof SERVE_DEFAULTS & ServeOptions;
  checkOptionValue({ type: 'integer', min: 0, max: 65535 }, o.port, 'port');
  checkOptionValue({ type: 'string' }, o.host, 'host');
  for (const k of ['maxBodyBytes', 'maxTextChars', 'maxQueryChars', 'maxResults', 'requestTimeoutMs'] as const) checkOptionValue({ type: 'integer', min: 1 }, o[k], k);
  checkOptionValue({ type: 'integer', min: 0 }, o.searchCacheSize, 'searchCacheSize');
  // Node checks request timeouts on this interval (30 s by default, too coarse for short limits).
  // Warm up: the first call of a pipeline loads lazily built tables; do it before the first visitor.
  o.nlp('Warm up the pipeline. It runs once.');
  const server = createServer({ connectionsCheckingInterval: Math.max(50, Math.min(1000, o.requestTimeoutMs / 2)) }, handler(o, o));
  // Slow or stalled clients are cut off instead of holding a connection open.
  server.requestTimeout = o.requestTimeoutMs;
  server.headersTimeout = Math.min(o.requestTimeoutMs, 60_000);
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(o.port, o.host, () => {
      server.off('error', fail);
      ok();
    });
  });
  const addr = server.address() as AddressInfo;
  const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  return {
    url: `http://${host}:${addr.port}/`,
    server,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}
