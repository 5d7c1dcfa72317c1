/**
 * The index data files, each in textloom's binary framing (`io/binfmt.ts`, kinds in
 * `directory.ts`), as named sections. Little-endian throughout.
 *
 * `docs` (kind 1):   `header` JSON { maxDoc } | `alive` u8[maxDoc] | `ids` JSON array of external ids
 * `f<i>.terms` (kind 2), one per field, terms in sorted order: `header` JSON { terms, docCount,
 *   sumTtf, minNorm } | `norms` u8[maxDoc] | `df` i32[] | `ctf` f64[] | `maxfreq` i32[] |
 *   `lastdoc` i32[] | `docbytes` i32[] | `posbytes` i32[] | `skips` i32[] (4 per 128 docs of each
 *   term, in term order, see `postings/writer.ts`) | `terms` JSON array | `surfaces` JSON array
 * `f<i>.doc` (kind 3) / `f<i>.pos` (kind 4): `stream`, the terms' doc / position streams back to
 *   back, in the same sorted order (format in `postings/codec.ts`)
 * `store` (kind 5):  stored fields, see `store.ts`
 *
 * Version-1 files are decoded by `persist-v1.ts` into the same parts, which are checked here.
 */
import { ConfigError, FormatError } from '../core/errors.js';
import type { AnalyzerSpec } from './analyzer.js';
import type { SimilarityOptions } from './bm25.js';
import { checkOptions, type OptionsWithDefaults } from './options.js';
import { Segment, type FieldData } from './segment.js';
import { SKIP_INTERVAL } from './postings/writer.js';
import { packField } from './field-pack.js';
import { DocStore } from './store.js';
import { DocVectors } from './doc-vectors.js';
import { checkVectorIndexChoice, type VectorIndexChoice } from './vector-options.js';
import { BinaryWriter, type BinaryReader } from '../io/binfmt-bytes.js';
import { FILE_KINDS, INDEX_FORMAT_VERSION, type Manifest, type ManifestFile } from './data-files.js';
import { decodeDocsV1, decodeFieldV1, decodeStoreV1, type DocsParts, type FieldParts } from './persist-v1.js';

/** Component kinds of the data files. */
export const KIND = Object.freeze({ docs: 1, terms: 2, doc: 3, pos: 4, store: 5, vectors: 6 });

/** Encodes the doc table (tombstoned docs included; `compact()` purges them first if wanted). */
export function encodeDocs(seg: Segment): Uint8Array {
  return new BinaryWriter(FILE_KINDS[KIND.docs]!, INDEX_FORMAT_VERSION)
    .json('header', { maxDoc: seg.maxDoc })
    .add('alive', seg.alive.subarray(0, seg.maxDoc))
    .json('ids', seg.ids.slice(0, seg.maxDoc))
    .finish();
}

/** Decodes the doc table into `seg`. */
export function decodeDocs(seg: Segment, r: BinaryReader, file: string): void {
  let parts: DocsParts;
  if (r.version === 1) parts = decodeDocsV1(r.section('payload'), file);
  else {
    const maxDoc = (r.json('header') as { maxDoc?: unknown } | null)?.maxDoc;
    if (!Number.isInteger(maxDoc) || (maxDoc as number) < 0) throw r.error('maxDoc is not a non-negative integer', 'header');
    parts = { alive: r.typed('alive', Uint8Array, maxDoc as number), ids: r.json('ids') };
  }
  const { alive, ids } = parts;
  const maxDoc = alive.length;
  if (!Array.isArray(ids) || ids.length !== maxDoc) throw new FormatError(`doc table lists ${Array.isArray(ids) ? ids.length : 'no'} ids for ${maxDoc} docs`, { file });
  if (!ids.every((id) => typeof id === 'string')) throw new FormatError('doc table has an id that is not a string', { file });
  seg.alive = alive;
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
  const p = packField(f, maxDoc);
  const termFile = new BinaryWriter(FILE_KINDS[KIND.terms]!, INDEX_FORMAT_VERSION)
    .json('header', { terms: p.terms.length, docCount: p.docCount, sumTtf: p.sumTtf, minNorm: p.minNorm })
    .add('norms', p.norms)
    .add('df', p.df)
    .add('ctf', p.ctf)
    .add('maxfreq', p.maxFreq)
    .add('lastdoc', p.lastDoc)
    .add('docbytes', p.docBytes)
    .add('posbytes', p.posBytes)
    .add('skips', p.skips)
    .json('terms', p.terms)
    .json('surfaces', p.surfaces)
    .finish();
  return { terms: termFile, doc: streamFile(KIND.doc, p.docStream), pos: streamFile(KIND.pos, p.posStream) };
}

function streamFile(kind: number, stream: Uint8Array): Uint8Array {
  return new BinaryWriter(FILE_KINDS[kind]!, INDEX_FORMAT_VERSION).add('stream', stream).finish();
}

function stream(r: BinaryReader): Uint8Array {
  return r.section(r.version === 1 ? 'payload' : 'stream');
}

function readFieldParts(r: BinaryReader, maxDoc: number): FieldParts {
  const h = r.json('header') as Record<string, unknown> | null;
  const { terms: n, docCount, sumTtf, minNorm } = h ?? {};
  if (!Number.isInteger(n) || (n as number) < 0 || !Number.isInteger(docCount) || typeof sumTtf !== 'number' || !Number.isInteger(minNorm)) {
    throw r.error('header needs integer terms, docCount, minNorm and a number sumTtf', 'header');
  }
  const count = n as number;
  return {
    docCount: docCount as number,
    sumTtf,
    minNorm: minNorm as number,
    norms: r.typed('norms', Uint8Array, maxDoc),
    df: r.typed('df', Int32Array, count),
    ctf: r.typed('ctf', Float64Array, count),
    maxFreq: r.typed('maxfreq', Int32Array, count),
    lastDoc: r.typed('lastdoc', Int32Array, count),
    docBytes: r.typed('docbytes', Int32Array, count),
    posBytes: r.typed('posbytes', Int32Array, count),
    skips: r.typed('skips', Int32Array),
    terms: r.json('terms'),
    surfaces: r.json('surfaces'),
  };
}

/** Decodes one field's files into `f`, checking every count and stream length against the others. */
export function decodeField(f: FieldData, maxDoc: number, terms: BinaryReader, doc: BinaryReader, pos: BinaryReader, file: string): void {
  const parts = terms.version === 1 ? decodeFieldV1(terms.section('payload'), maxDoc, file) : readFieldParts(terms, maxDoc);
  const docStream = stream(doc);
  const posStream = stream(pos);
  const { df, ctf, maxFreq, lastDoc, docBytes, posBytes, skips } = parts;
  const n = df.length;
  const list = parts.terms;
  if (!Array.isArray(list) || list.length !== n) throw new FormatError(`term list has ${Array.isArray(list) ? list.length : 'no'} entries, header says ${n}`, { file });
  if (!list.every((t) => typeof t === 'string')) throw new FormatError('term list has an entry that is not a string', { file });
  const surfaces = parts.surfaces;
  if (!Array.isArray(surfaces) || surfaces.length !== n) throw new FormatError(`surface list has ${Array.isArray(surfaces) ? surfaces.length : 'no'} entries, header says ${n}`, { file });
  let sd = 0;
  let sp = 0;
  let skipTotal = 0;
  for (let i = 0; i < n; i++) {
    if (df[i]! < 0 || docBytes[i]! < 0 || posBytes[i]! < 0 || maxFreq[i]! < 0) throw new FormatError(`term ${i} has a negative count`, { file });
    sd += docBytes[i]!;
    sp += posBytes[i]!;
    skipTotal += Math.floor(df[i]! / SKIP_INTERVAL) * 4;
    if (lastDoc[i]! >= maxDoc || df[i]! > maxDoc) throw new FormatError(`term ${i} has postings beyond the ${maxDoc} docs`, { file });
  }
  if (skipTotal !== skips.length) throw new FormatError(`skip data holds ${skips.length} values, the document frequencies need ${skipTotal}`, { file });
  if (sd !== docStream.length || sp !== posStream.length) throw new FormatError(`postings files hold ${docStream.length}/${posStream.length} bytes, the term file expects ${sd}/${sp}`, { file });
  f.docCount = parts.docCount;
  f.sumTtf = parts.sumTtf;
  f.minNorm = parts.minNorm;
  f.norms = parts.norms;
  f.surfaces = surfaces as string[];
  for (const t of list as string[]) f.dict.add(t);
  if (f.dict.size !== n) throw new FormatError('term list has duplicates', { file });
  // Skip entries must point inside their term's streams.
  let o = 0;
  for (let i = 0; i < n; i++) {
    for (let e = Math.floor(df[i]! / SKIP_INTERVAL); e > 0; e--, o += 4) {
      if (skips[o + 1]! > docBytes[i]! || skips[o + 2]! > posBytes[i]! || skips[o]! > lastDoc[i]!) throw new FormatError(`skip entry of term ${i} points outside its postings`, { file });
    }
  }
  f.postings.adopt(n, docStream, posStream, docBytes, posBytes, { df, ctf, maxFreq, lastDoc }, skips);
}

/** Decodes the document store and checks its offsets. */
export function decodeStore(r: BinaryReader, maxDoc: number, file: string): DocStore {
  if (r.version === 1) return decodeStoreV1(r.section('payload'), maxDoc, file);
  const offs = r.typed('offsets', Uint32Array, maxDoc + 1);
  const data = r.section('data');
  let prev = 0;
  for (let i = 0; i <= maxDoc; i++) {
    const v = offs[i]!;
    if (v < prev || v > data.length) throw r.error(`store offset ${i} out of range`, 'offsets', 4 * i);
    prev = v;
  }
  return DocStore.fromParts(offs, data, file);
}

// A whole index: the files above, listed by a manifest (stored by `persist-files.ts` or `bytes.ts`).

/** What a manifest holds beside its file list: the index's settings and each field's analyzer spec. */
export interface SavedSettings extends OptionsWithDefaults {
  readonly analyzers: Readonly<Record<string, AnalyzerSpec>>;
  /** Fields the document vectors were computed from by an embedding pipeline (`embed`). */
  readonly embedFields: readonly string[] | undefined;
}

/** One data file of an index: its name suffix (`docs`, `f0.terms`, ...), kind and framed bytes. */
export interface IndexFile {
  suffix: string;
  kind: number;
  payload: Uint8Array;
}

/**
 * Encodes `seg` into its data files and the manifest settings that go with them (what
 * `persist-files.ts` commits to a directory and `bytes.ts` packs into one buffer).
 */
export function encodeIndex(seg: Segment, settings: SavedSettings): { files: IndexFile[]; settings: Record<string, unknown> } {
  const files: IndexFile[] = [];
  files.push({ suffix: 'docs', kind: KIND.docs, payload: encodeDocs(seg) });
  seg.fields.forEach((f, i) => {
    const e = encodeField(f, seg.maxDoc);
    files.push({ suffix: `f${i}.terms`, kind: KIND.terms, payload: e.terms });
    files.push({ suffix: `f${i}.doc`, kind: KIND.doc, payload: e.doc });
    files.push({ suffix: `f${i}.pos`, kind: KIND.pos, payload: e.pos });
  });
  files.push({ suffix: 'store', kind: KIND.store, payload: seg.store.encode(seg.maxDoc) });
  if (seg.vectors) files.push({ suffix: 'vectors', kind: KIND.vectors, payload: seg.vectors.encode(new BinaryWriter(FILE_KINDS[KIND.vectors]!, INDEX_FORMAT_VERSION), seg.maxDoc) });
  const { fields, idField, storeFields, boosts, similarity, analyzers, vectorField, vectorIndex, embedFields } = settings;
  const vectorSettings = {
    ...(vectorField !== undefined ? { vectorField } : {}),
    ...(vectorIndex.kind !== 'exact' ? { vectorIndex } : {}),
    ...(embedFields !== undefined ? { embedFields } : {}),
  };
  return { files, settings: { fields, idField, storeFields, boosts, similarity, analyzers, ...vectorSettings, documentCount: seg.liveCount, maxDoc: seg.maxDoc } };
}

/**
 * Where a saved index's manifest and data files come from: a directory (`directory.ts`) or one
 * buffer (`bytes.ts`). `manifestFile` names the manifest in errors.
 */
export interface IndexSource {
  readonly path: string;
  readonly manifestFile: string;
  readManifest(): Manifest | null;
  readFile(entry: ManifestFile): BinaryReader;
}

/** A saved index opened by {@link openSource}: its checked manifest and the settings it holds. */
export interface SavedIndex {
  readonly manifest: Manifest;
  /** The saved settings as written (defaults not merged); analyzer specs may be missing in old manifests. */
  readonly settings: { fields: string[]; idField: string; storeFields?: string[]; boosts?: Record<string, number>; similarity?: SimilarityOptions; analyzers: Record<string, AnalyzerSpec | undefined>; vectorField?: string; vectorIndex?: VectorIndexChoice; embedFields?: string[] };
  /** Reads and checks every data file into a new segment (FormatError naming the file when damaged). */
  readSegment(): Segment;
}

/**
 * Opens the index saved in `d`: reads the manifest (a ConfigError when there is none) and
 * checks its settings (a FormatError naming the key when damaged); the data files are read by
 * `readSegment`.
 */
export function openSource(d: IndexSource): SavedIndex {
  const m = d.readManifest();
  if (!m) throw new ConfigError(`no search index in ${d.path} (manifest.json missing)`, { file: d.path });
  const file = d.manifestFile;
  checkManifest(m, file);
  const fields = m.fields as string[];
  const settings = {
    fields,
    idField: m.idField as string,
    storeFields: m.storeFields as string[] | undefined,
    boosts: m.boosts as Record<string, number> | undefined,
    similarity: m.similarity as SimilarityOptions | undefined,
    analyzers: (m.analyzers ?? {}) as Record<string, AnalyzerSpec | undefined>,
    vectorField: m.vectorField as string | undefined,
    vectorIndex: m.vectorIndex as VectorIndexChoice | undefined,
    embedFields: m.embedFields as string[] | undefined,
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

const MANIFEST_KEYS = new Set(['format', 'formatVersion', 'generation', 'files', 'fields', 'idField', 'storeFields', 'boosts', 'similarity', 'analyzers', 'documentCount', 'maxDoc', 'manifestCrc32', 'vectorField', 'vectorIndex', 'embedFields']);

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
  if (m.vectorField !== undefined && (typeof m.vectorField !== 'string' || !m.vectorField)) bad('vectorField', 'is not a field name');
  if (m.embedFields !== undefined && (!Array.isArray(m.embedFields) || !m.embedFields.length || m.embedFields.some((f) => !(m.fields as unknown[]).includes(f)))) bad('embedFields', 'is not a list of indexed fields');
  if (m.vectorIndex !== undefined) {
    if (m.vectorField === undefined) bad('vectorIndex', 'is set without a vectorField');
    try {
      checkVectorIndexChoice(m.vectorIndex);
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      bad(e.key ?? 'vectorIndex', `is invalid: ${e.detail}`);
    }
  }
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
function loadSegment(seg: Segment, d: IndexSource, m: Manifest): void {
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
  const v = byName.get('vectors');
  if (v) seg.vectors = DocVectors.decode(d.readFile(v), seg.maxDoc, v.name);
}
