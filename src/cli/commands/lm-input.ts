/**
 * Shared by the `lm` commands: a file (or `-`) with one sentence per line, as token arrays.
 * Whitespace-tokenized by default; `tokenize` runs a pipeline's tokenizer (`makeDoc`) instead.
 */
import { readLines } from '../../io/lines.js';
import { load } from '../../pipeline/load.js';

/** Default pipeline for `--tokenize`. */
export const DEFAULT_LM_PIPELINE = 'en_core';

const WS = /\s+/;

/** Streams the sentences of `path` as token arrays. */
export async function* lmSentences(path: string, tokenize: boolean, pipeline: string, onLine?: () => void): AsyncGenerator<string[]> {
  if (!tokenize) {
    for await (const line of readLines(path)) {
      onLine?.();
      const t = line.trim();
      yield t ? t.split(WS) : [];
    }
    return;
  }
  const nlp = await load(pipeline);
  for await (const line of readLines(path)) {
    onLine?.();
    const doc = nlp.makeDoc(line);
    const toks: string[] = new Array(doc.length);
    for (let i = 0; i < doc.length; i++) toks[i] = doc.tokenText(i);
    yield toks;
  }
}
