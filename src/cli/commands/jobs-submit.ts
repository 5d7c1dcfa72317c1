import { PHRASE_ATTRS } from '../../components/matcher/attrs.js';
import { ArgumentError } from '../../core/errors.js';
import { JOB_KINDS, JOBS_DEFAULTS, type JobKind } from '../../jobs/options.js';
import { submitJobs, type SubmitOptions } from '../../jobs/submit.js';
import { LM_DEFAULTS } from '../../lm/model.js';
import type { Command } from '../command.js';
import { positiveIntFlag } from '../flag-values.js';
import { analyzerFromFlags } from './index-build.js';
import { REDIS_FLAGS, waitWithBar } from './jobs-flags.js';
import { LM_ESTIMATE_FLAGS, lmEstimateOptions } from './lm-estimate-flags.js';

function list(v: unknown): string[] {
  return v === undefined ? [] : String(v).split(',').map((s) => s.trim()).filter(Boolean);
}

/** `textloom jobs submit`: cuts the input into shards and enqueues one job per shard. */
export const jobsSubmit: Command = {
  name: 'jobs submit',
  summary: 'split an input into shards and enqueue one job per shard (BullMQ over Redis); prints the run id',
  usage: `KIND --redis URL --input 'GLOB' --out DIR [--shard-size BYTES] [--wait] [--json]`,
  help:
    `KIND: ${JOB_KINDS.join(', ')}. Outputs in DIR: output.jsonl|output.conllu (tokenize, tag), matches.jsonl (match),\n` +
    'model.arpa (lm-counts), ' +
    'df.tldf (tfidf), index/ (index). DIR must be reachable by every worker (a shared file system across machines).\n' +
    "Example: textloom jobs submit lm-counts --redis redis://127.0.0.1:6379 --input 'corpus/*.txt' --out lm --order 5 --wait",
  positionals: { name: 'KIND', doc: JOB_KINDS.join(' | '), min: 1, max: 1 },
  flags: {
    ...REDIS_FLAGS,
    input: { type: 'string', doc: "input file or pattern ('dir/*.txt'; matches sorted by name)", value: 'GLOB', required: true, alias: 'i' },
    out: { type: 'string', doc: 'output directory shared by the workers', value: 'DIR', required: true, alias: 'o' },
    'shard-size': { type: 'number', option: 'shardSize', doc: 'cut files larger than this into byte ranges on line boundaries', default: JOBS_DEFAULTS.shardSize, value: 'BYTES' },
    pipeline: { type: 'string', doc: 'tokenize/tag/match: pipeline name or config file', value: 'NAME' },
    patterns: { type: 'string', doc: 'match: token/phrase pattern file (entity-ruler JSON lines, as textloom match)', value: 'FILE' },
    'dep-patterns': { type: 'string', option: 'depPatterns', doc: 'match: dependency pattern file (JSON lines, as textloom match)', value: 'FILE' },
    attr: { type: 'string', doc: 'match: token attribute phrase patterns match on', value: 'ATTR' },
    format: { type: 'string', doc: 'tokenize/tag: jsonl or conllu', default: JOBS_DEFAULTS.format, value: 'FORMAT' },
    order: { type: 'number', doc: 'lm-counts: n-gram order', default: LM_DEFAULTS.order },
    model: { type: 'string', doc: 'lm-counts: model file name in DIR (*.arpa or .tlm)', default: 'model.arpa', value: 'NAME' },
    ...LM_ESTIMATE_FLAGS,
    field: { type: 'string', doc: 'tfidf: read JSON lines and take the text from this field', value: 'NAME' },
    fields: { type: 'string', doc: 'index: comma-separated fields to index', value: 'LIST' },
    id: { type: 'string', option: 'idField', doc: 'index: id field', default: 'id', value: 'FIELD' },
    store: { type: 'string', option: 'storeFields', doc: 'index: comma-separated fields to store', value: 'LIST' },
    wait: { type: 'boolean', doc: 'wait until the run completes (as jobs wait)' },
    json: { type: 'boolean', doc: 'print {"runId","kind","shards","bytes","out"} (and the final status with --wait)' },
  },
  async run(args, io) {
    const f = args.flags;
    const kind = String(args.positional[0]) as JobKind;
    if (!JOB_KINDS.includes(kind)) throw new ArgumentError(`unknown job kind ${JSON.stringify(kind)}: one of ${JOB_KINDS.join(', ')}`, { key: 'KIND' });
    const format = String(f.format);
    if (format !== 'jsonl' && format !== 'conllu') throw new ArgumentError(`--format must be jsonl or conllu, got ${JSON.stringify(format)}`, { key: '--format' });
    const options: SubmitOptions = {
      redis: String(f.redis),
      queue: String(f.queue),
      input: String(f.input),
      out: String(f.out),
      shardSize: positiveIntFlag(f['shard-size'], 'shard-size'),
    };
    if (kind === 'tokenize' || kind === 'tag') {
      options.format = format;
      if (f.pipeline !== undefined) options.pipeline = String(f.pipeline);
    } else if (kind === 'match') {
      if (f.pipeline !== undefined) options.pipeline = String(f.pipeline);
      if (f.patterns !== undefined) options.patterns = String(f.patterns);
      if (f['dep-patterns'] !== undefined) options.depPatterns = String(f['dep-patterns']);
      if (f.attr !== undefined) {
        const attr = String(f.attr).toUpperCase();
        if (!PHRASE_ATTRS.includes(attr)) throw new ArgumentError(`--attr must be one of ${PHRASE_ATTRS.join(', ')}`, { key: '--attr' });
        options.attr = attr;
      }
      if (options.patterns === undefined && options.depPatterns === undefined) throw new ArgumentError('the match kind needs --patterns or --dep-patterns (or both)', { key: '--patterns' });
    } else if (kind === 'lm-counts') {
      options.order = positiveIntFlag(f.order, 'order');
      options.model = String(f.model);
      const { discountFallback, ...rest } = lmEstimateOptions(f);
      options.estimate = { ...rest, ...(discountFallback ? { discountFallback: [...discountFallback] as [number, number, number] } : {}) };
    } else if (kind === 'tfidf') {
      if (f.field !== undefined) options.field = String(f.field);
    } else if (kind === 'index') {
      if (f.fields === undefined) throw new ArgumentError('the index kind needs --fields', { key: '--fields' });
      options.index = { fields: list(f.fields), idField: String(f.id), storeFields: list(f.store), analyzer: analyzerFromFlags(f) };
    }
    const run = await submitJobs(kind, options);
    if (!f.wait) {
      if (f.json) io.stdout.write(JSON.stringify(run) + '\n');
      else io.stdout.write(`${run.runId}\n`);
      io.stderr.write(`submitted ${run.kind} run ${run.runId}: ${run.shards} shards -> ${run.out}\n`);
      return 0;
    }
    const status = await waitWithBar(run.runId, String(f.redis), String(f.queue), io.stderr);
    if (f.json) io.stdout.write(JSON.stringify({ ...run, status }) + '\n');
    else io.stdout.write(`${status.output}\n`);
    return 0;
  },
};

