/**
 * Shared by the `lm` commands: a file (or `-`) with one sentence per line, as token arrays.
 * Whitespace-tokenized by default; `tokenize` runs a pipeline's tokenizer (`makeDoc`) instead.
 * Binary input is refused and an interactive stdin gets a hint on `stderr` (see `inputLines`).
 */
import { FormatError } from '../../core/errors.js';
import { inputLines } from '../io.js';
import { load } from '../../pipeline/load.js';
import { inputName } from '../input-name.js';

/** Default pipeline for `--tokenize`. */
export const DEFAULT_LM_PIPELINE = 'en_core';

const WS = /\s+/;

/**
 * Streams the sentences of `path` as token arrays. A file without any non-blank line is a
 * FormatError ("no sentences in FILE") at the end of the stream: training on it would fail later
 * with a misleading message, and a perplexity over it is NaN.
 */
export async function* lmSentences(path: string, tokenize: boolean, pipeline: string, onLine?: () => void, stderr?: NodeJS.WritableStream): AsyncGenerator<string[]> {
  let words = 0;
  if (!tokenize) {
    for await (const [line] of inputLines(path, stderr)) {
      onLine?.();
      const t = line.trim();
      const toks = t ? t.split(WS) : [];
      words += toks.length;
      yield toks;
    }
  } else {
    const nlp = await load(pipeline);
    for await (const [line] of inputLines(path, stderr)) {
      onLine?.();
      const doc = nlp.makeDoc(line);
      const toks: string[] = new Array(doc.length);
      for (let i = 0; i < doc.length; i++) toks[i] = doc.tokenText(i);
      words += toks.length;
      yield toks;
    }
  }
  if (words === 0) throw new FormatError(`no sentences in ${inputName(path)}`);
}
