import { ArgumentError, FormatError } from '../../core/errors.js';
import { evaluateRuns, type Judgements, type RankedDoc } from '../../eval/ranking.js';
import { readJsonl } from '../../io/jsonl.js';
import { readTextFileSync } from '../../io/read-text.js';
import { escapeQuery } from '../../search/query/parser.js';
import { SearchIndex } from '../../search/search-index.js';
import type { Command } from '../command.js';
import { RANKING_FLAGS, rankingOptions } from '../search-flags.js';
import { ProgressBar } from '../progress.js';

/**
 * Reads qrels: `query doc relevance` (3 columns) or TREC `query iter doc relevance` (4), split on
 * tabs or spaces. `grades` maps a judged value to a gain (0 = not relevant).
 */
export function readQrels(path: string, grades: (v: number) => number): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  readTextFileSync(path, 'qrels file')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      const cols = line.trim().split(/\s+/);
      if (cols.length !== 3 && cols.length !== 4) throw new FormatError(`expected 3 or 4 columns, got ${cols.length}`, { file: path, line: i + 1 });
      const [q, d, r] = cols.length === 3 ? cols : [cols[0], cols[2], cols[3]];
      const v = Number(r);
      if (!Number.isFinite(v)) throw new FormatError(`relevance must be a number, got ${JSON.stringify(r)}`, { file: path, line: i + 1 });
      if (!out.has(q!)) out.set(q!, new Map());
      out.get(q!)!.set(d!, grades(v));
    });
  return out;
}

/** The q-quantile of ascending values with linear interpolation (numpy's default); 0 for none. */
function percentile(sorted: readonly number[], q: number): number {
  if (!sorted.length) return 0;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

const GRADES: Record<string, (v: number) => number> = {
  // gain = the judged value; values <= 0 are not relevant
  linear: (v) => (v > 0 ? v : 0),
  // Cranfield: codes 1 (complete answer) .. 4 (minimum interest) -> gains 4..1; -1 not relevant
  cranfield: (v) => (v >= 1 && v <= 4 ? 5 - v : 0),
};

/** `textloom eval search`: MAP, nDCG@10, P@10 and recall@100 of an index on a test collection. */
export const evalSearchCommand: Command = {
  name: 'eval search',
  summary: 'evaluate a search index against queries and qrels (trec_eval conventions)',
  usage: '--index DIR --queries queries.jsonl --qrels qrels.tsv [--grades cranfield] [--json] [--proximity=false] [--bm25f=false] [--rm3]',
  help: 'Example (Cranfield):\n  textloom eval search --index idx --queries queries.jsonl --qrels qrels.tsv --grades cranfield --json',
  flags: {
    index: { type: 'string', doc: 'index directory', value: 'DIR', required: true },
    queries: { type: 'string', doc: 'JSON-lines queries', value: 'FILE', required: true },
    qrels: { type: 'string', doc: 'relevance judgements (query doc rel, or TREC 4 columns)', value: 'FILE', required: true },
    grades: { type: 'string', doc: 'judgement -> gain: linear (rel > 0) or cranfield (5 - code for 1..4)', default: 'linear', value: 'MAP' },
    'query-id': { type: 'string', doc: 'id field of a query', default: 'id', value: 'FIELD' },
    'query-text': { type: 'string', doc: 'text field of a query', default: 'text', value: 'FIELD' },
    depth: { type: 'number', option: 'topK', doc: 'results retrieved per query (trec_eval cuts at 1000)', default: 1000 },
    syntax: { type: 'boolean', doc: 'parse queries with the query language (default: plain words)' },
    json: { type: 'boolean', doc: 'print one JSON object' },
    ...RANKING_FLAGS,
  },
  async run(args, io) {
    const f = args.flags;
    const grades = GRADES[String(f.grades)];
    if (!grades) throw new ArgumentError(`--grades must be linear or cranfield, got ${f.grades}`, { key: '--grades' });
    const depth = Number(f.depth);
    if (!Number.isInteger(depth) || depth < 1) throw new ArgumentError(`--depth must be a positive integer, got ${f.depth}`, { key: '--depth' });
    const index = await SearchIndex.load(String(f.index));
    const qrels = readQrels(String(f.qrels), grades);
    const ranking = rankingOptions(f);
    const runs = new Map<string, RankedDoc[]>();
    const bar = new ProgressBar('searching', qrels.size, io.stderr);
    let n = 0;
    let total = 0;
    const times: number[] = [];
    for await (const q of readJsonl<Record<string, unknown>>(String(f.queries))) {
      const id = String(q[String(f['query-id'])] ?? '');
      const text = q[String(f['query-text'])];
      if (!id || typeof text !== 'string') throw new FormatError(`a query needs "${f['query-id']}" and a string "${f['query-text']}"`, { file: String(f.queries), line: n + 1 });
      const t0 = performance.now();
      runs.set(id, index.search(f.syntax ? text : escapeQuery(text), { topK: depth, ...ranking }));
      const dt = performance.now() - t0;
      times.push(dt);
      total += dt;
      bar.update(++n);
    }
    bar.done();
    const summary = evaluateRuns(runs, qrels as Map<string, Judgements>);
    times.sort((a, b) => a - b);
    // Microsecond resolution: more digits are timer noise.
    const us = (ms: number): number => Math.round(ms * 1000) / 1000;
    const latency = { meanMs: us(total / Math.max(1, n)), p50Ms: us(percentile(times, 0.5)), p99Ms: us(percentile(times, 0.99)) };
    if (f.json) {
      const { map, mrr, queries } = summary;
      io.stdout.write(JSON.stringify({ map, ndcgAt10: summary['ndcg@10'], pAt10: summary['p@10'], recallAt100: summary['recall@100'], mrr, queries, latency }) + '\n');
    }
    else {
      io.stdout.write(`queries     ${summary.queries}\nmap         ${summary.map.toFixed(4)}\nndcg@10     ${summary['ndcg@10'].toFixed(4)}\np@10        ${summary['p@10'].toFixed(4)}\nrecall@100  ${summary['recall@100'].toFixed(4)}\nmrr         ${summary.mrr.toFixed(4)}\n`);
      io.stdout.write(`latency     mean ${latency.meanMs.toFixed(3)} ms, p50 ${latency.p50Ms.toFixed(3)} ms, p99 ${latency.p99Ms.toFixed(3)} ms (depth ${f.depth})\n`);
    }
  },
};
