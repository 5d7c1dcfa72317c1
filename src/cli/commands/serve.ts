import { KeyedVectors, load, SearchIndex, serve, SERVE_DEFAULTS } from '../../index.js';
import type { Command } from '../command.js';

/** `textloom serve`: the web page (Analyze, Search, Neighbours) and its JSON API. */
export const serveCommand: Command = {
  name: 'serve',
  summary: 'serve a web page to analyse text, search an index and explore word vectors',
  usage: `[--pipeline P] [--index DIR] [--vectors FILE] [--port ${SERVE_DEFAULTS.port}] [--host ${SERVE_DEFAULTS.host}]`,
  help: [
    'Serves the page at http://HOST:PORT/ and the JSON API behind it:',
    '  POST /api/analyze {"text": "..."}   GET /api/search?q=...&page=1&size=10   GET /api/similar?word=...&k=10',
    `Only this machine can connect unless --host says otherwise. Requests are limited in size and time.`,
    'Stop it with Ctrl-C.',
  ].join('\n'),
  flags: {
    pipeline: { type: 'string', doc: 'pipeline for the Analyze tab', default: 'en_core', value: 'NAME|FILE' },
    index: { type: 'string', doc: 'search index directory for the Search tab', value: 'DIR' },
    vectors: { type: 'string', doc: 'word vectors for the Neighbours tab (.bin, .txt or .tlv)', value: 'FILE' },
    port: { type: 'number', doc: 'port (0 picks a free one)', default: SERVE_DEFAULTS.port, value: 'N' },
    host: { type: 'string', doc: 'interface to listen on', default: SERVE_DEFAULTS.host, value: 'HOST' },
    'max-text': { type: 'number', doc: 'longest text /api/analyze takes, in characters', default: SERVE_DEFAULTS.maxTextChars, value: 'N' },
    json: { type: 'boolean', doc: 'print the address as JSON once listening' },
  },
  async run({ flags: f }, io) {
    const [nlp, index, vectors] = await Promise.all([
      load(String(f.pipeline)),
      f.index === undefined ? undefined : SearchIndex.load(String(f.index)),
      f.vectors === undefined ? undefined : KeyedVectors.load(String(f.vectors)),
    ]);
    const s = await serve({ nlp, index, vectors, port: Number(f.port), host: String(f.host), maxTextChars: Number(f['max-text']) });
    if (f.json) io.stdout.write(JSON.stringify({ url: s.url, pipeline: nlp.pipeNames, index: !!index, vectors: !!vectors }) + '\n');
    else io.stdout.write(`textloom serve: ${s.url} (Ctrl-C stops)\n`);
    // Runs until interrupted; closes open connections on the way out.
    await new Promise<void>((done) => {
      const stop = (): void => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        void s.close().then(done);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      s.server.once('close', done);
    });
    return 0;
  },
};
