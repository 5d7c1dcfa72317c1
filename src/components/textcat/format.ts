/**
 * The textcat model file, in textloom's binary framing (`io/binfmt.ts`, kind `TCAT`, version 2):
 * a `header` section (UTF-8 JSON: kind, mode, labels, features, vocabulary, ...) and one section
 * of little-endian Float64 values per named array (`weights`, `bias`, `idf`). Written atomically;
 * magic, kind, version, section table and CRC are checked on load. Version-1 files are converted
 * by `format-v1.ts`.
 */
import { writeFileAtomicSync } from '../../io/atomic.js';
import { BinaryFileError, BinaryWriter, isFramed, readBinary } from '../../io/binfmt.js';
import { readBytesSync } from '../../io/read-text.js';
import { decodeTextcatV1, isTextcatV1 } from './format-v1.js';

/** Current format version; version 1 is converted on load, others are rejected. */
export const TEXTCAT_FORMAT_VERSION = 2;
/** Kind code of textcat model files in textloom's binary framing. */
export const TEXTCAT_KIND = 'TCAT';

/** The bytes of a model file holding `header` and the named arrays. */
export function encodeModelFile(header: Record<string, unknown>, arrays: Record<string, Float64Array>): Uint8Array {
  const w = new BinaryWriter(TEXTCAT_KIND, TEXTCAT_FORMAT_VERSION).json('header', header);
  for (const [name, a] of Object.entries(arrays)) w.add(name, a);
  return w.finish();
}

/** Writes `header` and named arrays to `path` atomically. */
export function writeModelFile(path: string, header: Record<string, unknown>, arrays: Record<string, Float64Array>): void {
  writeFileAtomicSync(path, encodeModelFile(header, arrays));
}

/** Decodes model bytes (either version); `file` names the source in errors. */
export function decodeModelFile(buf: Uint8Array, file = '<bytes>'): { header: Record<string, unknown>; arrays: Record<string, Float64Array> } {
  if (isTextcatV1(buf)) return decodeTextcatV1(buf, file);
  if (!isFramed(buf)) throw new BinaryFileError('not a textcat model (bad magic)', file, 0);
  const r = readBinary(buf, { kind: TEXTCAT_KIND, what: 'textcat model', versions: [TEXTCAT_FORMAT_VERSION], file });
  const header = r.json('header');
  if (!header || typeof header !== 'object' || Array.isArray(header)) throw r.error('header is not a JSON object', 'header');
  const arrays: Record<string, Float64Array> = {};
  for (const name of r.names) if (name !== 'header') arrays[name] = r.typed(name, Float64Array);
  return { header: header as Record<string, unknown>, arrays };
}

/** Reads and verifies a model file; returns the header and arrays by name. */
export function readModelFile(path: string): { header: Record<string, unknown>; arrays: Record<string, Float64Array> } {
  return decodeModelFile(readBytesSync(path, 'textcat model'), path);
}
