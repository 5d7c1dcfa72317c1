/**
 * textloom's native vector file (`.tlv`), in textloom's binary framing (`io/binfmt.ts`, kind
 * `WVEC`, version 2): a `header` section (JSON `{ words, dim }`), `wordlens` (u32 UTF-8 byte
 * length per word), `words` (the UTF-8 words back to back), `vectors` (float32, words x dim) and,
 * when the vectors carry word counts, `counts` (float64 per word). Loads with one copy and is
 * checked on load. Version-1 files (magic `TLWV`) are converted by `tlv-v1.ts`.
 */
import { BinaryFileError, BinaryWriter, isFramed, readFramed } from '../io/binfmt.js';
import { decodeTlvV1, isTlvV1 } from './tlv-v1.js';
import type { VectorData } from './vector-data.js';

/** Kind code of `.tlv` files in textloom's binary framing. */
export const TLV_KIND = 'WVEC';
/** Current `.tlv` version; version 1 is converted on load. */
export const TLV_FORMAT_VERSION = 2;

/** True if `head` (the first bytes of a file) starts like a `.tlv` file of any version. */
export function isNativeVectors(head: Uint8Array): boolean {
  return isTlvV1(head) || isFramed(head);
}

/** Serializes words, vectors (words x dim float32) and optional counts. */
export function encodeNative(words: readonly string[], vectors: Float32Array, dim: number, counts?: Float64Array): Uint8Array {
  const enc = new TextEncoder();
  const bytes = words.map((w) => enc.encode(w));
  const lens = Uint32Array.from(bytes, (b) => b.length);
  const blob = new Uint8Array(lens.reduce((a, b) => a + b, 0));
  let p = 0;
  for (const b of bytes) {
    blob.set(b, p);
    p += b.length;
  }
  const w = new BinaryWriter(TLV_KIND, TLV_FORMAT_VERSION)
    .json('header', { words: words.length, dim })
    .add('wordlens', lens)
    .add('words', blob)
    .add('vectors', vectors.subarray(0, words.length * dim));
  if (counts) w.add('counts', counts.subarray(0, words.length));
  return w.finish();
}

/** Decodes a `.tlv` file of either version; a damaged file is a {@link BinaryFileError} with the offset. */
export function decodeNative(bytes: Uint8Array, file: string): VectorData {
  if (isTlvV1(bytes)) return decodeTlvV1(bytes, file);
  const r = readFramed(bytes, { kind: TLV_KIND, what: 'vector file', versions: [TLV_FORMAT_VERSION], file });
  const h = r.json('header') as { words?: unknown; dim?: unknown } | null;
  const V = h?.words;
  const d = h?.dim;
  if (!Number.isInteger(V) || (V as number) < 0 || !Number.isInteger(d) || (d as number) < 1) throw r.error('header needs integer words >= 0 and dim >= 1', 'header');
  const n = V as number;
  const dim = d as number;
  // Sizes first (no allocation beyond what the file holds), then contents.
  const lens = r.typed('wordlens', Uint32Array, n);
  const blob = r.section('words');
  let sum = 0;
  for (let i = 0; i < n; i++) sum += lens[i]!;
  if (sum !== blob.length) throw r.error(`word lengths add up to ${sum} bytes, the words section has ${blob.length}`, 'wordlens');
  const vectors = r.typed('vectors', Float32Array, n * dim);
  const counts = r.has('counts') ? r.typed('counts', Float64Array, n) : undefined;
  const dec = new TextDecoder('utf-8', { fatal: true });
  const words: string[] = new Array(n);
  let p = 0;
  for (let i = 0; i < n; i++) {
    try {
      words[i] = dec.decode(blob.subarray(p, p + lens[i]!));
    } catch {
      throw r.error(`word ${i} is not valid UTF-8`, 'words', p);
    }
    p += lens[i]!;
  }
  return { words, vectors, dim, counts };
}
