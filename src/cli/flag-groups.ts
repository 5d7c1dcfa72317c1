/**
 * Flag groups that several commands declare alike, spread into each command's `flags` (the order
 * of the spread is the order in `--help`), and the steps that read them.
 */
import { ArgumentError } from '../core/errors.js';
import { assertWritable } from '../io/atomic.js';
import type { FlagSpec } from './args.js';
import type { CommandIO } from './command.js';
import { ProgressBar } from './progress.js';
import { readLabelledJsonl } from '../components/textcat/read.js';
import { DEFAULT_LM_PIPELINE, lmSentences } from './commands/lm-input.js';
import { LM_DEFAULTS } from '../lm/model.js';

/** `--model` of the commands that read a saved n-gram language model. */
export const LM_MODEL_FLAGS: Record<string, FlagSpec> = {
  model: { type: 'string', doc: 'model file (*.arpa, *.arpa.gz or textloom binary)', value: 'MODEL', required: true, alias: 'm' },
};

/** `--tokenize` and `--pipeline`: how the `lm` commands split their lines into words (see `lmSentences`). */
export const LM_TOKENIZE_FLAGS: Record<string, FlagSpec> = {
  tokenize: { type: 'boolean', doc: 'tokenize lines with the pipeline tokenizer instead of splitting on whitespace' },
  pipeline: { type: 'string', doc: 'pipeline name or config for --tokenize', default: DEFAULT_LM_PIPELINE, value: 'NAME' },
};

/** The corpus flags `lm train` and `lm count` share: `--input`, `--order` and {@link LM_TOKENIZE_FLAGS} (read by {@link lmInput}). */
export const LM_CORPUS_FLAGS: Record<string, FlagSpec> = {
  input: { type: 'string', doc: 'text, one sentence per line (.gz ok, - for stdin)', value: 'FILE', required: true, alias: 'i' },
  order: { type: 'number', doc: 'n-gram order', default: LM_DEFAULTS.order },
  ...LM_TOKENIZE_FLAGS,
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

/** What differs between the `train senter|parser|ner|tagger` commands in their {@link trainFlags}. */
export interface TrainFlagDocs {
  /** What `--train` holds, e.g. `training trees (CoNLL-U, .gz ok)`. */
  train: string;
  /** What `--dev` holds and how it is scored. */
  dev: string;
  /** `--out`'s doc (default `model file to write`). */
  out?: string;
  /** `--seed`'s doc (default `shuffle seed (same seed, same model)`). */
  seed?: string;
  /** The trainer's defaults for `--epochs` and `--seed`. */
  defaults: { epochs: number; seed: number };
}

/**
 * The flags every `train <component>` command has, in `--help` order: `--train`, `--dev`, `--out`,
 * `--epochs`, `--seed`; a command spreads its own flags after them, then {@link TRAIN_JSON_FLAG}.
 */
export function trainFlags(d: TrainFlagDocs): Record<string, FlagSpec> {
  return {
    train: { type: 'string', value: 'FILE', doc: d.train, required: true },
    dev: { type: 'string', value: 'FILE', doc: d.dev },
    out: { type: 'string', value: 'MODEL', doc: d.out ?? 'model file to write', required: true },
    epochs: { type: 'number', doc: 'passes over the data', default: d.defaults.epochs },
    seed: { type: 'number', doc: d.seed ?? 'shuffle seed (same seed, same model)', default: d.defaults.seed },
  };
}

/** `--json` of the `train <component>` commands. */
export const TRAIN_JSON_FLAG: Record<string, FlagSpec> = {
  json: { type: 'boolean', doc: 'print the per-epoch reports and the summary as JSON lines' },
};

/**
 * `--epochs` of a `train <component>` command, checked to be a positive integer, after checking
 * that `--out` can be written: a bad output path fails now, not after the training.
 */
export function trainEpochs(f: Record<string, unknown>): number {
  const epochs = f.epochs as number;
  if (!Number.isInteger(epochs) || epochs < 1) throw new ArgumentError(`--epochs must be a positive integer, got ${epochs}`, { key: '--epochs' });
  assertWritable(f.out as string);
  return epochs;
}

/**
 * Reports one epoch of a `train <component>` command: `line` goes on the progress bar, moved to
 * `done` units, and on stdout with `--json` or when stderr is not a terminal (so logs keep every epoch).
 */
export function reportEpoch(f: Record<string, unknown>, io: CommandIO, bar: ProgressBar | undefined, done: number, line: string): void {
  bar?.update(done, line);
  if (!io.stderr.isTTY || f.json) io.stdout.write(line + '\n');
}
