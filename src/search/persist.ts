/**
 * Binary payloads of the index files (framed by `directory.ts`). Little-endian throughout;
 * typed-array sections start on 8-byte boundaries of the payload.
 *
 * `docs` (kind 1):   u32 maxDoc | u32 idsBytes | alive u8[maxDoc] | pad | ids as UTF-8 JSON array
 * `f<i>.terms` (kind 2), one per field, terms in sorted order:
 *   u32 termCount | u32 docCount | f64 sumTtf | u32 minNorm | u32 termsBytes | u32 surfacesBytes |
 *   norms u8[maxDoc] | pad | i32 df[] | f64 ctf[] | i32 maxFreq[] | i32 lastDoc[] |
 *   i32 docBytes[] | i32 posBytes[] | i32 skips[] (4 per 128 docs of each term, in term order, see
 *   `postings/writer.ts`) | terms as UTF-8 JSON array | surface forms as UTF-8 JSON array
 * `f<i>.doc` (kind 3) / `f<i>.pos` (kind 4): the terms' doc / position streams back to back, in
 *   the same sorted order (format in `postings/codec.ts`)
 * `store` (kind 5):  stored fields, see `store.ts`
 */
import { join } from 'node:path';
import { ConfigError, FormatError } from '../core/errors.js';
import type { AnalyzerSpec } from './analyzer.js';
import type { SimilarityOptions } from './bm25.js';
import { IndexDirectory, type Manifest } from './directory.js';
import { checkOptions, type OptionsWithDefaults } from './options.js';
import { Segment, type FieldData } from './segment.js';
import { SKIP_INTERVAL } from './postings/writer.js';
import { DocStore } from './store.js';

/** Component kinds of the data files. */
export const KIND = Object.freeze({ docs: 1, terms: 2, doc: 3, pos: 4, store: 5 });

const enc = new TextEncoder();
const dec = new TextDecoder();

class Out {
  parts: Uint8Array[] = [];
  size = 0;
  push(b: Uint8Array): void {
    this.parts.push(b);
    this.size += b.length;
  }
  u32s(...v: number[]): void {
    const b = new Uint8Array(4 * v.length);
    const dv = new DataView(b.buffer);
    v.forEach((x, i) => dv.setUint32(4 * i, x, true));
    this.push(b);
  }
  f64(v: number): void {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setFloat64(0, v, true);
    this.push(b);
  }
  pad(): void {
    const r = this.size % 8;
    if (r) this.push(new Uint8Array(8 - r));
  }
  typed(a: Int32Array | Float64Array): void {
    this.push(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  }
  bytes(): Uint8Array {
    const out = new Uint8Array(this.size);
    let p = 0;
    for (const b of this.parts) {
      out.set(b, p);
      p += b.length;
    }
    return out;
  }
}

class In {
  p = 0;
  readonly dv: DataView;
  readonly b: Uint8Array;
  constructor(
    bytes: Uint8Array,
    readonly file: string,
  ) {
    // A plain Uint8Array view (Buffer#slice would share memory instead of copying).
    this.b = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  need(n: number): void {
    if (this.p + n > this.b.length) throw new FormatError(`index file ends early (need ${n} bytes at payload offset ${this.p})`, { file: this.file, offset: 16 + this.p });
  }
  u32(): number {
    this.need(4);
    const v = this.dv.getUint32(this.p, true);
    this.p += 4;
    return v;
  }
  f64(): number {
    this.need(8);
    const v = this.dv.getFloat64(this.p, true);
    this.p += 8;
    return v;
  }
  raw(n: number): Uint8Array {
    this.need(n);
    const v = this.b.subarray(this.p, this.p + n);
    this.p += n;
    return v;
  }
  pad(): void {
    const r = this.p % 8;
    if (r) this.p += 8 - r;
  }
  i32s(n: number): Int32Array {
    return new Int32Array(this.raw(4 * n).slice().buffer);
  }
  f64s(n: number): Float64Array {
    return new Float64Array(this.raw(8 * n).slice().buffer);
  }
  json(n: number): unknown {
    try {
      return JSON.parse(dec.decode(this.raw(n)));
    } catch (e) {
      if (e instanceof FormatError) throw e;
      throw new FormatError(`bad JSON section: ${(e as Error).message}`, { file: this.file, offset: 16 + this.p });
    }
  }
}

/** Encodes the doc table (tombstoned docs included; `compact()` purges them first if wanted). */
export function encodeDocs(seg: Segment): Uint8Array {
  const o = new Out();
  const ids = seg.ids.slice(0, seg.maxDoc);
  const idBytes = enc.encode(JSON.stringify(ids));
  o.u32s(seg.maxDoc, idBytes.length);
  o.push(seg.alive.subarray(0, seg.maxDoc));
  o.pad();
  o.push(idBytes);
  return o.bytes();
}

/** Decodes the doc table into `seg`. */
export function decodeDocs(seg: Segment, payload: Uint8Array, file: string): void {
  const r = new In(payload, file);
  const maxDoc = r.u32();
  const idBytes = r.u32();
  seg.alive = r.raw(maxDoc).slice();
  r.pad();
  const ids = r.json(idBytes);
  if (!Array.isArray(ids) || ids.length !== maxDoc) throw new FormatError(`doc table lists ${Array.isArray(ids) ? ids.length : 'no'} ids for ${maxDoc} docs`, { file });
  seg.ids = ids as string[];
  seg.maxDoc = maxDoc;
  seg.deleted = 0;
  for (let d = 0; d < maxDoc; d++) {
    if (seg.alive[d]) seg.byId.set(seg.ids[d]!, d);
    else seg.deleted++;
  }
}

/** Encodes one field's term file, doc stream file and position stream file. */
export function encodeField(f: FieldData, maxDoc: number): { terms: Uint8Array; doc: Uint8Array; pos: Uint8Array } {
  const order = f.dict.sortedIds();
  const n = order.length;
  const p = f.postings;
  const df = new Int32Array(n);
  const ctf = new Float64Array(n);
  const maxFreq = new Int32Array(n);
  const lastDoc = new Int32Array(n);
  const docBytes = new Int32Array(n);
  const posBytes = new Int32Array(n);
  const terms: string[] = [];
  const surfaces: string[] = [];
  const skipParts: Int32Array[] = [];
  let skipTotal = 0;
  const docOut = new Out();
  const posOut = new Out();
  for (let i = 0; i < n; i++) {
    const t = order[i]!;
    terms.push(f.dict.terms[t]!);
    surfaces.push(f.surfaces[t] ?? f.dict.terms[t]!);
    const sk = p.skips(t);
    if (sk.length) {
      skipParts.push(sk);
      skipTotal += sk.length;
    }
    df[i] = p.df[t]!;
    ctf[i] = p.ctf[t]!;
    maxFreq[i] = p.maxFreq[t]!;
    lastDoc[i] = p.lastDoc[t]!;
    const [db, ds, de] = p.docSlice(t);
    const [pb, ps, pe] = p.posSlice(t);
    docOut.push(db.subarray(ds, de));
    posOut.push(pb.subarray(ps, pe));
    docBytes[i] = de - ds;
    posBytes[i] = pe - ps;
  }
  const termBytes = enc.encode(JSON.stringify(terms));
  const surfaceBytes = enc.encode(JSON.stringify(surfaces));
  const o = new Out();
  o.u32s(n, f.docCount);
  o.f64(f.sumTtf);
  o.u32s(f.minNorm, termBytes.length, surfaceBytes.length);
  o.push(f.norms.subarray(0, maxDoc).length === maxDoc ? f.norms.subarray(0, maxDoc) : padTo(f.norms, maxDoc));
  o.pad();
  o.typed(df);
  o.typed(ctf);
  o.typed(maxFreq);
  o.typed(lastDoc);
  o.typed(docBytes);
  o.typed(posBytes);
  const skips = new Int32Array(skipTotal);
  let so = 0;
  for (const sk of skipParts) {
    skips.set(sk, so);
    so += sk.length;
  }
  o.typed(skips);
  o.push(termBytes);
  o.push(surfaceBytes);
  return { terms: o.bytes(), doc: docOut.bytes(), pos: posOut.bytes() };
}

function padTo(a: Uint8Array, n: number): Uint8Array {
  const out = new Uint8Array(n);
  out.set(a.subarray(0, Math.min(n, a.length)));
  return out;
}

/** Decodes one field's files into `f`. */
export function decodeField(f: FieldData, maxDoc: number, terms: Uint8Array, doc: Uint8Array, pos: Uint8Array, file: string): void {
  const r = new In(terms, file);
  const n = r.u32();
  f.docCount = r.u32();
  f.sumTtf = r.f64();
  f.minNorm = r.u32();
  const termBytes = r.u32();
  const surfaceBytes = r.u32();
  f.norms = r.raw(maxDoc).slice();
  r.pad();
  const df = r.i32s(n);
  const ctf = r.f64s(n);
  const maxFreq = r.i32s(n);
  const lastDoc = r.i32s(n);
  const docBytes = r.i32s(n);
  const posBytes = r.i32s(n);
  let skipTotal = 0;
  for (let i = 0; i < n; i++) skipTotal += Math.floor(df[i]! / SKIP_INTERVAL) * 4;
  const skips = r.i32s(skipTotal);
  const list = r.json(termBytes);
  if (!Array.isArray(list) || list.length !== n) throw new FormatError(`term list has ${Array.isArray(list) ? list.length : 'no'} entries, header says ${n}`, { file });
  const surfaces = r.json(surfaceBytes);
  if (!Array.isArray(surfaces) || surfaces.length !== n) throw new FormatError(`surface list has ${Array.isArray(surfaces) ? surfaces.length : 'no'} entries, header says ${n}`, { file });
  f.surfaces = surfaces as string[];
  let sd = 0;
  let sp = 0;
  for (let i = 0; i < n; i++) {
    sd += docBytes[i]!;
    sp += posBytes[i]!;
    if (lastDoc[i]! >= maxDoc || df[i]! > maxDoc) throw new FormatError(`term ${i} has postings beyond the ${maxDoc} docs`, { file });
  }
  if (sd !== doc.length || sp !== pos.length) throw new FormatError(`postings files hold ${doc.length}/${pos.length} bytes, the term file expects ${sd}/${sp}`, { file });
  for (const t of list as string[]) f.dict.add(t);
  if (f.dict.size !== n) throw new FormatError('term list has duplicates', { file });
  // Skip entries must point inside their term's streams.
  let o = 0;
  for (let i = 0; i < n; i++) {
    for (let e = Math.floor(df[i]! / SKIP_INTERVAL); e > 0; e--, o += 4) {
      if (skips[o + 1]! > docBytes[i]! || skips[o + 2]! > posBytes[i]! || skips[o]! > lastDoc[i]!) throw new FormatError(`skip entry of term ${i} points outside its postings`, { file });
    }
  }
  f.postings.adopt(n, doc, pos, docBytes, posBytes, { df, ctf, maxFreq, lastDoc }, skips);
}

/** Decodes the document store and checks its offsets. */
export function decodeStore(payload: Uint8Array, maxDoc: number, file: string): DocStore {
  const r = new In(payload, file);
  const n = r.u32();
  if (n !== maxDoc) throw new FormatError(`store holds ${n} docs, the doc table ${maxDoc}`, { file });
  r.need(4 * (n + 1));
  const s = DocStore.decode(payload);
  const end = payload.length - (4 + 4 * (n + 1));
  let prev = 0;
  for (let i = 0; i <= n; i++) {
    const v = r.u32();
    if (v < prev || v > end) throw new FormatError(`store offset ${i} out of range`, { file });
    prev = v;
  }
  return s;
}

// Saving and opening a whole index: the files above, committed and listed by the manifest.

/** What a manifest holds beside its file list: the index's settings and each field's analyzer spec. */
export interface SavedSettings extends OptionsWithDefaults {
  readonly analyzers: Readonly<Record<string, AnalyzerSpec>>;
}

/**
 * Saves `seg` to `dir` crash-safely: its files first, then an atomic manifest swap holding
 * `settings`, then the old generation's files are removed (see `directory.ts`).
 */
export function saveIndex(dir: string, seg: Segment, settings: SavedSettings): void {
  const files: { suffix: string; kind: number; payload: Uint8Array }[] = [];
  files.push({ suffix: 'docs', kind: KIND.docs, payload: encodeDocs(seg) });
  seg.fields.forEach((f, i) => {
    const e = encodeField(f, seg.maxDoc);
    files.push({ suffix: `f${i}.terms`, kind: KIND.terms, payload: e.terms });
    files.push({ suffix: `f${i}.doc`, kind: KIND.doc, payload: e.doc });
    files.push({ suffix: `f${i}.pos`, kind: KIND.pos, payload: e.pos });
  });
  files.push({ suffix: 'store', kind: KIND.store, payload: seg.store.encode(seg.maxDoc) });
  const { fields, idField, storeFields, boosts, similarity, analyzers } = settings;
  new IndexDirectory(dir).commit(files, { fields, idField, storeFields, boosts, similarity, analyzers, documentCount: seg.liveCount, maxDoc: seg.maxDoc });
}

/** A saved index opened by {@link openIndex}: its checked manifest and the settings it holds. */
export interface SavedIndex {
  readonly manifest: Manifest;
  /** The saved settings as written (defaults not merged); analyzer specs may be missing in old manifests. */
  readonly settings: { fields: string[]; idField: string; storeFields?: string[]; boosts?: Record<string, number>; similarity?: SimilarityOptions; analyzers: Record<string, AnalyzerSpec | undefined> };
  /** Reads and checks every data file into a new segment (FormatError naming the file when damaged). */
  readSegment(): Segment;
}

/**
 * Opens the index saved in `dir`: reads the manifest (a ConfigError when there is none) and
 * checks its settings (a FormatError naming the key when damaged); the data files are read by
 * `readSegment`.
 */
export function openIndex(dir: string): SavedIndex {
  const d = new IndexDirectory(dir);
  const m = d.readManifest();
  if (!m) throw new ConfigError(`no search index in ${dir} (manifest.json missing)`, { file: dir });
  const file = join(dir, 'manifest.json');
  checkManifest(m, file);
  const fields = m.fields as string[];
  const settings = {
    fields,
    idField: m.idField as string,
    storeFields: m.storeFields as string[] | undefined,
    boosts: m.boosts as Record<string, number> | undefined,
    similarity: m.similarity as SimilarityOptions | undefined,
    analyzers: (m.analyzers ?? {}) as Record<string, AnalyzerSpec | undefined>,
  };
  const readSegment = (): Segment => {
    const seg = new Segment(fields);
    loadSegment(seg, d, m);
    if (m.maxDoc !== undefined && m.maxDoc !== seg.maxDoc) throw new FormatError(`manifest says ${String(m.maxDoc)} docs, the doc table has ${seg.maxDoc}`, { file, key: 'maxDoc' });
    if (m.documentCount !== undefined && m.documentCount !== seg.liveCount) throw new FormatError(`manifest says ${String(m.documentCount)} live docs, the doc table has ${seg.liveCount}`, { file, key: 'documentCount' });
    return seg;
  };
  return { manifest: m, settings, readSegment };
}

const MANIFEST_KEYS = new Set(['format', 'formatVersion', 'generation', 'files', 'fields', 'idField', 'storeFields', 'boosts', 'similarity', 'analyzers', 'documentCount', 'maxDoc', 'manifestCrc32']);

// The manifest's settings, checked before use: a damaged manifest.json must be refused with a
// FormatError naming the key, not crash later or load with default settings.
function checkManifest(m: Manifest, file: string): void {
  const bad = (key: string, what: string): never => {
    throw new FormatError(`damaged manifest: ${key} ${what}`, { file, key });
  };
  for (const k of Object.keys(m)) if (!MANIFEST_KEYS.has(k)) bad(k, 'is not a manifest key (a damaged key name?)');
  for (const [i, e] of m.files.entries()) {
    if (!e || typeof e !== 'object' || typeof e.name !== 'string' || !/^\d+\./.test(e.name)) bad(`files[${i}]`, 'is not a data file entry');
    for (const k of ['kind', 'bytes', 'crc32'] as const) if (!Number.isInteger(e[k]) || e[k] < 0) bad(`files[${i}].${k}`, 'is not a non-negative integer');
  }
  const fields = m.fields;
  if (!Array.isArray(fields) || !fields.length) bad('fields', 'is not a non-empty list');
  if (typeof m.idField !== 'string' || !m.idField) bad('idField', 'is not a field name');
  const storeFields = m.storeFields ?? [];
  if (!Array.isArray(storeFields) || storeFields.some((f) => typeof f !== 'string' || !f)) bad('storeFields', 'is not a list of field names');
  for (const k of ['documentCount', 'maxDoc']) if (m[k] !== undefined && !(Number.isInteger(m[k]) && (m[k] as number) >= 0)) bad(k, 'is not a non-negative integer');
  const analyzers = m.analyzers;
  if (analyzers !== undefined) {
    if (!analyzers || typeof analyzers !== 'object') bad('analyzers', 'is not an object');
    for (const f of fields as unknown[]) if (typeof f === 'string' && !(analyzers as Record<string, unknown>)[f]) bad(`analyzers.${f}`, 'is missing (a field name or analyzer was damaged)');
  }
  try {
    checkOptions({ fields: fields as string[], boosts: m.boosts as Record<string, number>, similarity: m.similarity as SimilarityOptions });
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    bad(e.key ?? 'settings', `is invalid: ${e.detail}`);
  }
}

// Reads the data files the manifest lists into `seg`.
function loadSegment(seg: Segment, d: IndexDirectory, m: Manifest): void {
  const byName = new Map(m.files.map((f) => [f.name.slice(f.name.indexOf('.') + 1), f]));
  const need = (suffix: string) => {
    const e = byName.get(suffix);
    if (!e) throw new ConfigError(`manifest does not list the "${suffix}" file`, { file: d.path, key: 'files' });
    return e;
  };
  const docsEntry = need('docs');
  decodeDocs(seg, d.readFile(docsEntry), docsEntry.name);
  seg.fields.forEach((f, i) => {
    const t = need(`f${i}.terms`);
    decodeField(f, seg.maxDoc, d.readFile(t), d.readFile(need(`f${i}.doc`)), d.readFile(need(`f${i}.pos`)), t.name);
  });
  const s = need('store');
  seg.store = decodeStore(d.readFile(s), seg.maxDoc, s.name);
}
