/**
 * The parser's binary model file (`.tlp`), in textloom's binary framing (`io/binfmt.ts`, kind
 * `DPAR`, version 4; version 5 is the same plus the beam width `beam` in the model section, for
 * models decoded with a beam). Every section is raw-deflated: `model` (JSON: labels, tags, table sizes,
 * weight scales, provenance), `cand_start` and `cands` (label candidates, i32), `action` and
 * `label` (the two hashed weight tables, dense int8 with one scale each, as the model holds them;
 * weights below the pruning threshold are stored as 0, which is what makes the deflated tables
 * small; the label table is laid out in lines, see `kernel.ts`), `cluster_words` (i32 word hashes,
 * ascending) and `cluster_codes` (u16 cluster codes). Versions 1 (int16 weights, no clusters,
 * label weights hashed one by one), 2 (right arcs labelled by the state's features when made, not
 * when their dependent is reduced) and 3 (92 action features, one code for every word without a
 * cluster) are refused: their tables mean something else.
 */
import { ArgumentError } from '../../core/errors.js';
import { writeFileAtomicSync } from '../../io/atomic.js';
import { BinaryWriter } from '../../io/binfmt.js';
import { readBytesSync } from '../../io/read-text.js';
import type { ParserModel } from './model.js';
import { decodeParserFrame, parserReader, PARSER_BEAM_FORMAT_VERSION, PARSER_FORMAT_VERSION, PARSER_KIND } from './model-bytes.js';

export { PARSER_BEAM_FORMAT_VERSION, PARSER_FORMAT_VERSION, PARSER_KIND };

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
    // Greedy models stay version 4, byte for byte; beam models are version 5.
    ...(model.beam > 1 ? { beam: model.beam } : {}),
  };
  const deflate = { deflate: true };
  return new BinaryWriter(PARSER_KIND, model.beam > 1 ? PARSER_BEAM_FORMAT_VERSION : PARSER_FORMAT_VERSION)
    .json('model', json, deflate)
    .add('cand_start', model.candStart, deflate)
    .add('cands', model.cands, deflate)
    .add('action', pruned(model.actionWeights, prune), deflate)
    .add('label', pruned(model.labelWeights, prune), deflate)
    .add('cluster_words', model.clusterWords, deflate)
    .add('cluster_codes', model.clusterCodes, deflate)
    .finish();
}

/**
 * Parses model bytes; a wrong magic, kind, version or CRC, or sections that disagree with each
 * other, is a {@link BinaryFileError} naming the file and byte offset.
 */
export function decodeParserModel(bytes: Uint8Array, file = '<bytes>'): ParserModel {
  return decodeParserFrame(parserReader(bytes, file));
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
