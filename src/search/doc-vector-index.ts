/**
 * The nearest-neighbour index behind a Node `SearchIndex`'s document vectors (`vectorIndex`): a
 * `VectorIndex` (ann/) over doc numbers, flat (exact, SIMD) or HNSW, kept in step with the
 * {@link DocVectors} it mirrors. New docs are added incrementally before a search (doc numbers only
 * grow); a compacted segment brings new DocVectors and so a rebuild; removed docs stay in the
 * graph and are filtered out like any doc the search's filter rejects. Saved as the vectors
 * file's `ann` section and reused on load when it covers every stored vector.
 */
import { VectorIndex } from '../ann/vector-index.js';
import type { DocVectors } from './doc-vectors.js';
import type { Ranked } from './hybrid.js';
import type { ResolvedVectorIndexChoice } from './vector-options.js';

/** A VectorIndex over the doc numbers of one DocVectors. */
export class DocVectorIndex {
  private constructor(
    readonly vectors: DocVectors,
    readonly index: VectorIndex,
    /** Docs below this number are in the index (or have no vector). */
    private nextDoc: number,
    /** `vectors.changes` when the index last caught up. */
    private changes: number,
  ) {}

  /** The kind `choice` asks for over `n` vectors. */
  static kindFor(choice: ResolvedVectorIndexChoice, n: number): 'flat' | 'hnsw' {
    return choice.kind === 'hnsw' || (choice.kind === 'auto' && n >= choice.hnswMinDocs) ? 'hnsw' : 'flat';
  }

  /**
   * The index for `vectors` over [0, maxDoc): `current` brought up to date, the saved one, or a
   * new build. Null when `choice` is the plain exact scan.
   */
  static sync(current: DocVectorIndex | undefined, vectors: DocVectors, maxDoc: number, choice: ResolvedVectorIndexChoice): DocVectorIndex | undefined {
    if (choice.kind === 'exact') return undefined;
    let cur = current?.vectors === vectors ? current : undefined;
    if (!cur && vectors.ann && vectors.ann.changes === vectors.changes) {
      const index = VectorIndex.fromBytes(vectors.ann.bytes, 'vectors (ann section)');
      if (index.options.dim === vectors.dim) cur = new DocVectorIndex(vectors, index, maxDoc, vectors.changes);
    }
    // 'auto' moves from flat to hnsw once the collection has grown past the threshold.
    if (cur && cur.changes !== vectors.changes && cur.index.options.kind === 'flat' && DocVectorIndex.kindFor(choice, vectors.count(maxDoc)) === 'hnsw') cur = undefined;
    if (!cur) {
      const kind = DocVectorIndex.kindFor(choice, vectors.count(maxDoc));
      const index = VectorIndex.create({ dim: vectors.dim, kind, metric: 'cosine', m: choice.m, efConstruction: choice.efConstruction, efSearch: choice.efSearch, seed: choice.seed, capacity: Math.max(16, maxDoc) });
      cur = new DocVectorIndex(vectors, index, 0, -1);
    }
    if (cur.changes !== vectors.changes || cur.nextDoc < maxDoc) cur.catchUp(maxDoc);
    return cur;
  }

  // Adds the docs from nextDoc on that hold a vector (their rows are unit length already).
  private catchUp(maxDoc: number): void {
    const { dim, data, has } = this.vectors;
    for (let d = this.nextDoc; d < maxDoc && d < has.length; d++) if (has[d] === 1) this.index.add(d, data.subarray(d * dim, d * dim + dim));
    this.nextDoc = maxDoc;
    this.changes = this.vectors.changes;
  }

  /** The `k` docs passing `accept` nearest to `query` by cosine, best first. */
  top(query: Float32Array, k: number, accept: (d: number) => boolean, efSearch: number): Ranked[] {
    if (this.index.size === 0 || k === 0) return [];
    const hits = this.index.search(query, k, { filter: (id) => accept(id as number), efSearch: Math.max(efSearch, k) });
    return hits.map((h) => ({ doc: h.id as number, score: h.score }));
  }

  /** Records the index's bytes on the vectors, for the next save. */
  attach(): void {
    this.vectors.ann = { bytes: this.index.toBytes(), changes: this.changes };
  }
}
