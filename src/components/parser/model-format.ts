/**
 * The parser's binary model file (`.tlp`), in textloom's binary framing (`io/binfmt.ts`, kind
 * `DPAR`, version 2). Every section is raw-deflated: `model` (JSON: labels, tags, table sizes,
 * weight scales, provenance), `cand_start` and `cands` (label candidates, i32), `action` and
 * `label` (the two hashed weight tables, dense int8 with one scale each, as the model holds them;
 * weights below the pruning threshold are stored as 0, which is what makes the deflated tables
 * small; the label table is laid out in lines, see `kernel.ts`), `cluster_words` (i32 word hashes,
 * ascending) and `cluster_codes` (u16 cluster codes). Version 1 (int16 weights, no clusters,
 * label weights hashed one by one) is refused: its tables mean something else.
 */
import { ArgumentError } from '../../core/errors.js';
import { writeFileAtomicSync } from '../../io/atomic.js';
import { BinaryWriter, isFramed, readBinary, BinaryFileError } from '../../io/binfmt.js';
import { readBytesSync } from '../../io/read-text.js';
import { CLUSTER_LEAVES } from './features.js';
import { ParserModel } from './model.js';
import { N_ACTIONS } from './transitions.js';

/** Kind code of parser model files in textloom's binary framing. */
export const PARSER_KIND = 'DPAR';
/** Current format version; other versions are rejected. */
export const PARSER_FORMAT_VERSION = 2;

/** Options of {@link encodeParserModel}. */
export interface EncodeParserOptions {
  /** Weights with |w| below this share of the table's largest |w| are stored as 0 (default 0: the int8 weights are kept as they are; on EWT 0.015 makes the file about half as large for -0.0015 dev UAS). */
  prune?: number;
}

// Stored weights: the model's int8 tables with the small ones pruned to 0.
function pruned(q: Int8Array, prune: number): Int8Array {
  const cut = Math.round(127 * prune);
  if (cut <= 0) return q;
  const out = new Int8Array(q.length);
  for (let i = 0; i < q.length; i++) {
    const v = q[i]!;
    if (v >= cut || -v >= cut) out[i] = v;
  }
  return out;
}

/** Serializes a model to bytes (see the module comment for the layout). */
export function encodeParserModel(model: ParserModel, options: EncodeParserOptions = {}): Uint8Array {
  const prune = options.prune ?? 0;
  if (!(prune >= 0 && prune <= 1)) throw new ArgumentError(`prune must be a number in 0..1, got ${prune}`, { key: 'prune' });
  const json = {
    labels: model.labels,
    tags: model.tags,
    actionBits: model.actionBits,
    labelBits: model.labelBits,
    actionScale: model.actionScale,
    labelScale: model.labelScale,
    nCands: model.cands.length,
    nClusterWords: model.clusterWords.length,
    meta: model.meta,
  };
  const deflate = { deflate: true };
  return new BinaryWriter(PARSER_KIND, PARSER_FORMAT_VERSION)
    .json('model', json, deflate)
    .add('cand_start', model.candStart, deflate)
    .add('cands', model.cands, deflate)
    .add('action', pruned(model.actionWeights, prune), deflate)
    .add('label', pruned(model.labelWeights, prune), deflate)
    .add('cluster_words', model.clusterWords, deflate)
    .add('cluster_codes', model.clusterCodes, deflate)
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
  const { labels, tags, actionBits, labelBits, actionScale, labelScale, nCands, nClusterWords, meta } = json;
  if (!isStringArray(labels) || labels.length === 0 || !isStringArray(tags) || tags.length === 0) throw r.error('labels and tags must be non-empty string arrays', 'model');
  const bitsOk = (b: unknown): b is number => Number.isInteger(b) && (b as number) >= 1 && (b as number) <= 28;
  if (!bitsOk(actionBits) || !bitsOk(labelBits) || labelBits < 7) throw r.error('actionBits must be an integer in 1..28 and labelBits in 7..28', 'model');
  if (typeof actionScale !== 'number' || !(actionScale > 0) || typeof labelScale !== 'number' || !(labelScale > 0)) throw r.error('weight scales must be positive numbers', 'model');
  if (!Number.isInteger(nCands) || (nCands as number) < 0) throw r.error('nCands must be a non-negative integer', 'model');
  if (!Number.isInteger(nClusterWords) || (nClusterWords as number) < 0) throw r.error('nClusterWords must be a non-negative integer', 'model');
  const nKeys = tags.length * tags.length * 2 + 2;
  const candStart = r.typed('cand_start', Int32Array, nKeys + 1);
  const cands = r.typed('cands', Int32Array, nCands as number);
  for (let k = 0; k < nKeys; k++) {
    if (candStart[k]! < 0 || candStart[k]! > candStart[k + 1]! || candStart[k + 1]! > cands.length) throw r.error(`label candidate offsets are out of order at key ${k}`, 'cand_start');
  }
  for (let i = 0; i < cands.length; i++) if (cands[i]! < 0 || cands[i]! >= labels.length) throw r.error(`label candidate ${cands[i]} is out of range`, 'cands');
  const action = r.typed('action', Int8Array, (1 << actionBits) * N_ACTIONS);
  const label = r.typed('label', Int8Array, 1 << labelBits);
  const clusterWords = r.typed('cluster_words', Int32Array, nClusterWords as number);
  const clusterCodes = r.typed('cluster_codes', Uint16Array, nClusterWords as number);
  for (let i = 0; i < clusterCodes.length; i++) if (clusterCodes[i]! >= CLUSTER_LEAVES) throw r.error(`cluster code ${clusterCodes[i]} is out of range`, 'cluster_codes');
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
    clusterWords,
    clusterCodes,
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
