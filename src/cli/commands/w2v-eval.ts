import { ArgumentError } from '../../core/errors.js';
import { ANALOGY_DEFAULTS, KeyedVectors } from '../../index.js';
import type { Command } from '../command.js';
import { VECTOR_LOAD_FLAGS, vectorLoadOptions } from '../vector-load-flags.js';

/** `textloom w2v eval`: analogy accuracy and word-pair correlations. */
export const w2vEval: Command = {
  name: 'w2v eval',
  summary: 'evaluate vectors on analogies (accuracy) and word pairs (Pearson/Spearman)',
  usage: '--vectors FILE [--analogies FILE] [--pairs FILE] [--json]',
  flags: {
    vectors: { type: 'string', value: 'FILE', doc: 'vectors file (.bin, .txt or .tlv)', required: true },
    analogies: { type: 'string', value: 'FILE', doc: 'questions-words style analogy file' },
    pairs: { type: 'string', value: 'FILE', doc: 'word1<TAB>word2<TAB>score file (repeatable via commas)' },
    'restrict-vocab': { type: 'number', default: ANALOGY_DEFAULTS.restrictVocab, doc: 'analogies: use the N most frequent words' },
    'case-sensitive': { type: 'boolean', doc: 'compare words case-sensitively' },
    ...VECTOR_LOAD_FLAGS,
    json: { type: 'boolean', doc: 'print JSON' },
  },
  async run(args, io) {
    const f = args.flags;
    if (!f.analogies && !f.pairs) throw new ArgumentError('give --analogies and/or --pairs', { key: '--analogies' });
    const kv = await KeyedVectors.load(String(f.vectors), vectorLoadOptions(args.flags));
    const caseInsensitive = f['case-sensitive'] !== true;
    const out: Record<string, unknown> = { vectors: f.vectors, vocabSize: kv.size, dim: kv.dim };
    if (f.analogies) {
      const r = await kv.evaluateWordAnalogies(String(f.analogies), { restrictVocab: f['restrict-vocab'] as number, caseInsensitive });
      out.analogies = { accuracy: r.accuracy, oovRatio: r.oovRatio, questions: r.questions, sections: r.sections };
      if (!f.json) {
        for (const s of r.sections) io.stdout.write(`${s.section.padEnd(28)} ${(s.accuracy * 100).toFixed(2).padStart(6)}%  (${s.correct}/${s.correct + s.incorrect})\n`);
        io.stdout.write(`questions with unknown words: ${r.oovRatio.toFixed(1)}%\n`);
      }
    }
    if (f.pairs) {
      const pairs: Record<string, unknown>[] = [];
      for (const file of String(f.pairs).split(',')) {
        const r = await kv.evaluateWordPairs(file, { caseInsensitive });
        pairs.push({ file, pearson: r.pearson, spearman: r.spearman, oovRatio: r.oovRatio, pairs: r.pairs });
        if (!f.json) io.stdout.write(`${file}: Pearson ${r.pearson.toFixed(4)}  Spearman ${r.spearman.toFixed(4)}  unknown ${r.oovRatio.toFixed(1)}%\n`);
      }
      out.pairs = pairs;
    }
    if (f.json) io.stdout.write(JSON.stringify(out) + '\n');
  },
};
