import type { Doc } from '../core/doc.js';
import type { Vocab } from '../core/vocab.js';

/** A tokenizer turns text into a Doc over a vocab. */
export interface TokenizerLike {
  readonly vocab: Vocab;
  /** Tokenizes `text` into a new Doc whose `text` is exactly `text`. */
  tokenize(text: string): Doc;
}
