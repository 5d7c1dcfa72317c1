/**
 * The plain content of a vector file, as the format readers return it and the writers take it:
 * words, their vectors, the dimension and optional counts. `KeyedVectors` is built from it (and
 * is one); the formats know nothing of `KeyedVectors`.
 */

/** Words and their vectors, one row per word. */
export interface VectorData {
  /** One word per row. */
  readonly words: readonly string[];
  /** Row-major vectors, words.length x dim. */
  readonly vectors: Float32Array;
  /** Dimensionality. */
  readonly dim: number;
  /** Per-word counts when known. */
  readonly counts: Float64Array | undefined;
}
