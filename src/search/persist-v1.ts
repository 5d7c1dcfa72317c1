/**
 * Converters for version-1 index data files (payloads framed as "TLSX" | version | kind, read by
 * `directory.ts`): they decode a payload into the same parts the current format holds, and
 * `persist.ts` checks and installs them. Little-endian; typed-array sections start on 8-byte
 * boundaries of the payload.
 *
 * `docs`:       u32 maxDoc | u32 idsBytes | alive u8[maxDoc] | pad | ids as UTF-8 JSON array
 * `f<i>.terms`: u32 termCount | u32 docCount | f64 sumTtf | u32 minNorm | u32 termsBytes |
 *   u32 surfacesBytes | norms u8[maxDoc] | pad | i32 df[] | f64 ctf[] | i32 maxFreq[] | i32 lastDoc[] |
 *   i32 docBytes[] | i32 posBytes[] | i32 skips[] | terms as UTF-8 JSON array | surfaces as UTF-8 JSON array
 * `f<i>.doc` / `f<i>.pos`: the streams themselves; `store`: see `DocStore.decode`.
 */
import { FormatError } from '../core/errors.js';
import { BinaryFileError } from '../io/binfmt-bytes.js';
import { SKIP_INTERVAL } from './postings/writer.js';
import { DocStore } from './store.js';

const dec = new TextDecoder();

/** The decoded doc table. */
export interface DocsParts {
  alive: Uint8Array<ArrayBuffer>;
  ids: unknown;
}

/** The decoded term file of one field. */
export interface FieldParts {
  docCount: number;
  sumTtf: number;
  minNorm: number;
  norms: Uint8Array<ArrayBuffer>;
  df: Int32Array;
  ctf: Float64Array;
  maxFreq: Int32Array;
  lastDoc: Int32Array;
  docBytes: Int32Array;
  posBytes: Int32Array;
  skips: Int32Array;
  terms: unknown;
  surfaces: unknown;
}

// Payload offsets are reported as file offsets (the version-1 header is 16 bytes).
class In {
  p = 0;
  readonly dv: DataView;
  readonly b: Uint8Array;
  constructor(
    bytes: Uint8Array,
    readonly file: string,
  ) {
    // A plain Uint8Array view (Buffer#slice would share memory instead of copying).
    this.b = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  need(n: number): void {
    if (!(n >= 0) || this.p + n > this.b.length) throw new BinaryFileError(`index file ends early (need ${n} bytes at payload offset ${this.p})`, this.file, 16 + this.p);
  }
  u32(): number {
    this.need(4);
    const v = this.dv.getUint32(this.p, true);
    this.p += 4;
    return v;
  }
  f64(): number {
    this.need(8);
    const v = this.dv.getFloat64(this.p, true);
    this.p += 8;
    return v;
  }
  raw(n: number): Uint8Array {
    this.need(n);
    const v = this.b.subarray(this.p, this.p + n);
    this.p += n;
    return v;
  }
  pad(): void {
    const r = this.p % 8;
    if (r) this.p += 8 - r;
  }
  i32s(n: number): Int32Array {
    return new Int32Array(this.raw(4 * n).slice().buffer);
  }
  f64s(n: number): Float64Array {
    return new Float64Array(this.raw(8 * n).slice().buffer);
  }
  json(n: number): unknown {
    try {
      return JSON.parse(dec.decode(this.raw(n)));
    } catch (e) {
      if (e instanceof FormatError) throw e;
      throw new BinaryFileError(`bad JSON section: ${(e as Error).message}`, this.file, 16 + this.p);
    }
  }
}

/** Decodes a version-1 doc table payload. */
export function decodeDocsV1(payload: Uint8Array, file: string): DocsParts {
  const r = new In(payload, file);
  const maxDoc = r.u32();
  const idBytes = r.u32();
  const alive = r.raw(maxDoc).slice();
  r.pad();
  return { alive, ids: r.json(idBytes) };
}

/** Decodes a version-1 term file payload (counts are checked against its length before reading). */
export function decodeFieldV1(payload: Uint8Array, maxDoc: number, file: string): FieldParts {
  const r = new In(payload, file);
  const n = r.u32();
  const docCount = r.u32();
  const sumTtf = r.f64();
  const minNorm = r.u32();
  const termBytes = r.u32();
  const surfaceBytes = r.u32();
  const norms = r.raw(maxDoc).slice();
  r.pad();
  r.need(n * 32);
  const df = r.i32s(n);
  const ctf = r.f64s(n);
  const maxFreq = r.i32s(n);
  const lastDoc = r.i32s(n);
  const docBytes = r.i32s(n);
  const posBytes = r.i32s(n);
  let skipTotal = 0;
  for (let i = 0; i < n; i++) skipTotal += Math.floor(Math.max(0, df[i]!) / SKIP_INTERVAL) * 4;
  const skips = r.i32s(skipTotal);
  const terms = r.json(termBytes);
  const surfaces = r.json(surfaceBytes);
  return { docCount, sumTtf, minNorm, norms, df, ctf, maxFreq, lastDoc, docBytes, posBytes, skips, terms, surfaces };
}

/** Decodes a version-1 document store payload and checks its offsets. */
export function decodeStoreV1(payload: Uint8Array, maxDoc: number, file: string): DocStore {
  const r = new In(payload, file);
  const n = r.u32();
  if (n !== maxDoc) throw new FormatError(`store holds ${n} docs, the doc table ${maxDoc}`, { file });
  r.need(4 * (n + 1));
  const s = DocStore.decode(payload, file);
  const end = payload.length - (4 + 4 * (n + 1));
  let prev = 0;
  for (let i = 0; i <= n; i++) {
    const v = r.u32();
    if (v < prev || v > end) throw new FormatError(`store offset ${i} out of range`, { file });
    prev = v;
  }
  return s;
}
