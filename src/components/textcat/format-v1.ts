/**
 * Reader of version-1 textcat model files (before textloom's shared binary framing), kept as a
 * converter: magic `TLTC`, u32 version 1, u32 header length, a UTF-8 JSON header listing the
 * arrays, zero padding to 8 bytes, the Float64 arrays (little-endian), a u32 CRC-32 of everything
 * before it.
 */
import { BinaryFileError } from '../../io/binfmt.js';
import { crc32 } from '../../util/crc32.js';

const MAGIC = [0x54, 0x4c, 0x54, 0x43]; // "TLTC"

/** True if `buf` starts like a version-1 textcat model. */
export function isTextcatV1(buf: Uint8Array): boolean {
  return buf.length >= 4 && MAGIC.every((b, i) => buf[i] === b);
}

/** Decodes a version-1 file; every length is checked against the file size before reading. */
export function decodeTextcatV1(buf: Uint8Array, file: string): { header: Record<string, unknown>; arrays: Record<string, Float64Array> } {
  const fail = (msg: string, offset: number): never => {
    throw new BinaryFileError(msg, file, offset);
  };
  if (buf.length < 16 || !isTextcatV1(buf)) fail('not a textcat model (bad magic)', 0);
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const version = view.getUint32(4, true);
  if (version !== 1) fail(`unsupported textcat format version ${version} (expected 1 or 2)`, 4);
  const stored = view.getUint32(buf.length - 4, true);
  if (crc32(buf.subarray(0, buf.length - 4)) !== stored) fail('CRC mismatch: the model file is corrupt', buf.length - 4);
  const jsonLen = view.getUint32(8, true);
  if (12 + jsonLen > buf.length - 4) fail('header length exceeds file size', 8);
  let header: Record<string, unknown>;
  try {
    header = JSON.parse(new TextDecoder().decode(buf.subarray(12, 12 + jsonLen))) as Record<string, unknown>;
  } catch (e) {
    return fail(`bad header JSON: ${(e as Error).message}`, 12);
  }
  if (!header || typeof header !== 'object') return fail('header is not a JSON object', 12);
  const list = header.arrays as unknown;
  if (!Array.isArray(list)) return fail('header lists no arrays', 12);
  let off = (12 + jsonLen + 7) & ~7;
  const arrays: Record<string, Float64Array> = {};
  for (const item of list as unknown[]) {
    const { name, length } = (item ?? {}) as { name?: unknown; length?: unknown };
    if (typeof name !== 'string' || !Number.isInteger(length) || (length as number) < 0 || off + (length as number) * 8 > buf.length - 4) {
      fail(`array ${JSON.stringify(name)} runs past the end of the file`, off);
    }
    const n = length as number;
    const a = new Float64Array(n);
    for (let i = 0; i < n; i++, off += 8) a[i] = view.getFloat64(off, true);
    arrays[name as string] = a;
  }
  if (off !== buf.length - 4) fail('trailing bytes after the arrays', off);
  return { header, arrays };
}
