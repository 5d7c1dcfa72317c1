/**
 * The tagger's binary model file (`.tlt`): an 16-byte header (magic `TLTAGGER`, u32 version,
 * u32 CRC-32 of the body) and a raw-deflated body. The body is a u32-prefixed JSON part
 * (classes, templates, strings, tag dictionary, lexicon, provenance) followed by the feature
 * keys (2 x u32 per row) and the sparse weights quantized to int16 with one global scale
 * (values, then per-row non-zero counts and class indices as bytes).
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { FormatError } from '../../core/errors.js';
import { writeFileAtomicSync } from '../../io/atomic.js';
import { crc32 } from '../../util/crc32.js';
import { FeatureTable } from './feature-table.js';
import { TaggerModel } from './model.js';
import { readBytesSync } from '../../io/read-text.js';
import type { Template } from './features.js';

/** The 8 magic bytes that start every tagger model file. */
export const TAGGER_MAGIC = 'TLTAGGER';
/** Current format version; other versions are rejected. */
export const TAGGER_FORMAT_VERSION = 1;
const HEADER = 16;

interface JsonPart {
  classes: { upos: string; xpos: string }[];
  templates: Template[];
  strings: string[];
  tagdict: [string, number][];
  ambs: string[];
  lexicon: [string, number][];
  candidates: [string, number[]][];
  meta: Record<string, unknown>;
  rows: number;
  nonZero: number;
  scale: number;
}

/** Serializes a model to bytes (see the module comment for the layout). */
export function encodeTaggerModel(model: TaggerModel): Uint8Array {
  const nC = model.classes.length;
  if (nC > 255) throw new FormatError(`too many classes (${nC}) for the model format`);
  const rows = model.table.size;
  const { rowStart, cls: wCls, val } = model.weights;
  let max = 0;
  for (let i = 0; i < val.length; i++) max = Math.max(max, Math.abs(val[i]!));
  const scale = max > 0 ? 32767 / max : 1;
  const counts = new Uint8Array(rows);
  let nonZero = 0;
  for (let r = 0; r < rows; r++) {
    for (let j = rowStart[r]!; j < rowStart[r + 1]!; j++) if (Math.round(val[j]! * scale) !== 0) counts[r]++;
    nonZero += counts[r]!;
  }
  const values = new Int16Array(nonZero);
  const cls = new Uint8Array(nonZero);
  let k = 0;
  for (let r = 0; r < rows; r++) {
    for (let j = rowStart[r]!; j < rowStart[r + 1]!; j++) {
      const q = Math.round(val[j]! * scale);
      if (q !== 0) {
        values[k] = q;
        cls[k++] = wCls[j]!;
      }
    }
  }
  const ambs: string[] = [];
  const ambIdx = new Map<string, number>();
  const lexicon: [string, number][] = [];
  for (const [norm, amb] of model.lexicon) {
    let a = ambIdx.get(amb);
    if (a === undefined) {
      a = ambs.length;
      ambs.push(amb);
      ambIdx.set(amb, a);
    }
    lexicon.push([norm, a]);
  }
  const json: JsonPart = {
    classes: model.classes,
    templates: model.templates,
    strings: model.strings,
    tagdict: [...model.tagdict],
    ambs,
    lexicon,
    candidates: [...model.candidates],
    meta: model.meta,
    rows,
    nonZero,
    scale,
  };
  const jsonBytes = Buffer.from(JSON.stringify(json), 'utf8');
  const jsonPad = (4 - ((4 + jsonBytes.length) % 4)) % 4;
  const parts = [
    new Uint8Array(new Uint32Array([jsonBytes.length]).buffer),
    jsonBytes,
    new Uint8Array(jsonPad),
    new Uint8Array(model.table.rowKey1.buffer, model.table.rowKey1.byteOffset, rows * 4),
    new Uint8Array(model.table.rowKey2.buffer, model.table.rowKey2.byteOffset, rows * 4),
    new Uint8Array(values.buffer),
    counts,
    cls,
  ];
  const body = deflateRawSync(Buffer.concat(parts), { level: 9 });
  const out = new Uint8Array(HEADER + body.length);
  out.set(Buffer.from(TAGGER_MAGIC, 'latin1'), 0);
  const dv = new DataView(out.buffer);
  dv.setUint32(8, TAGGER_FORMAT_VERSION, true);
  dv.setUint32(12, crc32(body), true);
  out.set(body, HEADER);
  return out;
}

/** Parses model bytes; a wrong magic, version or CRC, or a truncated body, is a FormatError. */
export function decodeTaggerModel(bytes: Uint8Array, file = '<bytes>'): TaggerModel {
  if (bytes.length < HEADER || Buffer.from(bytes.subarray(0, 8)).toString('latin1') !== TAGGER_MAGIC) {
    throw new FormatError('not a textloom tagger model (bad magic)', { file, offset: 0 });
  }
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = dv.getUint32(8, true);
  if (version !== TAGGER_FORMAT_VERSION) throw new FormatError(`unsupported tagger model version ${version} (this build reads ${TAGGER_FORMAT_VERSION})`, { file, offset: 8 });
  const body = bytes.subarray(HEADER);
  const crc = crc32(body);
  if (crc !== dv.getUint32(12, true)) throw new FormatError('tagger model CRC mismatch (file is corrupt)', { file, offset: 12 });
  let raw: Buffer;
  try {
    raw = inflateRawSync(body);
  } catch (e) {
    throw new FormatError(`tagger model body does not inflate: ${(e as Error).message}`, { file, offset: HEADER });
  }
  const fail = (what: string, offset: number): never => {
    throw new FormatError(`truncated or malformed tagger model: ${what}`, { file, offset });
  };
  if (raw.length < 4) fail('no JSON length', 0);
  const jsonLen = raw.readUInt32LE(0);
  if (4 + jsonLen > raw.length) fail('JSON part', 4);
  let json: JsonPart;
  try {
    json = JSON.parse(raw.toString('utf8', 4, 4 + jsonLen)) as JsonPart;
  } catch (e) {
    return fail(`JSON part: ${(e as Error).message}`, 4);
  }
  const rows = json.rows;
  const nnz = json.nonZero;
  const nC = json.classes.length;
  let off = 4 + jsonLen;
  off += (4 - (off % 4)) % 4;
  const need = off + rows * 8 + nnz * 2 + rows + nnz;
  if (raw.length !== need) fail(`expected ${need} body bytes, got ${raw.length}`, off);
  // Copy into fresh (aligned) typed arrays: the inflated buffer may sit at any byte offset.
  const k1 = new Uint32Array(rows);
  const k2 = new Uint32Array(rows);
  const values = new Int16Array(nnz);
  new Uint8Array(k1.buffer).set(raw.subarray(off, off + rows * 4));
  off += rows * 4;
  new Uint8Array(k2.buffer).set(raw.subarray(off, off + rows * 4));
  off += rows * 4;
  new Uint8Array(values.buffer).set(raw.subarray(off, off + nnz * 2));
  off += nnz * 2;
  const counts = raw.subarray(off, off + rows);
  off += rows;
  const cls = raw.subarray(off, off + nnz);
  const rowStart = new Uint32Array(rows + 1);
  const val = new Float32Array(nnz);
  const inv = 1 / json.scale;
  let j = 0;
  for (let r = 0; r < rows; r++) {
    rowStart[r] = j;
    j += counts[r]!;
  }
  rowStart[rows] = j;
  if (j !== nnz) fail(`row counts sum to ${j}, expected ${nnz}`, off - rows);
  for (let i = 0; i < nnz; i++) {
    if (cls[i]! >= nC) fail(`class index ${cls[i]} out of range`, off + i);
    val[i] = values[i]! * inv;
  }
  const lexicon = new Map<string, string>();
  for (const [norm, a] of json.lexicon) lexicon.set(norm, json.ambs[a]!);
  return new TaggerModel({
    classes: json.classes,
    templates: json.templates,
    strings: json.strings,
    table: FeatureTable.fromKeys(k1, k2),
    weights: { rowStart, cls: Uint8Array.from(cls), val },
    tagdict: new Map(json.tagdict),
    lexicon,
    candidates: new Map(json.candidates ?? []),
    meta: json.meta,
  });
}

/** Writes a model file atomically. */
export function saveTaggerModel(model: TaggerModel, path: string): void {
  writeFileAtomicSync(path, encodeTaggerModel(model));
}

/**
 * Loads a tagger model file, checking magic, version and CRC; a missing or unreadable file is a
 * NotFoundError naming it.
 * @example const model = loadTaggerModel('models/en_ewt.tlt');
 */
export function loadTaggerModel(path: string): TaggerModel {
  return decodeTaggerModel(readBytesSync(path, 'tagger model'), path);
}
