/**
 * Reading an entity model (`.tlner`) from bytes with no Node built-in: the decoder shared by the
 * Node loader (`model-format.ts`, sections inflated by zlib) and `EntityModel.fromBytes`, which
 * inflates with the platform's DecompressionStream (browsers, Node 20.12+).
 */
import { readFramed, type BinaryReader } from '../../io/binfmt-bytes.js';
import { FEATURE_SET } from './features.js';

/** Provenance and training settings stored with a model. */
export interface EntityModelMeta {
  [key: string]: unknown;
}

/** The parts a model is built from (by the trainer or the file loader). */
export interface EntityModelParts {
  labels: string[];
  hashBits: number;
  /** Per bucket b, its packed weights are data[rowStart[b] .. rowStart[b + 1]). Length 2^hashBits + 1. */
  rowStart: Uint32Array;
  /** `value << 8 | class` entries. */
  data: Int32Array;
  /** Word -> cluster id (0-based), or null. */
  lexicon: Map<string, number> | null;
  /** Whether the model was trained with tagger tags (then `doc.tag` is read when set). */
  usesTags: boolean;
  meta: EntityModelMeta;
}

/** Kind code of entity model files in textloom's binary framing. */
export const ENTITY_MODEL_KIND = 'NERM';
/** Current format version; others are rejected. */
export const ENTITY_MODEL_VERSION = 2;

/** Checks the framing of model bytes (magic, kind, version, CRC) and returns its reader. */
export function entityModelReader(bytes: Uint8Array, file: string): BinaryReader {
  return readFramed(bytes, { kind: ENTITY_MODEL_KIND, what: 'entity model', versions: [ENTITY_MODEL_VERSION], file });
}

/**
 * The model parts from a checked reader whose sections can be read (inflated, or zlib installed);
 * sections that disagree with each other are a {@link BinaryFileError} naming the section.
 */
export function decodeEntityFrame(r: BinaryReader): EntityModelParts {
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
    const ids = r.typed('lexvals', Uint32Array, lexiconWords);
    lexicon = new Map(words.map((w, i) => [w, ids[i]!]));
  }
  return { labels, hashBits, rowStart, data, lexicon, usesTags: usesTags === true, meta: meta && typeof meta === 'object' ? meta : {} };
}

/**
 * Parses model bytes anywhere (browsers included): checks the framing and CRC, inflates with the
 * platform's DecompressionStream (or zlib in Node), returns the model parts. Bad bytes are a
 * {@link BinaryFileError} naming `file` and the offset.
 */
export async function readEntityModelBytes(bytes: Uint8Array, file = '<bytes>'): Promise<EntityModelParts> {
  const r = await entityModelReader(bytes, file).inflateAll();
  return decodeEntityFrame(r);
}
