import { mergeIndexes } from '../../search/merge-indexes.js';
import type { Command } from '../command.js';
import { count } from '../plural.js';

/**
 * `textloom index merge`: merges saved indexes into one (Lucene's segment merge): documents in
 * input order, deleted ones dropped, saved to --out with an atomic manifest swap.
 */
export const indexMergeCommand: Command = {
  name: 'index merge',
  summary: 'merge saved search indexes into one',
  usage: 'DIR DIR... --out DIR [--json]',
  help: [
    'The indexes must share fields, id field, stored fields, analyzers (language included) and similarity.',
    'Documents keep the input order; an id live in two inputs is an error. The merged index scores every',
    'query as one index built from all the documents would.',
    'Example:',
    '  textloom index merge shard-0 shard-1 shard-2 --out idx',
  ].join('\n'),
  positionals: { name: 'DIR...', doc: 'the index directories to merge, in order', min: 1, max: Infinity },
  flags: {
    out: { type: 'string', doc: 'directory of the merged index (may be one of the inputs)', value: 'DIR', required: true },
    json: { type: 'boolean', doc: 'print {"documents","dropped","inputs","out","seconds"} as JSON' },
  },
  async run(args, io) {
    const t0 = performance.now();
    const r = await mergeIndexes(args.positional, String(args.flags.out));
    const seconds = Math.round(performance.now() - t0) / 1000;
    if (args.flags.json) io.stdout.write(JSON.stringify({ ...r, seconds }) + '\n');
    else io.stdout.write(`merged ${count(r.inputs.length, 'index', 'indexes')} into ${r.out}: ${count(r.documents, 'document')}${r.dropped ? ` (${count(r.dropped, 'deleted document')} dropped)` : ''} in ${seconds.toFixed(2)}s\n`);
  },
};
