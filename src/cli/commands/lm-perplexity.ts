import { NgramLM } from '../../lm/model.js';
import type { Command } from '../command.js';
import { ProgressBar } from '../progress.js';
import { LM_MODEL_FLAGS, LM_TOKENIZE_FLAGS, lmInput } from '../flag-groups.js';

/** `textloom lm perplexity`: perplexity of a model on a text, as KenLM's `query -v summary`. */
export const lmPerplexity: Command = {
  name: 'lm perplexity',
  summary: 'perplexity of a language model on a text (with and without OOVs, as KenLM query)',
  usage: '--model MODEL --input FILE [--json]',
  help: 'Example: textloom lm perplexity --model model.arpa --input test.txt --json',
  flags: {
    ...LM_MODEL_FLAGS,
    input: { type: 'string', doc: 'text, one sentence per line (.gz ok, - for stdin)', value: 'FILE', required: true, alias: 'i' },
    json: { type: 'boolean', doc: 'print one JSON object' },
    ...LM_TOKENIZE_FLAGS,
  },
  async run(args, io) {
    const f = args.flags;
    const lm = await NgramLM.open(String(f.model));
    const bar = new ProgressBar('lm perplexity', undefined, io.stderr);
    const r = await lm.perplexity(lmInput(f, bar, io).sentences);
    bar.done();
    if (f.json) {
      io.stdout.write(
        JSON.stringify({ perplexity: r.perplexity, perplexityExcludingOov: r.perplexityExcludingOov, oov: r.oov, tokens: r.tokens, sentences: r.sentences }) + '\n',
      );
    } else {
      io.stdout.write(`Perplexity including OOVs:\t${r.perplexity}\nPerplexity excluding OOVs:\t${r.perplexityExcludingOov}\nOOVs:\t${r.oov}\nTokens:\t${r.tokens}\nSentences:\t${r.sentences}\n`);
    }
  },
};
