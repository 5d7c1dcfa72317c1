/**
 * Reading a tagger model (`.tlt`, version 2) from bytes with no Node built-in: the decoder shared
 * by the Node loader (`model-format.ts`) and `Tagger.fromBytes`, which inflates with the
 * platform's DecompressionStream (browsers, Node 20.12+); version-1 files are read too.
 */
import { readFramed, type BinaryReader } from '../../io/binfmt-bytes.js';
import type { TaggerModel } from './model.js';
import { buildTaggerModel } from './model-parts.js';
import { inflateRawAsync } from '../../io/inflate.js';
import { decodeTaggerV1Body, isTaggerV1, taggerV1Body, taggerV1InflateError } from './model-format-v1.js';

/** Kind code of tagger model files in textloom's binary framing (version-1 files began with `TLTAGGER`). */
export const TAGGER_MAGIC = 'TAGR';
/** Current format version; version 1 is converted on load, others are rejected. */
export const TAGGER_FORMAT_VERSION = 2;

/** Checks the framing of version-2 model bytes (magic, kind, version, CRC) and returns its reader. */
export function taggerReader(bytes: Uint8Array, file: string): BinaryReader {
  return readFramed(bytes, { kind: TAGGER_MAGIC, what: 'tagger model', versions: [TAGGER_FORMAT_VERSION], file });
}

/** Builds the model from a checked reader whose sections can be read (inflated, or zlib installed). */
export function decodeTaggerFrame(r: BinaryReader, file: string): TaggerModel {
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

/**
 * Parses model bytes of either version anywhere (browsers included): checks the framing and CRC,
 * inflates, builds the model. Bad bytes are a {@link BinaryFileError} naming `file` and the offset.
 * @example const model = await readTaggerModelBytes(new Uint8Array(await (await fetch('en_ewt_tagger.tlt')).arrayBuffer()));
 */
export async function readTaggerModelBytes(bytes: Uint8Array, file = '<bytes>'): Promise<TaggerModel> {
  if (isTaggerV1(bytes)) {
    const { body, maxBytes } = taggerV1Body(bytes, file);
    let raw: Uint8Array;
    try {
      raw = await inflateRawAsync(body, maxBytes);
    } catch (e) {
      throw taggerV1InflateError(e, file);
    }
    return buildTaggerModel(decodeTaggerV1Body(raw, file), file, 16);
  }
  const r = await taggerReader(bytes, file).inflateAll();
  return decodeTaggerFrame(r, file);
}
