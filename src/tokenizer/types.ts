import type { Doc } from '../core/doc.js';
import type { Vocab } from '../core/vocab.js';

/** A tokenizer turns text into a Doc over a vocab. */
export interface TokenizerLike {
  readonly vocab: Vocab;
  /** Tokenizes `text` into a new Doc whose `text` is exactly `text`. */
  tokenize(text: string): Doc;
  /**
   * Optional fast path for consumers that need only token ids and offsets (e.g. a search
   * analyzer): the same tokens as {@link tokenize}, written into reusable buffers instead of a
   * new Doc. The returned views are valid until the next call.
   */
  scan?(text: string): TokenScan;
}

/** Result of {@link TokenizerLike.scan}: `n` tokens as orth ids and start offsets (reused buffers). */
export interface TokenScan {
  n: number;
  /** Orth id of each token (entries `[0, n)` are valid). */
  orth: Uint32Array;
  /** Start offset (UTF-16 code units) of each token. */
  idx: Uint32Array;
}
