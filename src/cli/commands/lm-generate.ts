import { NgramLM, LM_DEFAULTS } from '../../lm/model.js';
import { detokenize } from '../../tokenizer/detokenize.js';
import type { Command } from '../command.js';
import { positiveIntFlag } from '../flag-values.js';

/** `textloom lm generate`: samples sentences from a model, reproducibly for a seed. */
export const lmGenerate: Command = {
  name: 'lm generate',
  summary: 'sample sentences from a language model (reproducible for a seed)',
  usage: '--model MODEL [--seed S] [--count N] [--max-tokens N] [--temperature T] [--prefix "words"] [--raw]',
  help: 'Sentences are printed as text (no space before punctuation or clitics such as n\'t); --raw prints the tokens joined by spaces.\nExample: textloom lm generate --model model.arpa --seed 7 --count 3',
  flags: {
    model: { type: 'string', doc: 'model file (*.arpa, *.arpa.gz or textloom binary)', value: 'MODEL', required: true, alias: 'm' },
    seed: { type: 'number', doc: 'random seed (sentence i uses seed + i)', default: LM_DEFAULTS.seed },
    count: { type: 'number', doc: 'number of sentences (a positive integer)', default: 1, alias: 'n' },
    'max-tokens': { type: 'number', doc: 'maximum generated tokens per sentence', default: LM_DEFAULTS.maxTokens },
    temperature: { type: 'number', doc: 'sampling temperature (> 0; lower is greedier)', default: LM_DEFAULTS.temperature },
    prefix: { type: 'string', doc: 'words to start each sentence with', value: 'WORDS' },
    raw: { type: 'boolean', doc: 'print the tokens joined by single spaces instead of detokenized text' },
    json: { type: 'boolean', doc: 'print one JSON array of token arrays' },
  },
  async run(args, io) {
    const f = args.flags;
    const count = positiveIntFlag(f.count, 'count');
    const maxTokens = positiveIntFlag(f['max-tokens'], 'max-tokens');
    const lm = await NgramLM.open(String(f.model));
    const out: string[][] = [];
    for (let i = 0; i < count; i++) {
      out.push(
        lm.generate({
          seed: Number(f.seed) + i,
          maxTokens,
          temperature: Number(f.temperature),
          prefix: f.prefix === undefined ? undefined : String(f.prefix),
        }),
      );
    }
    io.stdout.write(f.json ? JSON.stringify(out) + '\n' : out.map((s) => (f.raw ? s.join(' ') : detokenize(s))).join('\n') + '\n');
  },
};
