/**
 * The optional vector of each document (a user-supplied Float32Array under the index's
 * `vectorField`): rows by doc number, unit-normalised on the way in so a search is one dot
 * product per document (cosine similarity), and the file section they are saved in. A
 * nearest-neighbour index over them (Node's `SearchIndex` with `vectorIndex`) travels along as
 * opaque `VIDX` bytes in the optional `ann` section, so the browser build can load and re-save it.
 */
import { ArgumentError, FormatError } from '../core/errors.js';
import { BinaryWriter, type BinaryReader } from '../io/binfmt-bytes.js';
import { grow } from '../util/typed.js';
import { TopK } from '../util/heap.js';

/** Per-document vectors of one dimension. */
export class DocVectors {
  /** Unit vectors, maxDoc x dim (zeros where a doc has none). */
  data: Float32Array;
  /** 1 where the doc has a vector. */
  has: Uint8Array;
  /** Vectors stored so far (set calls): an index built over them is stale when this moved on. */
  changes = 0;
  /** A saved `VectorIndex` over doc numbers (ids) and the {@link changes} count it covers, when one was saved. */
  ann: { bytes: Uint8Array; changes: number } | undefined;

  constructor(readonly dim: number, capacity = 1024) {
    this.data = new Float32Array(capacity * dim);
    this.has = new Uint8Array(capacity);
  }

  /**
   * Checks a document's vector before anything of the document is indexed: a Float32Array (or
   * number array) of `dim` finite numbers, not all zero. `where` names the doc in the error.
   */
  static check(v: unknown, dim: number | undefined, field: string, where: string): Float32Array {
    const arr = v instanceof Float32Array ? v : Array.isArray(v) ? Float32Array.from(v as number[]) : null;
    if (!arr) throw new ArgumentError(`${where}: the vector field "${field}" must be a Float32Array or an array of numbers`, { key: field });
    if (dim !== undefined && arr.length !== dim) throw new ArgumentError(`${where}: vector has ${arr.length} dimensions, the index ${dim}`, { key: field });
    if (arr.length === 0) throw new ArgumentError(`${where}: empty vector`, { key: field });
    let s = 0;
    for (let i = 0; i < arr.length; i++) {
      const x = arr[i]!;
      if (!Number.isFinite(x)) throw new ArgumentError(`${where}: vector component ${i} is ${x}`, { key: field });
      s += x * x;
    }
    if (s === 0) throw new ArgumentError(`${where}: zero vector (no direction to compare)`, { key: field });
    return arr;
  }

  /** Stores doc `d`'s (checked) vector, normalised. */
  set(d: number, v: Float32Array): void {
    const dim = this.dim;
    if ((d + 1) * dim > this.data.length) this.data = grow(this.data, (d + 1) * dim);
    if (d >= this.has.length) this.has = grow(this.has, d + 1);
    let s = 0;
    for (let i = 0; i < dim; i++) s += v[i]! * v[i]!;
    const inv = 1 / Math.sqrt(s);
    for (let i = 0; i < dim; i++) this.data[d * dim + i] = v[i]! * inv;
    this.has[d] = 1;
    this.changes++;
  }

  /** Docs of [0, maxDoc) holding a vector. */
  count(maxDoc: number): number {
    let n = 0;
    for (let d = 0; d < maxDoc && d < this.has.length; d++) n += this.has[d]!;
    return n;
  }

  /**
   * The `k` docs of [0, maxDoc) with a vector, passing `accept`, by cosine similarity to `query`
   * (an exact scan), best first; ties to the lower doc number.
   */
  top(query: Float32Array, k: number, maxDoc: number, accept: (d: number) => boolean): { doc: number; score: number }[] {
    const dim = this.dim;
    let s = 0;
    for (let i = 0; i < dim; i++) s += query[i]! * query[i]!;
    const inv = 1 / Math.sqrt(s);
    const heap = new TopK(k);
    const data = this.data;
    const has = this.has;
    for (let d = 0; d < maxDoc && d < has.length; d++) {
      if (has[d] !== 1 || !accept(d)) continue;
      let dot = 0;
      for (let i = 0, o = d * dim; i < dim; i++) dot += data[o + i]! * query[i]!;
      heap.push(d, dot * inv);
    }
    return heap.sorted().map((e) => ({ doc: e.id, score: e.score }));
  }

  /** The vectors of the live docs renumbered by `remap` (old doc -> new, -1 dropped). */
  compact(remap: Int32Array, newMax: number): DocVectors {
    const out = new DocVectors(this.dim, Math.max(1, newMax));
    const dim = this.dim;
    for (let d = 0; d < remap.length && d < this.has.length; d++) {
      const nd = remap[d]!;
      if (nd < 0 || this.has[d] !== 1) continue;
      out.data.set(this.data.subarray(d * dim, d * dim + dim), nd * dim);
      out.has[nd] = 1;
    }
    return out;
  }

  /** The sections of the vectors file: header, presence bits, unit vectors. */
  encode(writer: BinaryWriter, maxDoc: number): Uint8Array {
    const has = new Uint8Array(maxDoc);
    has.set(this.has.subarray(0, Math.min(maxDoc, this.has.length)));
    const data = new Float32Array(maxDoc * this.dim);
    data.set(this.data.subarray(0, Math.min(data.length, this.data.length)));
    writer.json('header', { dim: this.dim, maxDoc }).add('has', has).add('vectors', new Uint8Array(data.buffer));
    // Only an index covering every stored vector is saved (changes is not saved: on load it counts from 0).
    if (this.ann && this.ann.changes === this.changes) writer.add('ann', this.ann.bytes);
    return writer.finish();
  }

  /** Reads what {@link encode} wrote, checked against the doc table's `maxDoc`. */
  static decode(r: BinaryReader, maxDoc: number, file: string): DocVectors {
    const h = r.json('header') as { dim?: unknown; maxDoc?: unknown };
    if (!Number.isInteger(h.dim) || (h.dim as number) < 1) throw new FormatError('vectors header: bad dim', { file, key: 'dim' });
    if (h.maxDoc !== maxDoc) throw new FormatError(`vectors file holds ${String(h.maxDoc)} docs, the doc table ${maxDoc}`, { file, key: 'maxDoc' });
    const dim = h.dim as number;
    const has = r.section('has');
    const raw = r.section('vectors');
    if (has.length !== maxDoc || raw.length !== maxDoc * dim * 4) throw new FormatError('vectors file: section sizes do not match the header', { file });
    const out = new DocVectors(dim, Math.max(1, maxDoc));
    out.has.set(has);
    out.data.set(new Float32Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.length)));
    // Checked (magic, CRC, sizes) when the Node index decodes it.
    if (r.has('ann')) out.ann = { bytes: r.section('ann').slice(), changes: 0 };
    return out;
  }
}
