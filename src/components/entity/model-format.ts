/**
 * The entity model file (`.tlner`), in textloom's binary framing (`io/binfmt.ts`, kind `NERM`,
 * version 1). Sections, all raw-deflated: `model` (JSON: featureSet, labels, hashBits, usesTags, meta and the
 * counts below), `buckets` (u32 gaps between the non-empty hash buckets), `counts` (u8 weights per
 * non-empty bucket), `cls` (u8 class per weight), `values` (i16 weight), `lexwords` (lexicon
 * words, NUL-separated UTF-8) and `lexvals` (u32 packed clusters, capitalization and gazetteer class per word, see `lexValue`).
 */
import { writeFileAtomicSync } from '../../io/atomic.js';
import { BinaryWriter } from '../../io/binfmt.js';
import { readBytesSync } from '../../io/read-text.js';
import { EntityModel } from './model.js';
import { FEATURE_SET } from './features.js';
import { decodeEntityFrame, entityModelReader, ENTITY_MODEL_KIND, ENTITY_MODEL_VERSION } from './model-bytes.js';

export { ENTITY_MODEL_KIND, ENTITY_MODEL_VERSION };

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
  const clids = new Uint32Array(words.map((w) => model.lexicon!.get(w)!));
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
  return new EntityModel(decodeEntityFrame(entityModelReader(bytes, file)));
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
