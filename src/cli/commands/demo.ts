import { palette } from '../demo/colour.js';
import { runDemo } from '../demo/run.js';
import type { Command } from '../command.js';

/** Width used when the output is not a terminal (or the terminal does not say). */
const DEFAULT_WIDTH = 100;

/** `textloom demo`: the whole toolkit on the bundled corpora in a few seconds (see `src/cli/demo/`). */
export const demoCommand: Command = {
  name: 'demo',
  summary: 'show the toolkit on the bundled corpora: tags, lemmas, entities, sentences, matcher, n-grams, TF-IDF, word2vec, search',
  usage: '[--pipeline NAME|FILE] [--json]',
  help: 'Colours are used on a terminal unless NO_COLOR is set; piped output is plain text.\nExample: textloom demo --json | jq .sections.ngram',
  flags: {
    pipeline: { type: 'string', doc: 'bundled pipeline name or config file', default: 'en_core', value: 'NAME|FILE' },
    json: { type: 'boolean', doc: 'print one JSON summary of every section instead of the text' },
  },
  async run({ flags }, io) {
    const stdout = io.stdout as NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
    const json = flags.json === true;
    const c = palette(json ? {} : stdout);
    const width = stdout.isTTY && stdout.columns ? Math.max(60, Math.min(stdout.columns, 120)) : DEFAULT_WIDTH;
    const summary = await runDemo({
      pipeline: String(flags.pipeline),
      palette: c,
      width,
      ...(json ? {} : { print: (line: string) => void stdout.write(line + '\n') }),
    });
    if (json) stdout.write(JSON.stringify(summary, null, 2) + '\n');
    return 0;
  },
};
