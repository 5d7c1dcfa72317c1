/**
 * The parser's binary model file (`.tlp`), in textloom's binary framing (`io/binfmt.ts`, kind
 * `DPAR`, version 1). Every section is raw-deflated: `model` (JSON: labels, tags, table sizes,
 * weight scales, provenance), `cand_start` and `cands` (label candidates, i32), `action` and
 * `label` (the two hashed weight tables, dense int16 with one scale each, as the model holds them;
 * weights below the pruning threshold are stored as 0, which is what makes the deflated tables small).
 */
import { ArgumentError } from '../../core/errors.js';
import { writeFileAtomicSync } from '../../io/atomic.js';
import { BinaryWriter, isFramed, readBinary, BinaryFileError } from '../../io/binfmt.js';
import { readBytesSync } from '../../io/read-text.js';
import { ParserModel } from './model.js';
import { N_ACTIONS } from './transitions.js';

/** Kind code of parser model files in textloom's binary framing. */
export const PARSER_KIND = 'DPAR';
/** Current format version; other versions are rejected. */
export const PARSER_FORMAT_VERSION = 1;

/** Options of {@link encodeParserModel}. */
export interface EncodeParserOptions {
  /** Weights with |w| below this share of the table's largest |w| are stored as 0 (default 0.015, 0..1; on EWT this halves the file for -0.0005 dev UAS). */
  prune?: number;
}

// Stored weights: the model's int16 tables with the small ones pruned to 0.
function pruned(q: Int16Array, prune: number): Int16Array {
  const cut = Math.round(32767 * prune);
  if (cut <= 0) return q;
  const out = new Int16Array(q.length);
  for (let i = 0; i < q.length; i++) {
    const v = q[i]!;
    if (v >= cut || -v >= cut) out[i] = v;
  }
  return out;
}

/** Serializes a model to bytes (see the module comment for the layout). */
export function encodeParserModel(model: ParserModel, options: EncodeParserOptions = {}): Uint8Array {
  const prune = options.prune ?? 0.015;
  if (!(prune >= 0 && prune <= 1)) throw new ArgumentError(`prune must be a number in 0..1, got ${prune}`, { key: 'prune' });
  const json = {
    labels: model.labels,
    tags: model.tags,
    actionBits: model.actionBits,
    labelBits: model.labelBits,
    actionScale: model.actionScale,
    labelScale: model.labelScale,
    nCands: model.cands.length,
    meta: model.meta,
  };
  const deflate = { deflate: true };
  return new BinaryWriter(PARSER_KIND, PARSER_FORMAT_VERSION)
    .json('model', json, deflate)
    .add('cand_start', model.candStart, deflate)
    .add('cands', model.cands, deflate)
    .add('action', pruned(model.actionWeights, prune), deflate)
    .add('label', pruned(model.labelWeights, prune), deflate)
    .finish();
}

function isStringArray(x: unknown): x is string[] {
  return Array.isArray(x) && x.every((s) => typeof s === 'string');
}

/**
 * Parses model bytes; a wrong magic, kind, version or CRC, or sections that disagree with each
 * other, is a {@link BinaryFileError} naming the file and byte offset.
 */
export function decodeParserModel(bytes: Uint8Array, file = '<bytes>'): ParserModel {
  if (!isFramed(bytes)) throw new BinaryFileError('not a textloom parser model (bad magic)', file, 0);
  const r = readBinary(bytes, { kind: PARSER_KIND, what: 'parser model', versions: [PARSER_FORMAT_VERSION], file });
  const json = r.json('model') as Record<string, unknown> | null;
  if (!json || typeof json !== 'object') throw r.error('the model section is not a JSON object', 'model');
  const { labels, tags, actionBits, labelBits, actionScale, labelScale, nCands, meta } = json;
  if (!isStringArray(labels) || labels.length === 0 || !isStringArray(tags) || tags.length === 0) throw r.error('labels and tags must be non-empty string arrays', 'model');
  const bitsOk = (b: unknown): b is number => Number.isInteger(b) && (b as number) >= 1 && (b as number) <= 28;
  if (!bitsOk(actionBits) || !bitsOk(labelBits)) throw r.error('actionBits and labelBits must be integers in 1..28', 'model');
  if (typeof actionScale !== 'number' || !(actionScale > 0) || typeof labelScale !== 'number' || !(labelScale > 0)) throw r.error('weight scales must be positive numbers', 'model');
  if (!Number.isInteger(nCands) || (nCands as number) < 0) throw r.error('nCands must be a non-negative integer', 'model');
  const nKeys = tags.length * tags.length * 2 + 2;
  const candStart = r.typed('cand_start', Int32Array, nKeys + 1);
  const cands = r.typed('cands', Int32Array, nCands as number);
  for (let k = 0; k < nKeys; k++) {
    if (candStart[k]! < 0 || candStart[k]! > candStart[k + 1]! || candStart[k + 1]! > cands.length) throw r.error(`label candidate offsets are out of order at key ${k}`, 'cand_start');
  }
  for (let i = 0; i < cands.length; i++) if (cands[i]! < 0 || cands[i]! >= labels.length) throw r.error(`label candidate ${cands[i]} is out of range`, 'cands');
  const action = r.typed('action', Int16Array, (1 << actionBits) * N_ACTIONS);
  const label = r.typed('label', Int16Array, 1 << labelBits);
  return new ParserModel({
    labels,
    tags,
    candStart,
    cands,
    actionBits,
    labelBits,
    actionWeights: action,
    actionScale,
    labelWeights: label,
    labelScale,
    meta: meta && typeof meta === 'object' ? (meta as Record<string, unknown>) : {},
  });
}

/** Writes a model file atomically. */
export function saveParserModel(model: ParserModel, path: string, options: EncodeParserOptions = {}): void {
  writeFileAtomicSync(path, encodeParserModel(model, options));
}

/**
 * Loads a parser model file, checking magic, kind, version and CRC; a missing or unreadable
 * file is a NotFoundError naming it.
 * @example const model = loadParserModel('models/en_ewt_parser.tlp');
 */
export function loadParserModel(path: string): ParserModel {
  return decodeParserModel(readBytesSync(path, 'parser model'), path);
}
