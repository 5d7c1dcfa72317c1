/**
 * The entity model file (`.tlner`), in textloom's binary framing (`io/binfmt.ts`, kind `NERM`,
 * version 1). Sections, all raw-deflated: `model` (JSON: featureSet, labels, hashBits, usesTags, meta and the
 * counts below), `buckets` (u32 gaps between the non-empty hash buckets), `counts` (u8 weights per
 * non-empty bucket), `cls` (u8 class per weight), `values` (i16 weight), `lexwords` (lexicon
 * words, NUL-separated UTF-8) and `lexvals` (u16 packed cluster and capitalization class per word).
 */
import { writeFileAtomicSync } from '../../io/atomic.js';
import { BinaryFileError, BinaryWriter, isFramed, readBinary } from '../../io/binfmt.js';
import { readBytesSync } from '../../io/read-text.js';
import { EntityModel } from './model.js';
import { FEATURE_SET } from './features.js';

/** Kind code of entity model files in textloom's binary framing. */
export const ENTITY_MODEL_KIND = 'NERM';
/** Current format version; others are rejected. */
export const ENTITY_MODEL_VERSION = 1;

/** Serializes a model (see the module comment for the layout). */
export function encodeEntityModel(model: EntityModel): Uint8Array {
  const { rowStart, data } = model;
  const size = rowStart.length - 1;
  let rows = 0;
  for (let b = 0; b < size; b++) if (rowStart[b + 1]! > rowStart[b]!) rows++;
  const buckets = new Uint32Array(rows);
  const counts = new Uint8Array(rows);
  let r = 0;
  let prev = 0;
  for (let b = 0; b < size; b++) {
    const n = rowStart[b + 1]! - rowStart[b]!;
    if (n === 0) continue;
    buckets[r] = b - prev;
    prev = b;
    counts[r++] = n;
  }
  const cls = new Uint8Array(data.length);
  const values = new Int16Array(data.length);
  for (let j = 0; j < data.length; j++) {
    cls[j] = data[j]! & 255;
    values[j] = data[j]! >> 8;
  }
  const words = model.lexicon ? [...model.lexicon.keys()] : [];
  const clids = new Uint16Array(words.map((w) => model.lexicon!.get(w)!));
  const deflate = { deflate: true };
  return new BinaryWriter(ENTITY_MODEL_KIND, ENTITY_MODEL_VERSION)
    .json('model', { featureSet: FEATURE_SET, labels: model.labels, hashBits: model.hashBits, usesTags: model.usesTags, meta: model.meta, rows, weights: data.length, lexiconWords: words.length }, deflate)
    .add('buckets', buckets, deflate)
    .add('counts', counts, deflate)
    .add('cls', cls, deflate)
    .add('values', values, deflate)
    .add('lexwords', new TextEncoder().encode(words.join('\0')), deflate)
    .add('lexvals', clids, deflate)
    .finish();
}

/**
 * Parses model bytes; a wrong magic, kind, version or CRC, or sections that disagree with each
 * other, is a {@link BinaryFileError} naming the file and byte offset.
 */
export function decodeEntityModel(bytes: Uint8Array, file = '<bytes>'): EntityModel {
  if (!isFramed(bytes)) throw new BinaryFileError('not a textloom entity model (bad magic)', file, 0);
  const r = readBinary(bytes, { kind: ENTITY_MODEL_KIND, what: 'entity model', versions: [ENTITY_MODEL_VERSION], file });
  const j = r.json('model') as Record<string, unknown> | null;
  if (!j || typeof j !== 'object') throw r.error('the model section is not a JSON object', 'model');
  const { featureSet, labels, hashBits, usesTags, meta, rows, weights, lexiconWords } = j as Record<string, any>;
  // Weights are only meaningful for the feature templates they were trained with.
  if (featureSet !== FEATURE_SET) throw r.error(`the model was trained with feature set ${JSON.stringify(featureSet)}, this textloom computes ${JSON.stringify(FEATURE_SET)}: retrain it`, 'model');
  const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
  if (!Array.isArray(labels) || labels.length === 0 || labels.length > 63 || !labels.every((l) => typeof l === 'string' && l)) throw r.error('labels must be 1..63 non-empty strings', 'model');
  if (!Number.isInteger(hashBits) || hashBits < 16 || hashBits > 24) throw r.error('hashBits must be an integer in 16..24', 'model');
  if (!isCount(rows) || !isCount(weights) || !isCount(lexiconWords)) throw r.error('rows, weights and lexiconWords must be non-negative integers', 'model');
  const nC = 1 + 4 * labels.length;
  const buckets = r.typed('buckets', Uint32Array, rows);
  const counts = r.typed('counts', Uint8Array, rows);
  const cls = r.typed('cls', Uint8Array, weights);
  const values = r.typed('values', Int16Array, weights);
  const size = 2 ** hashBits;
  const rowStart = new Uint32Array(size + 1);
  let b = 0;
  let x = 0;
  let sum = 0;
  for (let i = 0; i < rows; i++) {
    if (i > 0 && buckets[i] === 0) throw r.error(`bucket ${i} repeats the bucket before it`, 'buckets');
    if (counts[i] === 0) throw r.error(`bucket ${i} has no weights`, 'counts');
    b += buckets[i]!;
    if (b >= size) throw r.error(`bucket ${i} lies outside the table of ${size}`, 'buckets');
    while (x <= b) rowStart[x++] = sum;
    sum += counts[i]!;
  }
  if (sum !== weights) throw r.error(`the bucket counts add up to ${sum}, not ${weights}`, 'counts');
  while (x <= size) rowStart[x++] = sum;
  const data = new Int32Array(weights);
  for (let i = 0; i < weights; i++) {
    if (cls[i]! >= nC) throw r.error(`weight ${i} has class ${cls[i]}, the model has ${nC}`, 'cls');
    data[i] = (values[i]! << 8) | cls[i]!;
  }
  let lexicon: Map<string, number> | null = null;
  if (lexiconWords > 0) {
    const words = new TextDecoder().decode(r.section('lexwords')).split('\0');
    if (words.length !== lexiconWords) throw r.error(`expected ${lexiconWords} cluster words, got ${words.length}`, 'lexwords');
    const ids = r.typed('lexvals', Uint16Array, lexiconWords);
    lexicon = new Map(words.map((w, i) => [w, ids[i]!]));
  }
  return new EntityModel({ labels, hashBits, rowStart, data, lexicon, usesTags: usesTags === true, meta: meta && typeof meta === 'object' ? meta : {} });
}

/** Writes a model file atomically. */
export function saveEntityModel(model: EntityModel, path: string): void {
  writeFileAtomicSync(path, encodeEntityModel(model));
}

/**
 * Loads an entity model file, checking magic, kind, version and CRC; a missing file is a NotFoundError naming it.
 * @example const model = loadEntityModel('models/en_uner_ewt_ner.tlner');
 */
export function loadEntityModel(path: string): EntityModel {
  return decodeEntityModel(readBytesSync(path, 'entity model'), path);
}
