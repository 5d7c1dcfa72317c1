/**
 * Reader of version-1 `.tlv` files (before textloom's shared binary framing), kept as a converter.
 * Layout (little-endian): magic `TLWV`, u32 version 1, u32 words V, u32 dims d, u32 has-counts,
 * u32 word-bytes B (the 24-byte header), u32 byte length per word (V), the UTF-8 words (B bytes),
 * padding to 8, float32 vectors (V x d), float64 counts (V, if present), u32 CRC-32 of the rest.
 */
import { BinaryFileError } from '../io/binfmt.js';
import { crc32 } from '../util/crc32.js';
import type { VectorData } from './vector-data.js';

const MAGIC = 0x5657_4c54; // 'TLWV' little-endian
const HEADER = 24;

/** True if `bytes` starts like a version-1 `.tlv` file. */
export function isTlvV1(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, true) === MAGIC;
}

function align8(n: number): number {
  return Math.ceil(n / 8) * 8;
}

/** Decodes a version-1 file; every size is checked against the file length before reading. */
export function decodeTlvV1(bytes: Uint8Array, file: string): VectorData {
  const fail = (msg: string, offset: number): never => {
    throw new BinaryFileError(msg, file, offset);
  };
  if (bytes.length < HEADER + 4) fail(`file too short for a textloom vector file (${bytes.length} bytes)`, 0);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (dv.getUint32(0, true) !== MAGIC) fail('not a textloom vector file (bad magic)', 0);
  const version = dv.getUint32(4, true);
  if (version !== 1) fail(`unsupported textloom vector file version ${version} (this build reads versions 1 and 2)`, 4);
  const V = dv.getUint32(8, true);
  const d = dv.getUint32(12, true);
  const hasCounts = dv.getUint32(16, true);
  const blob = dv.getUint32(20, true);
  const blobOff = HEADER + 4 * V;
  const vecOff = align8(blobOff + blob);
  const cntOff = vecOff + 4 * V * d;
  const end = cntOff + (hasCounts ? 8 * V : 0);
  if (d < 1 || hasCounts > 1 || end + 4 !== bytes.length) fail(`header does not match the file size (${V} words x ${d} dims, ${bytes.length} bytes)`, 8);
  const stored = dv.getUint32(end, true);
  const actual = crc32(bytes.subarray(0, end));
  if (stored !== actual) fail(`CRC mismatch (stored ${stored.toString(16)}, computed ${actual.toString(16)}): the file is corrupt`, end);
  let sum = 0;
  for (let i = 0; i < V; i++) sum += dv.getUint32(HEADER + 4 * i, true);
  if (sum !== blob) fail(`word lengths add up to ${sum} bytes, the header says ${blob}`, HEADER);
  const dec = new TextDecoder('utf-8', { fatal: true });
  const words: string[] = new Array(V);
  let p = blobOff;
  for (let i = 0; i < V; i++) {
    const len = dv.getUint32(HEADER + 4 * i, true);
    try {
      words[i] = dec.decode(bytes.subarray(p, p + len));
    } catch {
      fail(`word ${i} is not valid UTF-8`, p);
    }
    p += len;
  }
  const vectors = new Float32Array(V * d);
  for (let i = 0; i < V * d; i++) vectors[i] = dv.getFloat32(vecOff + 4 * i, true);
  let counts: Float64Array | undefined;
  if (hasCounts) {
    counts = new Float64Array(V);
    for (let i = 0; i < V; i++) counts[i] = dv.getFloat64(cntOff + 8 * i, true);
  }
  return { words, vectors, dim: d, counts };
}
