import { NgramLM } from '../../lm/model.js';
import type { Command } from '../command.js';
import { writeOut } from '../io.js';
import { lmSentences } from './lm-input.js';
import { LM_MODEL_FLAGS, LM_TOKENIZE_FLAGS } from '../flag-groups.js';

/**
 * `textloom lm score`: per-sentence log10 probability, OOV count and perplexity, then the totals,
 * with the numbers of KenLM's `query` (`<s>` context, `</s>` scored and counted, OOVs as `<unk>`).
 */
export const lmScore: Command = {
  name: 'lm score',
  summary: "score each sentence with a language model: log10 probability, OOVs, perplexity (KenLM query's numbers), then totals",
  usage: '--model MODEL [FILE|-] [--tokenize] [--json]',
  help: [
    'One line per input line (blank lines too: they score </s> alone), as KenLM query prints it plus the',
    "sentence's perplexity: `Total: LOG10 OOV: N Perplexity: P`; then KenLM's summary. A sentence's total",
    'includes </s>; its perplexity is 10^(-total / (words + 1)).',
    'With --json: one {"logProb", "oov", "tokens", "perplexity"} per line, then {"summary": {...}}.',
    'Example: echo "the cat sat" | textloom lm score --model model.arpa',
  ].join('\n'),
  positionals: { name: 'FILE', doc: 'text, one sentence per line (.gz ok; - or none for stdin)', max: 1 },
  flags: {
    ...LM_MODEL_FLAGS,
    json: { type: 'boolean', doc: 'print JSON lines' },
    ...LM_TOKENIZE_FLAGS,
  },
  async run(args, io) {
    const f = args.flags;
    const lm = await NgramLM.open(String(f.model));
    const json = f.json === true;
    // Each sentence is scored on its own for its line, and passes on to the corpus totals.
    async function* perLine(sentences: AsyncIterable<string[]>): AsyncGenerator<string[]> {
      for await (const s of sentences) {
        const r = lm.perplexity([s]);
        await writeOut(
          io.stdout,
          json
            ? JSON.stringify({ logProb: r.logProb, oov: r.oov, tokens: r.tokens, perplexity: r.perplexity }) + '\n'
            : `Total: ${r.logProb} OOV: ${r.oov} Perplexity: ${r.perplexity}\n`,
        );
        yield s;
      }
    }
    const t = await lm.perplexity(perLine(lmSentences(args.positional[0] ?? '-', f.tokenize === true, String(f.pipeline))));
    if (json) {
      io.stdout.write(
        JSON.stringify({ summary: { logProb: t.logProb, perplexity: t.perplexity, perplexityExcludingOov: t.perplexityExcludingOov, oov: t.oov, tokens: t.tokens, sentences: t.sentences } }) + '\n',
      );
    } else {
      io.stdout.write(
        `Perplexity including OOVs:\t${t.perplexity}\nPerplexity excluding OOVs:\t${t.perplexityExcludingOov}\nOOVs:\t${t.oov}\nTokens:\t${t.tokens}\nTotal log10 probability:\t${t.logProb}\nSentences:\t${t.sentences}\n`,
      );
    }
  },
};
