import { ArgumentError, FormatError } from '../../core/errors.js';
import { setOwn } from '../../util/own.js';
import { readJsonl } from '../../io/jsonl.js';
import { SearchIndex } from '../../search/search-index.js';
import { load } from '../../pipeline/load.js';
import type { AnalyzerOptions } from '../../search/analyzer.js';
import { SEARCH_ANALYZER_DEFAULTS } from '../../index.js';
import type { Command } from '../command.js';
import { inputName } from '../input-name.js';
import { stdinHint } from '../io.js';
import { ProgressBar } from '../progress.js';
import { count } from '../plural.js';
import { THREADS_FLAG } from '../threads-flag.js';

/** Builds the analyzer options shared by the search commands' flags. */
export function analyzerFromFlags(flags: Record<string, unknown>): AnalyzerOptions {
  const stop = String(flags.stop ?? SEARCH_ANALYZER_DEFAULTS.stopWords);
  const splitCompounds = flags['split-compounds'] === undefined ? SEARCH_ANALYZER_DEFAULTS.splitCompounds : !!flags['split-compounds'];
  // --language brings the language's tokenizer, stop words and stemmer (--stop none still drops the stop list).
  if (flags.language !== undefined) {
    if (stop !== 'english' && stop !== 'none') throw new ArgumentError(`--stop must be english or none, got ${stop}`, { key: '--stop' });
    return { language: String(flags.language), splitCompounds, ...(stop === 'none' ? { stopWords: false as const } : {}) };
  }
  const stem = String(flags.stemmer ?? 'porter2');
  if (!['porter2', 'porter', 'lancaster', 'none'].includes(stem)) throw new ArgumentError(`--stemmer must be porter2, porter, lancaster or none, got ${stem}`, { key: '--stemmer' });
  if (stop !== 'english' && stop !== 'none') throw new ArgumentError(`--stop must be english or none, got ${stop}`, { key: '--stop' });
  return {
    pipeline: {
      tokenizer: { factory: String(flags.tokenizer ?? 'tokenizer') },
      components: stem === 'none' ? [] : [{ name: 'stemmer', factory: 'stemmer', options: { algorithm: stem } }],
    },
    stopWords: stop === 'none' ? false : 'english',
    splitCompounds,
    termAttr: stem === 'none' ? null : 'stem',
  };
}

function list(v: unknown): string[] {
  return v === undefined ? [] : String(v).split(',').map((s) => s.trim()).filter(Boolean);
}

/** `textloom index build`: JSONL documents -> a saved search index. */
export const indexBuildCommand: Command = {
  name: 'index build',
  summary: 'build a BM25 search index from a JSON-lines file',
  usage: '--input docs.jsonl --fields title,text --out DIR [--id id] [--store title] [--language de] [--vectors-field FIELD] [--vectors-from-pipeline NAME|FILE [--embed-fields LIST]] [--vector-index exact|flat|hnsw|auto] [--threads N] [--json]',
  help: 'Example:\n  textloom index build --input docs.jsonl --id id --fields title,text --store title --out idx --tokenizer whitespace\n  textloom index build --input docs-de.jsonl --fields text --language de --out idx-de\n  textloom index build --input docs.jsonl --fields text --out idx --vectors-from-pipeline vectors.json --vector-index hnsw\n  textloom index build --input docs.jsonl --fields text --out idx --threads 0   # every core, same index',
  flags: {
    input: { type: 'string', doc: 'JSON-lines documents (.gz ok, - for stdin)', value: 'FILE', required: true },
    out: { type: 'string', doc: 'index directory to write', value: 'DIR', required: true },
    fields: { type: 'string', doc: 'comma-separated fields to index', value: 'LIST', required: true },
    id: { type: 'string', option: 'idField', doc: 'id field', default: SearchIndex.getDefault('idField'), value: 'FIELD' },
    store: { type: 'string', option: 'storeFields', doc: 'comma-separated fields to store and return', value: 'LIST' },
    boost: { type: 'string', option: 'boosts', doc: 'field boosts, e.g. title=2,text=1', value: 'LIST' },
    tokenizer: { type: 'string', doc: 'tokenizer factory of the analyzer', default: 'tokenizer', value: 'NAME' },
    stemmer: { type: 'string', doc: 'porter2, porter, lancaster or none', default: 'porter2', value: 'NAME' },
    language: { type: 'string', option: 'analyzer.language', doc: "the text's language (de, fr, es, pt, nl, it, en, zh, ja, xx): its tokenizer, stop words and Snowball stemmer, instead of --tokenizer and --stemmer", value: 'CODE' },
    stop: { type: 'string', option: 'analyzer.stopWords', doc: 'stop words: english or none', default: SEARCH_ANALYZER_DEFAULTS.stopWords, value: 'LIST' },
    'vectors-field': { type: 'string', option: 'vectorField', doc: 'field holding each document\'s vector (an array of numbers) for hybrid search', value: 'FIELD' },
    'vectors-from-pipeline': { type: 'string', option: 'embed.pipeline', doc: 'pipeline (bundled name or config file) with the "vectors" component: each document\'s vector is its doc.vector (the mean of its token vectors)', value: 'NAME|FILE' },
    'embed-fields': { type: 'string', option: 'embed.fields', doc: 'comma-separated fields whose text --vectors-from-pipeline embeds (default: --fields)', value: 'LIST' },
    'vector-index': { type: 'string', option: 'vectorIndex.kind', doc: 'index ranking the document vectors: exact (scan), flat (SIMD exact), hnsw (approximate) or auto (hnsw from 50,000 vectors)', default: 'exact', value: 'KIND' },
    json: { type: 'boolean', doc: 'print a JSON summary {"documents","seconds","docsPerSecond","saveSeconds","out"}' },
    threads: THREADS_FLAG,
    'split-compounds': { type: 'boolean', doc: 'index "non-linear", "x/c" as their parts (default: on; --split-compounds=false keeps them whole)' },
  },
  async run(args, io) {
    const f = args.flags;
    const boosts: Record<string, number> = {};
    for (const kv of list(f.boost)) {
      const [k, v] = kv.split('=');
      const n = Number(v);
      if (!k || !Number.isFinite(n)) throw new ArgumentError(`--boost entries must look like field=2, got ${kv}`, { key: '--boost' });
      setOwn(boosts, k, n);
    }
    const index = await SearchIndex.create({
      fields: list(f.fields),
      idField: String(f.id),
      storeFields: list(f.store),
      boosts,
      analyzer: analyzerFromFlags(f),
      ...(f['vectors-field'] !== undefined ? { vectorField: String(f['vectors-field']) } : {}),
      ...(f['vectors-from-pipeline'] !== undefined ? { embed: { pipeline: await load(String(f['vectors-from-pipeline'])), ...(f['embed-fields'] !== undefined ? { fields: list(f['embed-fields']) } : {}) } } : {}),
      ...(f['vector-index'] !== 'exact' ? { vectorIndex: { kind: String(f['vector-index']) as 'flat' } } : {}),
    });
    stdinHint(String(f.input), io.stderr);
    const bar = new ProgressBar('indexing', undefined, io.stderr);
    const t0 = performance.now();
    // A misspelt --fields name would build an index that finds nothing: note the fields seen.
    const unseen = new Set(index.fields);
    async function* noteFields(docs: AsyncIterable<Record<string, unknown>>): AsyncIterable<Record<string, unknown>> {
      for await (const d of docs) {
        if (unseen.size) for (const k of unseen) if (d[k] !== undefined && d[k] !== null) unseen.delete(k);
        yield d;
      }
    }
    const threads = Number(f.threads ?? 1);
    const progress = { onProgress: (n: number) => bar.update(n), progressEvery: 500 };
    const docs = noteFields(readJsonl<Record<string, unknown>>(String(f.input)));
    // Threads: slices indexed in workers, then merged (the same index as one thread builds).
    await (threads === 1 ? index.addAll(docs, progress) : index.addAll(docs, { ...progress, threads }));
    if (unseen.size && index.documentCount) {
      bar.done();
      throw new ArgumentError(`no document has the field${unseen.size > 1 ? 's' : ''} ${[...unseen].map((k) => `"${k}"`).join(', ')} given in --fields (nothing written)`, { key: '--fields' });
    }
    // An empty index would be saved and then find nothing, without a word.
    if (index.documentCount === 0) {
      bar.done();
      throw new FormatError(`no documents in ${inputName(String(f.input))} (nothing written)`, { file: String(f.input) });
    }
    const t1 = performance.now();
    await index.save(String(f.out));
    const t2 = performance.now();
    bar.done();
    const n = index.documentCount;
    const seconds = (t1 - t0) / 1000;
    const saveSeconds = (t2 - t1) / 1000;
    if (f.json) io.stdout.write(JSON.stringify({ documents: n, seconds: Math.round(seconds * 1000) / 1000, docsPerSecond: Math.round(n / seconds), saveSeconds: Math.round(saveSeconds * 1000) / 1000, out: String(f.out) }) + '\n');
    else io.stdout.write(`indexed ${count(n, 'document')} in ${seconds.toFixed(2)}s (${Math.round(n / seconds)} docs/s), saved to ${f.out} in ${saveSeconds.toFixed(2)}s\n`);
  },
};
