/**
 * The in-memory index: per field a term dictionary, postings and one norm byte per document; per
 * document its external id, an alive bit (deletes are tombstones until `compact()`) and its
 * stored fields. Documents get dense internal numbers in insertion order.
 */
import { grow } from '../util/typed.js';
import type { TokenStream } from './analyzer.js';
import { encodeNorm, normCache } from './bm25.js';
import { PostingsWriter } from './postings/writer.js';
import { NO_MORE_DOCS, PostingsCursor } from './postings/reader.js';
import { DocStore } from './store.js';
import type { DocVectors } from './doc-vectors.js';
import { TermDict } from './termdict.js';

/** Where `addDoc` reads an analyzer string id's text (an analyzer's `strings`). */
export interface StringSource {
  get(id: number): string;
}

/** One indexed field. */
export class FieldData {
  readonly dict = new TermDict();
  readonly postings = new PostingsWriter();
  /** Norm byte per doc (Lucene's SmallFloat length encoding); 0 = no terms. */
  norms = new Uint8Array(1024);
  /** Docs with at least one term in this field (Lucene's docCount). */
  docCount = 0;
  /** Total term occurrences in the field (Lucene's sumTotalTermFreq). */
  sumTtf = 0;
  /** Smallest norm byte over docs with the field (255 when none). */
  minNorm = 255;
  // analyzer string id -> term id + 1
  private vocabMap = new Int32Array(1024);
  // scratch for grouping one doc's tokens by term (counting sort)
  private tids = new Int32Array(256);
  private scratchPos = new Int32Array(256);
  private distinct = new Int32Array(256);
  private count = new Int32Array(1024);
  private start = new Int32Array(1024);

  constructor(readonly name: string) {}

  /** First-seen lower-case surface form of each term (what suggestions show). */
  surfaces: string[] = [];

  /** Term id for an analyzer string id (interning the string on first sight). */
  termOf(strId: number, strings: StringSource, surfaceId = strId): number {
    if (strId < this.vocabMap.length) {
      const t = this.vocabMap[strId]!;
      if (t) return t - 1;
    } else this.vocabMap = grow(this.vocabMap, strId + 1);
    const t = this.dict.add(strings.get(strId));
    if (this.surfaces[t] === undefined) this.surfaces[t] = strings.get(surfaceId);
    this.postings.ensure(this.dict.size);
    this.vocabMap[strId] = t + 1;
    return t;
  }

  /** Indexes one document's token stream for this field. */
  addDoc(doc: number, ts: TokenStream, strings: StringSource): void {
    if (doc >= this.norms.length) this.norms = grow(this.norms, doc + 1);
    const n = ts.n;
    if (n === 0) return;
    if (this.tids.length < n) {
      this.tids = new Int32Array(n * 2);
      this.scratchPos = new Int32Array(n * 2);
      this.distinct = new Int32Array(n * 2);
    }
    // Counting sort of the doc's tokens by term: positions stay ascending within a term.
    const tids = this.tids;
    const distinct = this.distinct;
    let nd = 0;
    for (let i = 0; i < n; i++) {
      const t = this.termOf(ts.terms[i]!, strings, ts.surfaces[i]!);
      tids[i] = t;
      if (t >= this.count.length) {
        this.count = grow(this.count, t + 1);
        this.start = grow(this.start, t + 1);
      }
      if (this.count[t]++ === 0) distinct[nd++] = t;
    }
    let acc = 0;
    for (let k = 0; k < nd; k++) {
      const t = distinct[k]!;
      this.start[t] = acc;
      acc += this.count[t]!;
    }
    const pos = this.scratchPos;
    const positions = ts.positions;
    for (let i = 0; i < n; i++) pos[this.start[tids[i]!]!++] = positions[i]!;
    for (let k = 0; k < nd; k++) {
      const t = distinct[k]!;
      const c = this.count[t]!;
      this.postings.add(t, doc, pos, this.start[t]! - c, c);
      this.count[t] = 0;
    }
    const norm = encodeNorm(n);
    this.norms[doc] = norm;
    if (norm < this.minNorm) this.minNorm = norm;
    this.docCount++;
    this.sumTtf += n;
  }

  // What the cached norm table was computed for (compared field by field: a search asks once per
  // term and field, so no key string is built).
  private cacheFor: { model: string; k1: number; b: number; docCount: number; sumTtf: number } | null = null;
  private cache: Float64Array | null = null;

  /** The 256-entry norm table for a similarity, cached until the statistics change. */
  normTable(model: 'bm25' | 'tfidf', k1: number, b: number): Float64Array {
    const c = this.cacheFor;
    if (!this.cache || !c || c.model !== model || !Object.is(c.k1, k1) || !Object.is(c.b, b) || c.docCount !== this.docCount || c.sumTtf !== this.sumTtf) {
      this.cache = normCache(model, k1, b, this.avgdl);
      this.cacheFor = { model, k1, b, docCount: this.docCount, sumTtf: this.sumTtf };
    }
    return this.cache;
  }

  /** Average field length over docs having the field (Lucene's avgdl). */
  get avgdl(): number {
    return this.docCount > 0 ? this.sumTtf / this.docCount : 1;
  }

  /** A postings cursor for term id `t`, with positions if asked. */
  cursor(t: number, withPositions: boolean): PostingsCursor {
    const p = this.postings;
    return new PostingsCursor(p.df[t]!, p.docSlice(t), withPositions ? p.posSlice(t) : null, p.maxFreq[t]!, p.skips(t));
  }

  /**
   * Fills this empty field with `from`'s postings and norms over the docs `remap` keeps (old doc
   * -> new doc, -1 dropped), terms in sorted order; terms left with no doc are dropped.
   */
  copyLive(from: FieldData, remap: Int32Array, maxDoc: number): void {
    this.norms = new Uint8Array(Math.max(1, maxDoc));
    for (let d = 0; d < remap.length; d++) {
      const nd = remap[d]!;
      if (nd < 0 || !from.norms[d]) continue;
      this.norms[nd] = from.norms[d]!;
      this.docCount++;
      if (from.norms[d]! < this.minNorm) this.minNorm = from.norms[d]!;
    }
    let pos = new Int32Array(16);
    for (const t of from.dict.sortedIds()) {
      const c = from.cursor(t, true);
      let id = -1;
      for (let d = c.next(); d !== NO_MORE_DOCS; d = c.next()) {
        const nd = remap[d]!;
        if (nd < 0) continue;
        if (id < 0) {
          id = this.dict.add(from.dict.terms[t]!);
          this.surfaces[id] = from.surfaces[t] ?? from.dict.terms[t]!;
          this.postings.ensure(this.dict.size);
        }
        const p = c.positions();
        if (pos.length < c.freq) pos = new Int32Array(c.freq * 2);
        pos.set(p.subarray(0, c.freq));
        this.postings.add(id, nd, pos, 0, c.freq);
        this.sumTtf += c.freq;
      }
    }
  }
}

/** All data of an index. */
export class Segment {
  readonly fields: FieldData[];
  /** External id per doc. */
  ids: string[] = [];
  /** External id -> doc number of its live version. */
  readonly byId = new Map<string, number>();
  /** 1 if the doc is live. */
  alive = new Uint8Array(1024);
  /** Number of docs (live and deleted). */
  maxDoc = 0;
  /** Number of deleted docs not yet purged. */
  deleted = 0;
  store = new DocStore();
  /** Per-document vectors when the index has a vector field and a document gave one. */
  vectors: DocVectors | undefined;

  constructor(fieldNames: readonly string[]) {
    this.fields = fieldNames.map((f) => new FieldData(f));
  }

  /** Live documents. */
  get liveCount(): number {
    return this.maxDoc - this.deleted;
  }

  /** Reserves a doc number for external id `id`. */
  newDoc(id: string): number {
    const d = this.maxDoc++;
    if (d >= this.alive.length) this.alive = grow(this.alive, d + 1);
    this.alive[d] = 1;
    this.ids[d] = id;
    this.byId.set(id, d);
    return d;
  }

  /**
   * A new segment with only the live docs, renumbered densely in their order: postings, norms,
   * field statistics and stored fields rebuilt, deleted docs purged (`SearchIndex.compact`).
   */
  compact(): Segment {
    const remap = new Int32Array(this.maxDoc).fill(-1);
    const seg = new Segment(this.fields.map((f) => f.name));
    for (let d = 0; d < this.maxDoc; d++) {
      if (!this.alive[d]) continue;
      const nd = (remap[d] = seg.newDoc(this.ids[d]!));
      const stored = this.store.get(d);
      if (stored !== undefined) seg.store.set(nd, stored);
    }
    this.fields.forEach((f, i) => seg.fields[i]!.copyLive(f, remap, seg.maxDoc));
    if (this.vectors) seg.vectors = this.vectors.compact(remap, seg.maxDoc);
    return seg;
  }

  /** Tombstones doc `d`. */
  kill(d: number): void {
    if (!this.alive[d]) return;
    this.alive[d] = 0;
    this.deleted++;
    if (this.byId.get(this.ids[d]!) === d) this.byId.delete(this.ids[d]!);
  }
}
