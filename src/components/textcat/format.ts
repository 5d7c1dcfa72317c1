/**
 * The textcat model file: magic `TLTC`, u32 format version, u32 header length, a UTF-8 JSON header,
 * zero padding to 8 bytes, the Float64 arrays the header lists (little-endian), and a u32 CRC-32 of
 * everything before it. Written atomically; magic, version, lengths and CRC are checked on load.
 */
import { FormatError } from '../../core/errors.js';
import { writeFileAtomicSync } from '../../io/atomic.js';
import { readBytesSync } from '../../io/read-text.js';
import { crc32 } from '../../util/crc32.js';

/** Current format version; loaders reject others. */
export const TEXTCAT_FORMAT_VERSION = 1;
const MAGIC = [0x54, 0x4c, 0x54, 0x43]; // "TLTC"

/** Writes `header` and named arrays to `path` atomically. */
export function writeModelFile(path: string, header: Record<string, unknown>, arrays: Record<string, Float64Array>): void {
  const names = Object.keys(arrays);
  const json = new TextEncoder().encode(JSON.stringify({ ...header, arrays: names.map((n) => ({ name: n, length: arrays[n]!.length })) }));
  const headEnd = 12 + json.length;
  const dataStart = (headEnd + 7) & ~7;
  let total = dataStart;
  for (const n of names) total += arrays[n]!.length * 8;
  const buf = new Uint8Array(total + 4);
  const view = new DataView(buf.buffer);
  buf.set(MAGIC, 0);
  view.setUint32(4, TEXTCAT_FORMAT_VERSION, true);
  view.setUint32(8, json.length, true);
  buf.set(json, 12);
  let off = dataStart;
  for (const n of names) {
    const a = arrays[n]!;
    for (let i = 0; i < a.length; i++, off += 8) view.setFloat64(off, a[i]!, true);
  }
  view.setUint32(total, crc32(buf.subarray(0, total)), true);
  writeFileAtomicSync(path, buf);
}

/** Reads and verifies a model file; returns the header and arrays by name. */
export function readModelFile(path: string): { header: Record<string, unknown>; arrays: Record<string, Float64Array> } {
  const buf: Uint8Array = readBytesSync(path, 'textcat model');
  if (buf.length < 16 || MAGIC.some((b, i) => buf[i] !== b)) throw new FormatError('not a textcat model (bad magic)', { file: path, offset: 0 });
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const version = view.getUint32(4, true);
  if (version !== TEXTCAT_FORMAT_VERSION) throw new FormatError(`unsupported textcat format version ${version} (expected ${TEXTCAT_FORMAT_VERSION})`, { file: path, offset: 4 });
  const stored = view.getUint32(buf.length - 4, true);
  if (crc32(buf.subarray(0, buf.length - 4)) !== stored) throw new FormatError('CRC mismatch: the model file is corrupt', { file: path, offset: buf.length - 4 });
  const jsonLen = view.getUint32(8, true);
  if (12 + jsonLen > buf.length - 4) throw new FormatError('header length exceeds file size', { file: path, offset: 8 });
  let header: Record<string, unknown>;
  try {
    header = JSON.parse(new TextDecoder().decode(buf.subarray(12, 12 + jsonLen))) as Record<string, unknown>;
  } catch (e) {
    throw new FormatError(`bad header JSON: ${(e as Error).message}`, { file: path, offset: 12 });
  }
  const list = header.arrays as Array<{ name: string; length: number }> | undefined;
  if (!Array.isArray(list)) throw new FormatError('header lists no arrays', { file: path, offset: 12 });
  let off = (12 + jsonLen + 7) & ~7;
  const arrays: Record<string, Float64Array> = {};
  for (const { name, length } of list) {
    if (!Number.isInteger(length) || length < 0 || off + length * 8 > buf.length - 4) {
      throw new FormatError(`array "${name}" runs past the end of the file`, { file: path, offset: off });
    }
    const a = new Float64Array(length);
    for (let i = 0; i < length; i++, off += 8) a[i] = view.getFloat64(off, true);
    arrays[name] = a;
  }
  if (off !== buf.length - 4) throw new FormatError('trailing bytes after the arrays', { file: path, offset: off });
  return { header, arrays };
}
