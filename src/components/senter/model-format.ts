/**
 * The sentence segmenter's binary model file (`.tls`), in textloom's binary framing
 * (`io/binfmt.ts`, kind `SENT`, version 1). Sections, raw-deflated: `model` (JSON: table bits,
 * weight scale, number of feature templates, provenance) and `weights` (int16, `2^bits` of them;
 * weights below the pruning threshold are stored as 0, which is what makes the file small).
 */
import { ArgumentError } from '../../core/errors.js';
import { writeFileAtomicSync } from '../../io/atomic.js';
import { BinaryWriter, readFramed, BinaryFileError } from '../../io/binfmt.js';
import { readBytesSync } from '../../io/read-text.js';
import { N_FEATURES } from './features.js';
import { SenterModel } from './model.js';

/** Kind code of sentence segmenter model files in textloom's binary framing. */
export const SENTER_KIND = 'SENT';
/** Current format version; other versions are rejected. */
export const SENTER_FORMAT_VERSION = 1;

/** Options of {@link encodeSenterModel}. */
export interface EncodeSenterOptions {
  /** Weights with |w| below this share of the largest |w| are stored as 0 (default 0.002, 0..1). */
  prune?: number;
}

/** Serializes a model to bytes (see the module comment for the layout). */
export function encodeSenterModel(model: SenterModel, options: EncodeSenterOptions = {}): Uint8Array {
  const prune = options.prune ?? 0.002;
  if (!(prune >= 0 && prune <= 1)) throw new ArgumentError(`prune must be a number in 0..1, got ${prune}`, { key: 'prune' });
  const cut = Math.round(32767 * prune);
  const w = model.weights;
  const stored = new Int16Array(w.length);
  for (let i = 0; i < w.length; i++) if (w[i]! >= cut || -w[i]! >= cut) stored[i] = w[i]!;
  const deflate = { deflate: true };
  return new BinaryWriter(SENTER_KIND, SENTER_FORMAT_VERSION)
    .json('model', { bits: model.bits, scale: model.scale, features: N_FEATURES, meta: model.meta }, deflate)
    .add('weights', stored, deflate)
    .finish();
}

/**
 * Parses model bytes; a wrong magic, kind, version or CRC, or a header that disagrees with the
 * weights, is a {@link BinaryFileError} naming the file and byte offset.
 */
export function decodeSenterModel(bytes: Uint8Array, file = '<bytes>'): SenterModel {
  const r = readFramed(bytes, { kind: SENTER_KIND, what: 'sentence segmenter model', versions: [SENTER_FORMAT_VERSION], file });
  const json = r.json('model') as Record<string, unknown> | null;
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw r.error('the model section is not a JSON object', 'model');
  const { bits, scale, features, meta } = json;
  if (!Number.isInteger(bits) || (bits as number) < 1 || (bits as number) > 24) throw r.error('bits must be an integer in 1..24', 'model');
  if (typeof scale !== 'number' || !(scale > 0) || !Number.isFinite(scale)) throw r.error('scale must be a positive number', 'model');
  if (features !== N_FEATURES) throw r.error(`the model has ${String(features)} feature templates, this textloom computes ${N_FEATURES}`, 'model');
  const weights = r.typed('weights', Int16Array, 2 ** (bits as number));
  return new SenterModel({ bits: bits as number, weights, scale, meta: meta && typeof meta === 'object' ? (meta as Record<string, unknown>) : {} });
}

/** Writes a model file atomically. */
export function saveSenterModel(model: SenterModel, path: string, options: EncodeSenterOptions = {}): void {
  writeFileAtomicSync(path, encodeSenterModel(model, options));
}

/**
 * Loads a model file, checking magic, kind, version and CRC; a missing or unreadable file is a
 * NotFoundError naming it.
 * @example const model = loadSenterModel('models/en_ewt_senter.tls');
 */
export function loadSenterModel(path: string): SenterModel {
  return decodeSenterModel(readBytesSync(path, 'sentence segmenter model'), path);
}
