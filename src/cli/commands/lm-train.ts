import { NgramLM } from '../../lm/model.js';
import type { Command } from '../command.js';
import { ProgressBar } from '../progress.js';
import { LM_CORPUS_FLAGS, lmInput } from '../flag-groups.js';
import { checkModelOut, explainDiscounts, LM_ESTIMATE_FLAGS, LM_MODEL_OUT_FLAG, lmEstimateOptions } from './lm-estimate-flags.js';

/** NgramLM.train, with a discount failure told in command-line terms (see `explainDiscounts`). */
async function trainOrExplain(...a: Parameters<typeof NgramLM.train>): Promise<NgramLM> {
  try {
    return await NgramLM.train(...a);
  } catch (e) {
    throw explainDiscounts(e, a[1]?.discountFallback);
  }
}

/** `textloom lm train`: trains an n-gram LM and writes it as ARPA (`.arpa`) or binary (otherwise). */
export const lmTrain: Command = {
  name: 'lm train',
  summary: 'train an n-gram language model (modified Kneser-Ney like KenLM lmplz, and more)',
  usage: '--input FILE --out MODEL(.arpa|.tlm) [--order N] [--smoothing kn] [--json]',
  help:
    'Input: one sentence per line, whitespace-tokenized (--tokenize runs the pipeline tokenizer). A blank line\n' +
    'counts as an empty sentence (<s> </s>), which makes lm generate print empty lines: for raw text with\n' +
    'wrapped paragraphs, `textloom tokenize --paragraphs --format text` gives one tokenized sentence per line.\n' +
    'Example: textloom lm train --order 5 --input train.txt --out model.arpa',
  flags: {
    ...LM_CORPUS_FLAGS,
    out: LM_MODEL_OUT_FLAG,
    ...LM_ESTIMATE_FLAGS,
    json: { type: 'boolean', doc: 'print a JSON summary {"order","smoothing","lines","ngramCounts","seconds","out"} on stdout' },
  },
  async run(args, io) {
    const f = args.flags;
    const estimate = lmEstimateOptions(f);
    const out = String(f.out);
    const arpa = checkModelOut(out, String(f.smoothing));
    const bar = new ProgressBar('lm train', undefined, io.stderr);
    const input = lmInput(f, bar, io);
    const t0 = Date.now();
    const lm = await trainOrExplain(input.sentences, {
      order: Number(f.order),
      ...estimate,
      onProgress: (p) => {
        if (p.stage !== 'read') bar.update(input.lines(), p.stage);
      },
    });
    if (arpa) await lm.toARPA(out);
    else lm.save(out);
    bar.done(`${lm.ngramCounts.join('/')} n-grams`);
    const seconds = (Date.now() - t0) / 1000;
    const lines = input.lines();
    if (f.json) io.stdout.write(JSON.stringify({ order: lm.order, smoothing: lm.smoothing, lines, ngramCounts: lm.ngramCounts, seconds, out }) + '\n');
    else io.stdout.write(`trained order-${lm.order} ${lm.smoothing} model on ${lines} lines in ${seconds.toFixed(2)}s -> ${out}\n`);
  },
};
