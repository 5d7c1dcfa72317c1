/**
 * Reading a parser model (`.tlp`, version 4, or 5 for beam models) from bytes with no Node built-in: the decoder shared by
 * the Node loader (`model-format.ts`, which inflates with zlib) and `Parser.fromBytes`, which
 * inflates with the platform's DecompressionStream (browsers, Node 20.12+).
 */
import { readFramed, type BinaryReader } from '../../io/binfmt-bytes.js';
import { MAX_BEAM } from './beam.js';
import { CLUSTER_LEAVES } from './features.js';
import { ParserModel } from './model.js';
import { N_ACTIONS } from './transitions.js';

/** Kind code of parser model files in textloom's binary framing. */
export const PARSER_KIND = 'DPAR';
/** Format version of greedy models (beam width 1); other versions than this and {@link PARSER_BEAM_FORMAT_VERSION} are rejected. */
export const PARSER_FORMAT_VERSION = 4;
/**
 * Format version of beam models: version 4 plus the beam width (`beam` in the model section, 2 or
 * more). A build that reads only version 4 refuses them rather than decoding them greedily.
 */
export const PARSER_BEAM_FORMAT_VERSION = 5;

/** Checks the framing of model bytes (magic, kind, version, CRC) and returns its reader. */
export function parserReader(bytes: Uint8Array, file: string): BinaryReader {
  return readFramed(bytes, { kind: PARSER_KIND, what: 'parser model', versions: [PARSER_FORMAT_VERSION, PARSER_BEAM_FORMAT_VERSION], file });
}

function isStringArray(x: unknown): x is string[] {
  return Array.isArray(x) && x.every((s) => typeof s === 'string');
}

/**
 * Builds the model from a checked reader whose sections can be read (inflated, or zlib installed);
 * sections that disagree with each other are a {@link BinaryFileError} with the byte offset.
 */
export function decodeParserFrame(r: BinaryReader): ParserModel {
  const json = r.json('model') as Record<string, unknown> | null;
  if (!json || typeof json !== 'object') throw r.error('the model section is not a JSON object', 'model');
  const { labels, tags, actionBits, labelBits, actionScale, labelScale, nCands, nClusterWords, meta, beam } = json;
  if (r.version === PARSER_BEAM_FORMAT_VERSION) {
    if (!Number.isInteger(beam) || (beam as number) < 2 || (beam as number) > MAX_BEAM) throw r.error(`beam must be an integer in 2..${MAX_BEAM} in a version ${PARSER_BEAM_FORMAT_VERSION} model`, 'model');
  } else if (beam !== undefined) throw r.error(`a version ${r.version} model has no beam width (beam models are version ${PARSER_BEAM_FORMAT_VERSION})`, 'model');
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
    ...(beam !== undefined ? { beam: beam as number } : {}),
  });
}

/**
 * Parses model bytes anywhere (browsers included): checks the framing and CRC, inflates every
 * section, builds the model. Bad bytes are a {@link BinaryFileError} naming `file` and the offset.
 * @example const model = await readParserModelBytes(new Uint8Array(await (await fetch('en_ewt_parser.tlp')).arrayBuffer()));
 */
export async function readParserModelBytes(bytes: Uint8Array, file = '<bytes>'): Promise<ParserModel> {
  return decodeParserFrame(await parserReader(bytes, file).inflateAll());
}
