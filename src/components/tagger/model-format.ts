/**
 * The tagger's binary model file (`.tlt`), in textloom's binary framing (`io/binfmt.ts`, kind
 * `TAGR`, version 2). Every section is raw-deflated: `model` (JSON: classes, templates, strings,
 * tag dictionary, lexicon, provenance, row and non-zero counts, weight scale), `key1` and `key2`
 * (the feature keys, u32 per row), `values` (the sparse weights quantized to int16 with one global
 * scale), `counts` (non-zero weights per row, u8) and `cls` (class index per weight, u8).
 * Version-1 files (magic `TLTAGGER`) are converted by `model-format-v1.ts`.
 */
import { FormatError } from '../../core/errors.js';
import { writeFileAtomicSync } from '../../io/atomic.js';
import { BinaryFileError, BinaryWriter, isFramed, readBinary } from '../../io/binfmt.js';
import { TaggerModel } from './model.js';
import { decodeTaggerV1, isTaggerV1 } from './model-format-v1.js';
import { buildTaggerModel, type TaggerJson } from './model-parts.js';
import { readBytesSync } from '../../io/read-text.js';

/** Kind code of tagger model files in textloom's binary framing (version-1 files began with `TLTAGGER`). */
export const TAGGER_MAGIC = 'TAGR';
/** Current format version; version 1 is converted on load, others are rejected. */
export const TAGGER_FORMAT_VERSION = 2;

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
  const json: TaggerJson = {
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
  const deflate = { deflate: true };
  return new BinaryWriter(TAGGER_MAGIC, TAGGER_FORMAT_VERSION)
    .json('model', json, deflate)
    .add('key1', model.table.rowKey1.subarray(0, rows), deflate)
    .add('key2', model.table.rowKey2.subarray(0, rows), deflate)
    .add('values', values, deflate)
    .add('counts', counts, deflate)
    .add('cls', cls, deflate)
    .finish();
}

/**
 * Parses model bytes of either version; a wrong magic, kind, version or CRC, or sections that
 * disagree with each other, is a {@link BinaryFileError} naming the file and byte offset.
 */
export function decodeTaggerModel(bytes: Uint8Array, file = '<bytes>'): TaggerModel {
  if (isTaggerV1(bytes)) return buildTaggerModel(decodeTaggerV1(bytes, file), file, 16);
  if (!isFramed(bytes)) throw new BinaryFileError('not a textloom tagger model (bad magic)', file, 0);
  const r = readBinary(bytes, { kind: TAGGER_MAGIC, what: 'tagger model', versions: [TAGGER_FORMAT_VERSION], file });
  const json = r.json('model') as Record<string, unknown> | null;
  if (!json || typeof json !== 'object') throw r.error('the model section is not a JSON object', 'model');
  const { rows, nonZero } = json;
  if (!Number.isInteger(rows) || (rows as number) < 0 || !Number.isInteger(nonZero) || (nonZero as number) < 0) throw r.error('rows and nonZero must be non-negative integers', 'model');
  const parts = {
    json,
    key1: r.typed('key1', Uint32Array, rows as number),
    key2: r.typed('key2', Uint32Array, rows as number),
    values: r.typed('values', Int16Array, nonZero as number),
    counts: r.typed('counts', Uint8Array, rows as number),
    cls: r.typed('cls', Uint8Array, nonZero as number),
  };
  return buildTaggerModel(parts, file, r.offsetOf('model'));
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
