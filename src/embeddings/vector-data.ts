/**
 * What a vector file holds, as plain data: the loaders return it and `KeyedVectors` builds itself
 * from it, so file formats never import the class.
 */
export interface VectorData {
  /** The words, in file order (row i of `vectors` is `words[i]`). */
  words: string[];
  /** Row-major words x dim float32 values. */
  vectors: Float32Array;
  /** Vector size. */
  dim: number;
  /** Per-word counts, when the file carries them. */
  counts: Float64Array | undefined;
}
