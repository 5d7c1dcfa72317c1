/**
 * Reader of version-1 `.tlm` files (textloom 0.1 before the shared binary framing), kept as a
 * converter: the tables it reads are the same as version 2's, so an old model loads and answers
 * exactly as before.
 *
 * Layout (little endian): magic `TLLM`, u32 version 1, u32 header byte length, UTF-8 JSON header
 * (order, kind, smoothing, params, sizes, vocab), then per order n: keys (u32 x n x size), and
 * either log10 prob + log10 backoff (f32 x size each) or counts (u32 x size); last a u32 CRC-32
 * of every preceding byte.
 */
import { BinaryFileError } from '../io/binfmt.js';
import { crc32 } from '../util/crc32.js';
import { checkHeader, type StoredTables } from './binary-tables.js';

/** Magic of version-1 files. */
export const LM_MAGIC_V1 = 'TLLM';

/** True if `buf` starts like a version-1 `.tlm` file. */
export function isModelV1(buf: Uint8Array): boolean {
  return buf.length >= 4 && Buffer.from(buf.buffer, buf.byteOffset, 4).toString('latin1') === LM_MAGIC_V1;
}

/** Decodes a version-1 file into the tables of {@link StoredTables}; every size is checked against the file length first. */
export function decodeModelV1(bytes: Uint8Array, file: string): StoredTables {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fail = (msg: string, offset: number): never => {
    throw new BinaryFileError(msg, file, offset);
  };
  if (buf.length < 16 || !isModelV1(buf)) fail('not a textloom LM file (bad magic)', 0);
  const version = buf.readUInt32LE(4);
  if (version !== 1) fail(`unsupported LM file version ${version} (this textloom reads versions 1 and 2)`, 4);
  const want = buf.readUInt32LE(buf.length - 4);
  const got = crc32(buf.subarray(0, buf.length - 4));
  if (want !== got) fail('LM file is corrupt: CRC mismatch', buf.length - 4);
  const hlen = buf.readUInt32LE(8);
  if (12 + hlen > buf.length - 4) fail('LM file header overruns the file', 8);
  let h: Record<string, unknown>;
  try {
    h = JSON.parse(buf.toString('utf8', 12, 12 + hlen)) as Record<string, unknown>;
  } catch (e) {
    return fail(`LM file header is not valid JSON: ${(e as Error).message}`, 12);
  }
  const head = checkHeader(h, (msg) => fail(msg, 12));
  const vocab = h.vocab;
  if (!Array.isArray(vocab) || !vocab.every((w) => typeof w === 'string')) return fail('LM file header is missing order, kind, sizes or vocab', 12);
  // Every byte the header claims, against the file, before any table is allocated.
  const per = head.kind === 'backoff' ? 8 : 4;
  let need = 12 + hlen + 4;
  for (let n = 1; n <= head.order; n++) need += head.sizes[n - 1]! * (4 * n + per);
  if (need !== buf.length) fail(`LM file header describes ${need} bytes, the file has ${buf.length}`, 12);
  let off = 12 + hlen;
  const take = (len: number): Uint8Array => {
    const b = new Uint8Array(len);
    b.set(buf.subarray(off, off + len));
    off += len;
    return b;
  };
  const out: StoredTables = { ...head, vocab: vocab as string[], keys: [], prob: [], backoff: [], counts: [], keyOffsets: [] };
  for (let n = 1; n <= head.order; n++) {
    const size = head.sizes[n - 1]!;
    out.keyOffsets.push(off);
    out.keys.push(new Uint32Array(take(size * n * 4).buffer));
    if (head.kind === 'backoff') {
      out.prob.push(new Float32Array(take(size * 4).buffer));
      out.backoff.push(new Float32Array(take(size * 4).buffer));
    } else out.counts.push(new Uint32Array(take(size * 4).buffer));
  }
  return out;
}
