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
import { BinaryWriter } from '../../io/binfmt.js';
import { TaggerModel } from './model.js';
import { inflateRawSync } from 'node:zlib';
import { decodeTaggerV1Body, isTaggerV1, taggerV1Body, taggerV1InflateError } from './model-format-v1.js';
import type { TaggerParts } from './model-parts.js';
import { buildTaggerModel, type TaggerJson } from './model-parts.js';
import { decodeTaggerFrame, taggerReader, TAGGER_FORMAT_VERSION, TAGGER_MAGIC } from './model-bytes.js';

export { TAGGER_FORMAT_VERSION, TAGGER_MAGIC };
import { readBytesSync } from '../../io/read-text.js';

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
  return decodeTaggerFrame(taggerReader(bytes, file), file);
}

/** Decodes a version-1 file into its parts, its body inflated with zlib. */
function decodeTaggerV1(bytes: Uint8Array, file: string): TaggerParts {
  const { body, maxBytes } = taggerV1Body(bytes, file);
  let raw: Uint8Array;
  try {
    raw = inflateRawSync(body, { maxOutputLength: maxBytes });
  } catch (e) {
    throw taggerV1InflateError(e, file);
  }
  return decodeTaggerV1Body(raw, file);
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
