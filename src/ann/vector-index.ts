/**
 * The public nearest-neighbour index: ids and options on top of the vector store (store.ts), the
 * exact scan (flat-search.ts) and the HNSW graph (hnsw.ts); persistence in format.ts.
 */
import { ArgumentError } from '../core/errors.js';
import { checkOptions, resolveOptions } from '../core/options.js';
import { checkVector, type VectorLike } from './check-vector.js';
import { flatSearch, type SlotFilter } from './flat-search.js';
import { decodeIndex, emptyParts, encodeIndex, loadIndex, saveIndex, type IndexParts } from './format.js';
import type { HnswGraph } from './hnsw.js';
import type { IdType, KeyTable, VectorId } from './keys.js';
import {
  VECTOR_INDEX_SCHEMA,
  VECTOR_SEARCH_DEFAULTS,
  VECTOR_SEARCH_SCHEMA,
  type ResolvedIndexOptions,
  type VectorIndexKind,
  type VectorIndexOptions,
  type VectorMetric,
  type VectorSearchOptions,
} from './options.js';
import { QUERY_SLOTS, type VectorStore } from './store.js';

/** One search result. */
export interface VectorHit {
  /** The id given to `add`. */
  id: VectorId;
  /**
   * Cosine similarity (`cosine`) or inner product (`ip`), higher is closer; or the Euclidean
   * distance (`l2`), lower is closer. Results are ordered closest first.
   */
  score: number;
}

/** Memory held by an index, in bytes. */
export interface VectorIndexMemory {
  /** The float32 vectors (allocated capacity, scratch included). */
  vectors: number;
  /** int8 codes and scales (0 without quantization). */
  codes: number;
  /** The HNSW graph arrays (0 for flat). */
  graph: number;
  /** The id table: an estimate of 40 bytes per slot (array entry plus map entry; string contents not counted). */
  ids: number;
}

/** Progress callback of {@link VectorIndex.addAll}: vectors added so far, of `total`. */
export type AddProgress = (done: number, total: number) => void;

/**
 * A nearest-neighbour index over fixed-length float vectors: exact (`flat`, a SIMD scan) or
 * approximate (`hnsw`), under cosine, inner product or L2.
 *
 * Ids are the caller's: all safe integers or all strings (fixed by the first add). Vectors are
 * copied in; under `cosine` they are stored normalised to unit length.
 *
 * Options (see {@link VectorIndexOptions}): `dim` (required), `kind` (`'hnsw'`), `metric`
 * (`'cosine'`), `m` (16), `efConstruction` (200), `efSearch` (64), `seed` (1), `quantization`
 * (`'none'` | `'int8'`), `capacity` (1024).
 * @example
 * const index = VectorIndex.create({ dim: 3, kind: 'flat' });
 * index.add('a', [1, 0, 0]);
 * index.add('b', [0, 1, 0]);
 * index.search([1, 0.1, 0], 1); // [{ id: 'a', score: 0.995... }]
 */
export class VectorIndex {
  /** @internal the vectors by slot. */
  store: VectorStore;
  /** @internal ids by slot. */
  keys: KeyTable;
  /** @internal the graph (hnsw only). */
  graph: HnswGraph | undefined;
  private readonly opts: ResolvedIndexOptions;
  // Result scratch of the HNSW search, grown with ef.
  private outSlots = new Int32Array(256);
  private outSims = new Float32Array(256);

  /** @internal use {@link VectorIndex.create} or {@link VectorIndex.load}. */
  constructor(parts: IndexParts) {
    this.opts = parts.options;
    this.store = parts.store;
    this.keys = parts.keys;
    this.graph = parts.graph;
  }

  /**
   * A new empty index. Bad options are a ConfigError naming the key.
   * @example const index = VectorIndex.create({ dim: 100, kind: 'hnsw', m: 16, efConstruction: 200 });
   */
  static create(options: VectorIndexOptions): VectorIndex {
    if (options === null || typeof options !== 'object' || (options as { dim?: unknown }).dim === undefined) {
      throw new ArgumentError('VectorIndex.create needs options with dim (the vector length)', { key: 'dim' });
    }
    const o = resolveOptions(VECTOR_INDEX_SCHEMA, options, { what: 'vector index', config: true }) as unknown as ResolvedIndexOptions & { capacity: number };
    if (o.quantization === 'int8' && o.kind === 'flat') throw new ArgumentError('int8 quantization applies to the hnsw kind only', { key: 'quantization' });
    const { capacity, ...rest } = o;
    return new VectorIndex(emptyParts(rest, capacity));
  }

  /**
   * Loads an index saved by {@link save}: the file is read whole (no memory mapping) and checked
   * (framing, CRC, every size and graph link); a damaged or foreign file is a BinaryFileError
   * naming the file and byte offset.
   * @example const index = VectorIndex.load('words.tlx');
   */
  static load(path: string): VectorIndex {
    return new VectorIndex(loadIndex(path));
  }

  /** {@link load} from bytes (`file` names them in errors). */
  static fromBytes(bytes: Uint8Array, file?: string): VectorIndex {
    return new VectorIndex(decodeIndex(bytes, file));
  }

  /**
   * Saves the index (vectors, ids, removals, graph) to `path` atomically, in textloom's checksummed
   * binary framing (kind `VIDX`).
   * @example index.save('words.tlx');
   */
  save(path: string): void {
    saveIndex(this, path);
  }

  /** The bytes {@link save} writes. */
  toBytes(): Uint8Array {
    return encodeIndex(this);
  }

  /** The index's settings (defaults filled in). */
  get options(): ResolvedIndexOptions {
    return this.opts;
  }

  /** Vector length. */
  get dim(): number {
    return this.opts.dim;
  }

  /** `cosine`, `ip` or `l2`. */
  get metric(): VectorMetric {
    return this.opts.metric;
  }

  /** `flat` or `hnsw`. */
  get kind(): VectorIndexKind {
    return this.opts.kind;
  }

  /** Live vectors (added and not removed). */
  get size(): number {
    return this.keys.size;
  }

  /** Removed vectors still held in the graph until {@link compact}. */
  get removedCount(): number {
    return this.store.removed;
  }

  /** `number` or `string` once the first vector is added. */
  get idType(): IdType | undefined {
    return this.keys.type;
  }

  /** True if `id` is in the index (and not removed). */
  has(id: VectorId): boolean {
    return this.keys.slotOf(id) >= 0;
  }

  /** The live ids, in insertion order. */
  *ids(): IterableIterator<VectorId> {
    const { ids } = this.keys;
    const del = this.store.deleted;
    for (let s = 0; s < this.store.count; s++) if (del[s] === 0) yield ids[s]!;
  }

  /** A copy of the stored vector of `id` (unit length under cosine), or undefined. */
  getVector(id: VectorId): Float32Array | undefined {
    const s = this.keys.slotOf(id);
    return s < 0 ? undefined : this.store.row(s);
  }

  /**
   * Adds `vector` under a new `id`. A duplicate id, a vector of another length, a NaN or infinite
   * component, or an id of the other kind (number vs string) is an ArgumentError naming it.
   * @example index.add(42, new Float32Array([0.1, 0.2, 0.3]));
   */
  add(id: VectorId, vector: VectorLike): void {
    this.keys.check(id, 'id');
    if (this.keys.slotOf(id) >= 0) throw new ArgumentError(`duplicate id ${JSON.stringify(id)}: remove it first to replace its vector`, { key: 'id' });
    checkVector(vector, this.opts.dim, 'vector');
    this.insert(id, vector);
  }

  private insert(id: VectorId, vector: VectorLike): void {
    const slot = this.store.append(vector, false);
    this.keys.append(id, slot);
    this.graph?.insert(slot);
  }

  /**
   * Adds `ids[i]` with row i of `vectors` (`ids.length` x dim, row-major) or `vectors[i]`. Every id
   * and vector is checked before any is added, so a bad one adds nothing.
   * @example index.addAll(['a', 'b'], new Float32Array([1, 0, 0, 0, 1, 0]));
   */
  addAll(ids: readonly VectorId[], vectors: Float32Array | readonly VectorLike[], onProgress?: AddProgress): void {
    const dim = this.opts.dim;
    const n = ids.length;
    const flat = vectors instanceof Float32Array;
    if (flat ? vectors.length !== n * dim : (vectors as readonly VectorLike[]).length !== n) {
      throw new ArgumentError(`${n} ids but ${flat ? `${vectors.length / dim} rows of dimension ${dim} (${vectors.length} floats)` : `${(vectors as readonly VectorLike[]).length} vectors`}`, { key: 'vectors' });
    }
    const seen = new Set<VectorId>();
    const type = this.keys.type;
    for (let i = 0; i < n; i++) {
      const id = ids[i];
      this.keys.check(id, `ids[${i}]`);
      if (type === undefined && i > 0 && typeof id !== typeof ids[0]) throw new ArgumentError(`ids mix numbers and strings (ids[0] is ${JSON.stringify(ids[0])}, ids[${i}] is ${JSON.stringify(id)})`, { key: `ids[${i}]` });
      if (seen.has(id) || this.keys.slotOf(id) >= 0) throw new ArgumentError(`duplicate id ${JSON.stringify(id)}`, { key: `ids[${i}]` });
      seen.add(id);
      checkVector(flat ? vectors.subarray(i * dim, (i + 1) * dim) : (vectors as readonly VectorLike[])[i], dim, `vectors[${i}]`);
    }
    this.store.reserve(this.store.count + n);
    const every = Math.max(1, Math.floor(n / 100));
    for (let i = 0; i < n; i++) {
      this.insert(ids[i]!, flat ? vectors.subarray(i * dim, (i + 1) * dim) : (vectors as readonly VectorLike[])[i]!);
      if (onProgress && (i + 1) % every === 0) onProgress(i + 1, n);
    }
    onProgress?.(n, n);
  }

  /**
   * Removes `id` (a tombstone: searches skip it; the graph keeps it until {@link compact}).
   * Returns false when `id` is not in the index.
   */
  remove(id: VectorId): boolean {
    const s = this.keys.slotOf(id);
    if (s < 0) return false;
    this.keys.delete(id);
    this.store.deleted[s] = 1;
    this.store.removed++;
    return true;
  }

  /**
   * Rebuilds the index without removed vectors (insertion order kept, the graph rebuilt from the
   * same seed), freeing their slots. Returns the number of vectors dropped.
   */
  compact(): number {
    const dropped = this.store.removed;
    if (dropped === 0) return 0;
    const fresh = emptyParts(this.opts, Math.max(1, this.size));
    const dim = this.opts.dim;
    for (let s = 0; s < this.store.count; s++) {
      if (this.store.deleted[s] === 1) continue;
      // Stored rows are already prepared (unit length under cosine): copied as they are.
      const slot = fresh.store.append(this.store.row(s).subarray(0, dim), true);
      fresh.keys.append(this.keys.ids[s]!, slot);
      fresh.graph?.insert(slot);
    }
    this.store = fresh.store;
    this.keys = fresh.keys;
    this.graph = fresh.graph;
    return dropped;
  }

  /**
   * The `k` nearest live vectors to `vector` (k default 10), closest first.
   * Options: `filter(id)` keeps only ids it returns true for; `efSearch` (hnsw; default the
   * index's, at least k is used) trades speed for recall.
   * @example index.search(query, 10, { filter: (id) => id !== 'self', efSearch: 128 });
   */
  search(vector: VectorLike, k: number = VECTOR_SEARCH_DEFAULTS.k, options: VectorSearchOptions = {}): VectorHit[] {
    checkVector(vector, this.opts.dim, 'vector');
    return this.searchChecked([vector], k, options)[0]!;
  }

  /**
   * {@link search} for many queries: `vectors` is n x dim row-major or a list of vectors. The flat
   * kind scans the vectors once per 16 queries.
   * @example const [hitsA, hitsB] = index.searchBatch([qa, qb], 5);
   */
  searchBatch(vectors: Float32Array | readonly VectorLike[], k: number = VECTOR_SEARCH_DEFAULTS.k, options: VectorSearchOptions = {}): VectorHit[][] {
    const dim = this.opts.dim;
    let list: VectorLike[];
    if (vectors instanceof Float32Array) {
      if (vectors.length % dim !== 0) throw new ArgumentError(`a batch of ${vectors.length} floats is not a whole number of rows of dimension ${dim}`, { key: 'vectors' });
      list = [];
      for (let i = 0; i < vectors.length; i += dim) list.push(vectors.subarray(i, i + dim));
    } else if (Array.isArray(vectors)) list = [...(vectors as readonly VectorLike[])];
    else throw new ArgumentError('searchBatch takes a Float32Array of rows or a list of vectors', { key: 'vectors' });
    list.forEach((v, i) => checkVector(v, dim, `vectors[${i}]`));
    return this.searchChecked(list, k, options);
  }

  private searchChecked(queries: readonly VectorLike[], k: number, options: VectorSearchOptions): VectorHit[][] {
    if (!Number.isInteger(k) || k < 0) throw new ArgumentError(`k must be a whole number >= 0, got ${k}`, { key: 'k' });
    checkOptions(VECTOR_SEARCH_SCHEMA, options, { what: 'search' });
    if (this.size === 0) throw new ArgumentError('the index is empty: add vectors before searching', { key: 'index' });
    const { filter } = options;
    const ids = this.keys.ids;
    const accept: SlotFilter = filter ? (slot) => filter(ids[slot]!) === true : null;
    const out: VectorHit[][] = [];
    if (k === 0) return queries.map(() => []);
    if (!this.graph) {
      const norms = new Float64Array(QUERY_SLOTS);
      for (let start = 0; start < queries.length; start += QUERY_SLOTS) {
        const nq = Math.min(QUERY_SLOTS, queries.length - start);
        for (let q = 0; q < nq; q++) norms[q] = this.store.setQuery(queries[start + q]!, q);
        for (const heap of flatSearch(this.store, nq, norms, k, accept)) out.push(heap.sorted().map((h) => this.hit(h.id, h.score)));
      }
      return out;
    }
    const ef = Math.max(k, options.efSearch ?? this.opts.efSearch);
    if (this.outSlots.length < ef) {
      this.outSlots = new Int32Array(ef * 2);
      this.outSims = new Float32Array(ef * 2);
    }
    for (const q of queries) out.push(this.searchGraph(q, k, ef, accept));
    return out;
  }

  private searchGraph(q: VectorLike, k: number, ef: number, accept: SlotFilter): VectorHit[] {
    const store = this.store;
    store.setQuery(q, 0);
    const slots = this.outSlots;
    const sims = this.outSims;
    store.useCodes = store.quantized;
    let n: number;
    try {
      n = this.graph!.search(ef, accept, slots, sims);
    } finally {
      store.useCodes = false;
    }
    if (store.quantized) {
      // Re-rank the walk's candidates by their float similarity.
      for (let i = 0; i < n; i++) sims[i] = store.sim(slots[i]!);
      const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => sims[b]! - sims[a]! || slots[a]! - slots[b]!);
      return order.slice(0, k).map((i) => this.hit(slots[i]!, sims[i]!));
    }
    const hits: VectorHit[] = [];
    for (let i = 0; i < n && i < k; i++) hits.push(this.hit(slots[i]!, sims[i]!));
    return hits;
  }

  private hit(slot: number, sim: number): VectorHit {
    return { id: this.keys.ids[slot]!, score: this.opts.metric === 'l2' ? Math.sqrt(Math.max(0, -sim)) : sim };
  }

  /** Bytes held, by part (see {@link VectorIndexMemory}). */
  memory(): VectorIndexMemory {
    const s = this.store;
    return {
      vectors: s.vec.bytes + s.norms.byteLength + s.deleted.byteLength,
      codes: (s.codes?.bytes ?? 0) + s.scales.byteLength,
      graph: this.graph?.bytes ?? 0,
      ids: this.keys.ids.length * 40,
    };
  }
}

