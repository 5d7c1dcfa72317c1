import { NgramCounts } from '../../lm/ngram-counts.js';
import { NgramLM } from '../../lm/model.js';
import type { Command } from '../command.js';
import { jsonSummaryFlag, printSummary } from '../out-file.js';
import { ProgressBar } from '../progress.js';
import { checkModelOut, explainDiscounts, LM_ESTIMATE_FLAGS, LM_MODEL_OUT_FLAG, lmEstimateOptions } from './lm-estimate-flags.js';

/** `textloom lm merge`: merges counts files (in corpus order) and estimates one model from them. */
export const lmMerge: Command = {
  name: 'lm merge',
  summary: 'merge n-gram counts files (from lm count) and estimate one model, equal to lm train on the whole text',
  usage: 'COUNTS... --out MODEL(.arpa|.tlm) [--smoothing kn] [--json]',
  help:
    'Give the counts files in the order of the text they were counted from: the model is then byte for byte\n' +
    'the one lm train writes for the concatenated text, with the same estimation flags.\n' +
    'Example: textloom lm merge part-0.tlc part-1.tlc --out model.arpa',
  positionals: { name: 'COUNTS...', doc: 'counts files written by lm count, in corpus order', min: 1, max: Infinity },
  flags: {
    out: LM_MODEL_OUT_FLAG,
    ...LM_ESTIMATE_FLAGS,
    json: jsonSummaryFlag(['order', 'smoothing', 'inputs', 'sentences', 'ngramCounts', 'seconds', 'out']),
  },
  async run(args, io) {
    const f = args.flags;
    const estimate = lmEstimateOptions(f);
    const out = String(f.out);
    const arpa = checkModelOut(out, String(f.smoothing));
    const files = args.positional.map(String);
    const bar = new ProgressBar('lm merge', files.length);
    const t0 = Date.now();
    const shards: NgramCounts[] = [];
    let sentences = 0;
    for (const file of files) {
      const c = NgramCounts.load(file);
      sentences += c.sentences;
      shards.push(c);
      bar.update(shards.length, 'files');
    }
    let lm: NgramLM;
    try {
      lm = NgramLM.fromCounts(shards, { ...estimate, onProgress: (p) => bar.update(files.length, p.stage) });
    } catch (e) {
      throw explainDiscounts(e, estimate.discountFallback);
    }
    if (arpa) await lm.toARPA(out);
    else lm.save(out);
    bar.done(`${lm.ngramCounts.join('/')} n-grams`);
    const seconds = (Date.now() - t0) / 1000;
    const summary = { order: lm.order, smoothing: lm.smoothing, inputs: files.length, sentences, ngramCounts: lm.ngramCounts, seconds, out };
    printSummary(io, f.json, summary, `merged ${files.length} counts files (${sentences} sentences) into an order-${lm.order} ${lm.smoothing} model in ${seconds.toFixed(2)}s -> ${out}`);
  },
};
