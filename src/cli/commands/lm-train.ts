import { ArgumentError } from '../../core/errors.js';
import { NgramLM, LM_DEFAULTS } from '../../lm/model.js';
import type { SmoothingName } from '../../lm/smoothing/index.js';
import type { Command } from '../command.js';
import { ProgressBar } from '../progress.js';
import { LM_TOKENIZE_FLAGS, lmInput } from '../flag-groups.js';
import { assertWritable } from '../../io/atomic.js';

/**
 * NgramLM.train, with the tiny-corpus discount failure told in command-line terms: the API's
 * "pass discountFallback, e.g. [0.5, 1, 1.5]" becomes "pass --discount-fallback 0.5,1,1.5".
 */
async function trainOrExplain(...a: Parameters<typeof NgramLM.train>): Promise<NgramLM> {
  try {
    return await NgramLM.train(...a);
  } catch (e) {
    if (e instanceof ArgumentError && e.where?.key === 'discountFallback' && a[1]?.discountFallback === undefined) {
      const cut = e.detail.lastIndexOf(' (pass ');
      throw new ArgumentError(`${cut >= 0 ? e.detail.slice(0, cut) : e.detail}; pass --discount-fallback 0.5,1,1.5 to use fixed discounts`, { key: '--discount-fallback' });
    }
    throw e;
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
    input: { type: 'string', doc: 'training text, one sentence per line (.gz ok, - for stdin)', value: 'FILE', required: true, alias: 'i' },
    out: { type: 'string', doc: 'model file: *.arpa writes ARPA, anything else the binary format', value: 'MODEL', required: true, alias: 'o' },
    order: { type: 'number', doc: 'n-gram order', default: LM_DEFAULTS.order },
    smoothing: { type: 'string', doc: 'kn | witten-bell | mle | laplace | add-k | stupid-backoff', default: LM_DEFAULTS.smoothing, value: 'NAME' },
    'min-count': { type: 'number', doc: 'map words seen fewer times to <unk>', default: LM_DEFAULTS.minCount },
    k: { type: 'number', doc: 'k of add-k smoothing', default: LM_DEFAULTS.k },
    alpha: { type: 'number', doc: 'stupid-backoff multiplier', default: LM_DEFAULTS.alpha },
    'discount-fallback': { type: 'string', doc: 'KN discounts "D1,D2,D3" when they cannot be estimated (tiny data)', value: 'D1,D2,D3' },
    ...LM_TOKENIZE_FLAGS,
    json: { type: 'boolean', doc: 'print a JSON summary {"order","smoothing","lines","ngramCounts","seconds","out"} on stdout' },
  },
  async run(args, io) {
    const f = args.flags;
    let discountFallback: [number, number, number] | undefined;
    if (f['discount-fallback'] !== undefined) {
      const parts = String(f['discount-fallback']).split(',').map(Number);
      if (parts.length !== 3 || parts.some((x) => !Number.isFinite(x))) throw new ArgumentError('--discount-fallback needs three numbers like 0.5,1,1.5', { key: '--discount-fallback' });
      discountFallback = parts as [number, number, number];
    }
    const out = String(f.out);
    const arpa = /\.arpa$/i.test(out);
    if (/\.gz$/i.test(out)) throw new ArgumentError('--out: writing gzipped files is not supported; write model.arpa (or model.tlm) and compress it', { key: '--out' });
    if (arpa && ['mle', 'laplace', 'add-k', 'stupid-backoff'].includes(String(f.smoothing))) {
      throw new ArgumentError(`--out: a ${f.smoothing} model has no exact ARPA form; write a .tlm file instead`, { key: '--out' });
    }
    // Before training, not after minutes of it.
    assertWritable(out);
    const bar = new ProgressBar('lm train', undefined, io.stderr);
    const input = lmInput(f, bar, io);
    const t0 = Date.now();
    const lm = await trainOrExplain(input.sentences, {
      order: Number(f.order),
      smoothing: String(f.smoothing) as SmoothingName,
      minCount: Number(f['min-count']),
      k: f.smoothing === 'laplace' ? 1 : Number(f.k),
      alpha: Number(f.alpha),
      discountFallback,
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
    else io.stderr.write(`trained order-${lm.order} ${lm.smoothing} model on ${lines} lines in ${seconds.toFixed(2)}s -> ${out}\n`);
  },
};
