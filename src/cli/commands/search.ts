import { ArgumentError } from '../../core/errors.js';
import { SearchIndex } from '../../search/search-index.js';
import { SEARCH_DEFAULTS, SIMILARITY_DEFAULTS } from '../../index.js';
import type { Command } from '../command.js';
import { RANKING_FLAGS, rankingOptions } from '../search-flags.js';
import { count } from '../plural.js';
import { readVectorFile } from '../vector-file.js';
import { load } from '../../pipeline/load.js';

/** `textloom search`: run one query against a saved index. */
export const searchCommand: Command = {
  name: 'search',
  summary: 'search a saved index (BM25, query language)',
  usage: `--index DIR "query" [--top ${SEARCH_DEFAULTS.topK}] [--json] [--proximity=false] [--bm25f=false] [--rm3] [--vector FILE [--hybrid rrf|convex] [--weight W]] [--vectors-from-pipeline NAME|FILE --hybrid rrf|convex]`,
  help: 'Query language: terms, "phrases", AND OR NOT, +must -not, (groups), field:term, prefix*, fuzzy~1, term^2.\nExample:\n  textloom search --index idx \'+wing "boundary layer" title:flow^2\' --top 5',
  positionals: { name: 'QUERY', doc: 'the query; several arguments are joined with spaces ("" with --vector: vector ranking alone)', min: 1, max: Infinity },
  flags: {
    index: { type: 'string', doc: 'index directory', value: 'DIR', required: true },
    top: { type: 'number', option: 'topK', doc: 'number of results', default: SEARCH_DEFAULTS.topK },
    json: { type: 'boolean', doc: 'print one JSON object: {"query","hits":[{rank,id,score,...}],"ms"}' },
    fields: { type: 'string', doc: 'comma-separated fields searched by unfielded terms', value: 'LIST' },
    strict: { type: 'boolean', doc: 'report query syntax errors instead of falling back to plain words' },
    highlight: { type: 'boolean', doc: 'show the best passage of stored text fields' },
    model: { type: 'string', option: 'similarity.model', doc: "bm25 or tfidf (default: the index's, normally bm25)", value: 'NAME' },
    k1: { type: 'number', option: ['bm25.k1', 'similarity.k1'], doc: `BM25 k1 (default: the index's, normally ${SIMILARITY_DEFAULTS.k1})` },
    b: { type: 'number', option: ['bm25.b', 'similarity.b'], doc: `BM25 b (default: the index's, normally ${SIMILARITY_DEFAULTS.b})` },
    explain: { type: 'boolean', doc: 'print the score explanation of each hit' },
    ...RANKING_FLAGS,
    vector: { type: 'string', doc: 'hybrid search: a text file with the query vector (numbers separated by spaces or commas), for an index built with --vectors-field', value: 'FILE' },
    'vectors-from-pipeline': { type: 'string', option: 'embed.pipeline', doc: 'for an index built with --vectors-from-pipeline: the same pipeline, which embeds the query text for --hybrid (no --vector needed)', value: 'NAME|FILE' },
    hybrid: { type: 'string', option: 'hybrid.fusion', doc: 'fusion of the BM25 and vector rankings: rrf (reciprocal rank fusion, k 60; the default) or convex', value: 'NAME' },
    weight: { type: 'number', option: 'hybrid.weight', doc: 'convex fusion: weight of the vector score in [0, 1] (default: 0.5)' },
  },
  async run(args, io) {
    const f = args.flags;
    const query = args.positional.join(' ');
    const embedded = f['vectors-from-pipeline'] !== undefined;
    if (f.vector === undefined && !embedded && (f.hybrid !== undefined || f.weight !== undefined)) throw new ArgumentError('--hybrid and --weight need a query vector (--vector FILE) or --vectors-from-pipeline', { key: '--vector' });
    if (!query.trim() && f.vector === undefined) throw new ArgumentError('give a query, e.g. textloom search --index DIR "wing flow"');
    const top = Number(f.top);
    if (!Number.isInteger(top) || top < 0) throw new ArgumentError(`--top must be a non-negative integer, got ${f.top}`, { key: '--top' });
    const index = await SearchIndex.load(String(f.index), embedded ? { embed: { pipeline: await load(String(f['vectors-from-pipeline'])) } } : {});
    // Only the similarity flags given override the index's saved similarity.
    const bm25 = { ...(f.k1 !== undefined ? { k1: Number(f.k1) } : {}), ...(f.b !== undefined ? { b: Number(f.b) } : {}) };
    const opts = {
      topK: top,
      strict: !!f.strict,
      highlight: !!f.highlight,
      ...(f.model !== undefined ? { model: f.model as 'bm25' | 'tfidf' } : {}),
      ...(Object.keys(bm25).length ? { bm25 } : {}),
      ...(f.fields ? { fields: String(f.fields).split(',') } : {}),
      ...rankingOptions(f),
      ...(f.vector !== undefined ? { vector: readVectorFile(String(f.vector)) } : {}),
      ...(f.vector !== undefined || (embedded && (f.hybrid !== undefined || f.weight !== undefined)) ? { hybrid: { ...(f.hybrid !== undefined ? { fusion: f.hybrid as 'rrf' | 'convex' } : {}), ...(f.weight !== undefined ? { weight: Number(f.weight) } : {}) } } : {}),
    };
    const t0 = performance.now();
    const hits = index.search(query, opts);
    const ms = performance.now() - t0;
    if (f.json) {
      const rows = hits.map((h, i) => ({ rank: i + 1, ...h, ...(f.explain ? { explanation: index.explain(query, h.id, opts) } : {}) }));
      io.stdout.write(JSON.stringify({ query, hits: rows, ms: Number(ms.toFixed(3)) }) + '\n');
      return;
    }
    hits.forEach((h, i) => {
      const title = h.fields ? Object.values(h.fields).find((v) => typeof v === 'string') : undefined;
      io.stdout.write(`${String(i + 1).padStart(3)}  ${h.score.toFixed(4)}  ${h.id}${title ? `  ${String(title).slice(0, 100)}` : ''}\n`);
      for (const [field, snip] of Object.entries(h.highlights ?? {})) io.stdout.write(`       ${field}: ${snip}\n`);
      if (f.explain) io.stdout.write(JSON.stringify(index.explain(query, h.id, opts), null, 2).replace(/^/gm, '       ') + '\n');
    });
    io.stderr.write(`${count(hits.length, 'hit')} in ${ms.toFixed(2)} ms\n`);
  },
};
