import { ArgumentError } from '../../core/errors.js';
import { KeyedVectors } from '../../embeddings/keyed-vectors.js';
import type { Command } from '../command.js';
import { VECTOR_LOAD_FLAGS, vectorLoadOptions } from '../vector-load-flags.js';
import { positiveIntFlag } from '../flag-values.js';

/** `textloom w2v analogy`: a is to b as c is to ? (3CosAdd or 3CosMul). */
export const w2vAnalogy: Command = {
  name: 'w2v analogy',
  summary: 'answer "a is to b as c is to ?" (b - a + c)',
  usage: '--vectors FILE a b c [--topn 5] [--cosmul] [--json]',
  positionals: { name: 'A B C', doc: 'three words: a is to b as c is to ?', min: 3, max: 3 },
  flags: {
    vectors: { type: 'string', value: 'FILE', doc: 'vectors file (.bin, .txt or .tlv)', required: true },
    topn: { type: 'number', default: 5, doc: 'number of answers' },
    cosmul: { type: 'boolean', doc: 'use 3CosMul instead of 3CosAdd' },
    'restrict-vocab': { type: 'number', doc: 'search only the N most frequent words' },
    ...VECTOR_LOAD_FLAGS,
    json: { type: 'boolean', doc: 'print JSON' },
  },
  async run(args, io) {
    if (args.positional.length !== 3) throw new ArgumentError('give three words: a b c');
    const [a, b, c] = args.positional as [string, string, string];
    const topn = positiveIntFlag(args.flags.topn, 'topn');
    const kv = await KeyedVectors.load(String(args.flags.vectors), vectorLoadOptions(args.flags));
    const q = { positive: [b, c], negative: [a], topn, restrictVocab: args.flags['restrict-vocab'] as number | undefined };
    const res = args.flags.cosmul ? kv.mostSimilarCosmul(q) : kv.mostSimilar(q);
    if (args.flags.json) io.stdout.write(JSON.stringify(res) + '\n');
    else for (const r of res) io.stdout.write(`${r.word}\t${r.score.toFixed(6)}\n`);
  },
};
