import { ArgumentError } from '../../core/errors.js';
import { KeyedVectors, MOST_SIMILAR_DEFAULTS, VectorIndex } from '../../index.js';
import type { Command } from '../command.js';
import { VECTOR_LOAD_FLAGS, vectorLoadOptions } from '../vector-load-flags.js';
import { positiveIntFlag } from '../flag-values.js';

/** `textloom w2v similar`: nearest neighbours of a word. */
export const w2vSimilar: Command = {
  name: 'w2v similar',
  summary: 'list the words nearest to a word (cosine)',
  usage: `--vectors FILE WORD [--topn ${MOST_SIMILAR_DEFAULTS.topn}] [--index FILE] [--json]`,
  positionals: { name: 'WORD', doc: 'the word whose neighbours to list', min: 1, max: 1 },
  flags: {
    vectors: { type: 'string', value: 'FILE', doc: 'vectors file (.bin, .txt or .tlv)', required: true },
    index: { type: 'string', value: 'FILE', doc: 'search this index (from `vectors index` over the same vectors) instead of scanning every vector' },
    topn: { type: 'number', default: MOST_SIMILAR_DEFAULTS.topn, doc: 'number of neighbours' },
    'restrict-vocab': { type: 'number', doc: 'search only the N most frequent words' },
    ...VECTOR_LOAD_FLAGS,
    json: { type: 'boolean', doc: 'print JSON' },
  },
  async run(args, io) {
    if (args.positional.length !== 1) throw new ArgumentError('give exactly one WORD');
    const topn = positiveIntFlag(args.flags.topn, 'topn');
    const kv = await KeyedVectors.load(String(args.flags.vectors), vectorLoadOptions(args.flags));
    if (args.flags.index !== undefined) kv.attachIndex(VectorIndex.load(String(args.flags.index)));
    const res = kv.mostSimilar({ positive: [args.positional[0]!], topn, restrictVocab: args.flags['restrict-vocab'] as number | undefined });
    if (args.flags.json) io.stdout.write(JSON.stringify(res) + '\n');
    else for (const r of res) io.stdout.write(`${r.word}\t${r.score.toFixed(6)}\n`);
  },
};
