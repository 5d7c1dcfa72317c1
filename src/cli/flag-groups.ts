/**
 * Flag groups that several commands declare alike, spread into each command's `flags` (the order
 * of the spread is the order in `--help`), and the steps that read them.
 */
import type { FlagSpec } from './args.js';
import type { CommandIO } from './command.js';
import { ProgressBar } from './progress.js';
import { readLabelledJsonl } from '../components/textcat/read.js';
import { DEFAULT_LM_PIPELINE, lmSentences } from './commands/lm-input.js';

/** `--model` of the commands that read a saved n-gram language model. */
export const LM_MODEL_FLAGS: Record<string, FlagSpec> = {
  model: { type: 'string', doc: 'model file (*.arpa, *.arpa.gz or textloom binary)', value: 'MODEL', required: true, alias: 'm' },
};

/** `--tokenize` and `--pipeline`: how the `lm` commands split their lines into words (see `lmSentences`). */
export const LM_TOKENIZE_FLAGS: Record<string, FlagSpec> = {
  tokenize: { type: 'boolean', doc: 'tokenize lines with the pipeline tokenizer instead of splitting on whitespace' },
  pipeline: { type: 'string', doc: 'pipeline name or config for --tokenize', default: DEFAULT_LM_PIPELINE, value: 'NAME' },
};

/**
 * The sentences of `--input` as the {@link LM_TOKENIZE_FLAGS} say to split them, counting the
 * lines read on `bar` every 1024 lines; `lines()` is the count so far.
 */
export function lmInput(f: Record<string, unknown>, bar: ProgressBar, io: CommandIO): { sentences: AsyncGenerator<string[]>; lines: () => number } {
  let lines = 0;
  const sentences = lmSentences(String(f.input), !!f.tokenize, String(f.pipeline), () => {
    if ((++lines & 1023) === 0) bar.update(lines, 'lines');
  }, io.stderr);
  return { sentences, lines: () => lines };
}

/** `--model` of the commands that read a saved text classifier. */
export const TEXTCAT_MODEL_FLAGS: Record<string, FlagSpec> = {
  model: { type: 'string', doc: 'model written by `textloom train textcat`', value: 'MODEL', required: true, alias: 'm' },
};

/** `--text-field` and `--label-field`: where the text and the label stand in a labelled JSONL record. */
export const LABELLED_JSONL_FLAGS: Record<string, FlagSpec> = {
  'text-field': { type: 'string', doc: 'field holding the text', default: 'text', value: 'NAME' },
  'label-field': { type: 'string', doc: 'field holding the label (string, or list for multilabel)', default: 'label', value: 'NAME' },
};

/** The texts and labels of `--input` as the {@link LABELLED_JSONL_FLAGS} name them, with a progress bar. */
export async function readLabelledInput(f: Record<string, unknown>, io: CommandIO): Promise<Awaited<ReturnType<typeof readLabelledJsonl>>> {
  const bar = new ProgressBar('reading', undefined, io.stderr);
  const read = await readLabelledJsonl(String(f.input), String(f['text-field']), String(f['label-field']), (n) => { if ((n & 255) === 0) bar.update(n); });
  bar.done(`${read.texts.length} examples`);
  return read;
}
