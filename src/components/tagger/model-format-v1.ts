/**
 * Reader of version-1 `.tlt` files (before textloom's shared binary framing), kept as a converter.
 * Layout: a 16-byte header (magic `TLTAGGER`, u32 version 1, u32 CRC-32 of the body) and a
 * raw-deflated body: u32 JSON length, the JSON part, zero padding to 4 bytes, then the feature keys
 * (rows x u32, twice), the int16 weights, the per-row non-zero counts (u8) and class indices (u8).
 */
import { BinaryFileError } from '../../io/binfmt-bytes.js';
import { crc32 } from '../../util/crc32.js';
import type { TaggerParts } from './model-parts.js';

/** The 8 magic bytes of version-1 files. */
export const TAGGER_MAGIC_V1 = 'TLTAGGER';
const HEADER = 16;
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** True if `bytes` starts like a version-1 tagger model. */
export function isTaggerV1(bytes: Uint8Array): boolean {
  if (bytes.length < 8) return false;
  for (let i = 0; i < 8; i++) if (bytes[i] !== TAGGER_MAGIC_V1.charCodeAt(i)) return false;
  return true;
}

/**
 * Checks a version-1 file's header and CRC; returns its deflated body and the most bytes the body
 * may inflate to (raw deflate expands at most ~1032:1: more is damage, refused without allocating).
 */
export function taggerV1Body(bytes: Uint8Array, file: string): { body: Uint8Array; maxBytes: number } {
  if (bytes.length < HEADER || !isTaggerV1(bytes)) throw new BinaryFileError('not a textloom tagger model (bad magic)', file, 0);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = dv.getUint32(8, true);
  if (version !== 1) throw new BinaryFileError(`unsupported tagger model version ${version} (this build reads versions 1 and 2)`, file, 8);
  const body = bytes.subarray(HEADER);
  if (crc32(body) !== dv.getUint32(12, true)) throw new BinaryFileError('tagger model CRC mismatch (file is corrupt)', file, 12);
  return { body, maxBytes: body.length * 1032 + 64 };
}

/** The error of a body that does not inflate. */
export function taggerV1InflateError(e: unknown, file: string): BinaryFileError {
  return new BinaryFileError(`tagger model body does not inflate: ${(e as Error).message}`, file, HEADER);
}

/** Decodes a version-1 file's inflated body into its parts; sizes are checked before copying. */
export function decodeTaggerV1Body(raw: Uint8Array, file: string): TaggerParts {
  // Offsets below are inside the inflated body (the file holds it deflated).
  const fail = (what: string, offset: number): never => {
    throw new BinaryFileError(`truncated or malformed tagger model: ${what} (at inflated body byte ${offset})`, file, HEADER);
  };
  if (raw.length < 4) fail('no JSON length', 0);
  const jsonLen = new DataView(raw.buffer, raw.byteOffset, raw.byteLength).getUint32(0, true);
  if (4 + jsonLen > raw.length) fail('JSON part', 4);
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(UTF8.decode(raw.subarray(4, 4 + jsonLen))) as Record<string, unknown>;
  } catch (e) {
    return fail(`JSON part: ${(e as Error).message}`, 4);
  }
  const rows = json?.rows;
  const nnz = json?.nonZero;
  if (!Number.isInteger(rows) || (rows as number) < 0 || !Number.isInteger(nnz) || (nnz as number) < 0) return fail('rows and nonZero must be non-negative integers', 4);
  const r = rows as number;
  const z = nnz as number;
  let off = 4 + jsonLen;
  off += (4 - (off % 4)) % 4;
  const need = off + r * 8 + z * 2 + r + z;
  if (raw.length !== need) fail(`expected ${need} body bytes, got ${raw.length}`, off);
  const take = (n: number): Uint8Array => {
    const b = new Uint8Array(n);
    b.set(raw.subarray(off, off + n));
    off += n;
    return b;
  };
  const key1 = new Uint32Array(take(r * 4).buffer);
  const key2 = new Uint32Array(take(r * 4).buffer);
  const values = new Int16Array(take(z * 2).buffer);
  const counts = take(r);
  const cls = take(z);
  return { json, key1, key2, values, counts, cls };
}
