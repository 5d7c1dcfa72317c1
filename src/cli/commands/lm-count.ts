import { NgramCounts } from '../../lm/ngram-counts.js';
import { assertWritable } from '../../io/atomic.js';
import type { Command } from '../command.js';
import { outFileFlags, printSummary } from '../out-file.js';
import { ProgressBar } from '../progress.js';
import { LM_CORPUS_FLAGS, lmInput } from '../flag-groups.js';

/** `textloom lm count`: the raw n-gram counts of one shard of a corpus, for `lm merge`. */
export const lmCount: Command = {
  name: 'lm count',
  summary: 'count the n-grams of one shard of a corpus into a counts file (merged later by lm merge)',
  usage: '--input FILE --order N --out COUNTS [--json]',
  help:
    'Input as lm train reads it (one sentence per line). Count each shard with the same --order, then\n' +
    '`textloom lm merge` the counts files in corpus order: the model equals lm train on the concatenated text.\n' +
    'Example: textloom lm count --order 5 --input part-0.txt --out part-0.tlc',
  flags: {
    ...LM_CORPUS_FLAGS,
    ...outFileFlags('counts file to write (textloom binary)', 'COUNTS', ['order', 'sentences', 'tokens', 'vocabSize', 'seconds', 'out']),
  },
  async run(args, io) {
    const f = args.flags;
    const out = String(f.out);
    assertWritable(out);
    const bar = new ProgressBar('lm count', undefined);
    const input = lmInput(f, bar, io);
    const t0 = Date.now();
    const counts = await NgramCounts.count(input.sentences, { order: Number(f.order) });
    counts.save(out);
    bar.done(`${counts.sentences} sentences`);
    const seconds = (Date.now() - t0) / 1000;
    const summary = { order: counts.order, sentences: counts.sentences, tokens: counts.tokens, vocabSize: counts.vocabSize, seconds, out };
    printSummary(io, f.json, summary, `counted order-${counts.order} n-grams of ${counts.sentences} sentences in ${seconds.toFixed(2)}s -> ${out}`);
  },
};
