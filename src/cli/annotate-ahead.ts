/**
 * `--threads` for the scorers (`eval tokenizer|tagger|parser`), which ask for one text's Doc at a
 * time: the texts are collected by a first, recording pass of the scorer, annotated in worker
 * threads with `nlp.pipe(texts, { nProcess })` (Docs equal to one thread's), and handed back in
 * the same order on the second pass.
 */
import type { Doc } from '../core/doc.js';
import type { Nlp } from '../pipeline/pipeline.js';

/** Docs of `texts` annotated ahead, to be taken in order; `seconds` is the wall time it took. */
export interface AheadDocs {
  /** The next Doc; its text must be `text` (the scorer asks in the recorded order). */
  next(text: string): Doc;
  readonly seconds: number;
}

/** Annotates `texts` with `nlp` in `threads` workers (0: every core). */
export async function annotateAhead(nlp: Nlp, texts: readonly string[], threads: number): Promise<AheadDocs> {
  const t0 = performance.now();
  const docs: (Doc | undefined)[] = [];
  for await (const d of nlp.pipe(texts, { nProcess: threads, batchSize: 64 })) docs.push(d);
  const seconds = (performance.now() - t0) / 1000;
  let i = 0;
  return {
    seconds,
    next(text: string): Doc {
      const d = docs[i];
      if (!d || d.text !== text) throw new Error(`internal: the scorer asked for text ${i} out of the recorded order`);
      docs[i++] = undefined; // let it go once scored
      return d;
    },
  };
}
