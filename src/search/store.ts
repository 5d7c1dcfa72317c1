/**
 * The document store: each document's stored fields as one JSON string, by doc number. New
 * documents hold their JSON string; loaded ones stay as UTF-8 bytes in one buffer and are decoded
 * on access, so loading a large index parses nothing up front.
 */
import { FormatError } from '../core/errors.js';
import { BinaryWriter } from '../io/binfmt-bytes.js';
import { FILE_KINDS, INDEX_FORMAT_VERSION } from './data-files.js';

const decoder = new TextDecoder('utf-8', { fatal: true });
const STORE_KIND = 5;
const encoder = new TextEncoder();
const EMPTY = new Uint8Array(0);

// Whether every value of a parsed JSON object is a string, number, boolean or null (a shallow copy is then a deep one).
function isFlat(o: Record<string, unknown>): boolean {
  for (const k in o) {
    const v = o[k];
    if (v !== null && typeof v === 'object') return false;
  }
  return true;
}

export class DocStore {
  private strs: (string | undefined)[] = [];
  private base: Uint8Array = new Uint8Array(0);
  private offs: Uint32Array = new Uint32Array(1);
  private loaded = 0;
  /** The file a loaded store came from (named when a lazily decoded entry turns out damaged). */
  private file = '<store>';
  // Loaded entries decoded before whose values are all strings, numbers, booleans or null, by doc
  // (the loaded bytes never change): a hit's fields are read search after search, and a copy of
  // such an object is a fraction of decoding and parsing its JSON again. Bounded by the JSON bytes
  // held; when full, it is emptied and fills again.
  private flat: (Record<string, unknown> | undefined)[] = [];
  private flatBytes = 0;
  /** Most bytes of loaded JSON kept decoded. */
  static readonly MAX_DECODED_BYTES = 1 << 23;

  /** Number of doc slots. */
  get size(): number {
    return Math.max(this.loaded, this.strs.length);
  }

  /** Stores doc `doc`'s fields (`undefined` stores nothing). */
  set(doc: number, fields: Record<string, unknown> | undefined): void {
    this.strs[doc] = fields === undefined ? undefined : JSON.stringify(fields);
  }

  /** Stores doc `doc`'s fields already serialized as a JSON object string. */
  setJson(doc: number, json: string): void {
    this.strs[doc] = json;
  }

  /** The stored fields of `doc`, or undefined. */
  get(doc: number): Record<string, unknown> | undefined {
    const s = this.strs[doc];
    if (s !== undefined) return JSON.parse(s) as Record<string, unknown>;
    if (doc >= this.loaded) return undefined;
    const kept = this.flat[doc];
    if (kept !== undefined) return { ...kept };
    const a = this.offs[doc]!;
    const b = this.offs[doc + 1]!;
    if (b <= a) return undefined;
    // Loaded entries are decoded on access, so a damaged one is found here, not at load.
    let v: unknown;
    try {
      v = JSON.parse(decoder.decode(this.base.subarray(a, b)));
    } catch (e) {
      throw new FormatError(`stored fields of document ${doc} are not valid ${e instanceof SyntaxError ? 'JSON' : 'UTF-8'} (damaged index)`, { file: this.file });
    }
    if (!v || typeof v !== 'object' || Array.isArray(v)) throw new FormatError(`stored fields of document ${doc} are not a JSON object (damaged index)`, { file: this.file });
    const o = v as Record<string, unknown>;
    if (isFlat(o) && b - a <= DocStore.MAX_DECODED_BYTES) {
      if (this.flatBytes + (b - a) > DocStore.MAX_DECODED_BYTES) (this.flat = []), (this.flatBytes = 0);
      this.flat[doc] = o;
      this.flatBytes += b - a;
      return { ...o };
    }
    return o;
  }

  /** The stored JSON of `doc` as UTF-8 bytes, not parsed (empty when nothing is stored); a segment merge copies these. */
  bytesOf(doc: number): Uint8Array {
    const s = this.strs[doc];
    if (s !== undefined) return encoder.encode(s);
    if (doc >= this.loaded) return EMPTY;
    return this.base.subarray(this.offs[doc]!, this.offs[doc + 1]!);
  }

  /**
   * Serializes docs [0, count) (those `keep` accepts) as an index data file: section `offsets`
   * (u32, one more than the docs; doc i's JSON is `data[offsets[i]..offsets[i+1]]`) and `data`
   * (the UTF-8 JSON strings back to back).
   */
  encode(count: number, keep?: (doc: number) => boolean): Uint8Array {
    const parts: Uint8Array[] = [];
    const offs = new Uint32Array(count + 1);
    let total = 0;
    let k = 0;
    for (let d = 0; d < count; d++) {
      if (keep && !keep(d)) continue;
      let bytes: Uint8Array;
      const s = this.strs[d];
      if (s !== undefined) bytes = encoder.encode(s);
      else if (d < this.loaded) bytes = this.base.subarray(this.offs[d]!, this.offs[d + 1]!);
      else bytes = new Uint8Array(0);
      parts.push(bytes);
      total += bytes.length;
      offs[++k] = total;
    }
    return new BinaryWriter(FILE_KINDS[STORE_KIND]!, INDEX_FORMAT_VERSION).add('offsets', offs.subarray(0, k + 1)).addPieces('data', parts).finish();
  }

  /** A store over loaded `data` with `offsets` (checked by the caller: ascending, within `data`). */
  static fromParts(offsets: Uint32Array, data: Uint8Array, file?: string): DocStore {
    const s = new DocStore();
    if (file !== undefined) s.file = file;
    s.offs = offsets;
    s.base = data;
    s.loaded = offsets.length - 1;
    return s;
  }

  /** Adopts a version-1 payload (`u32 count | u32 offsets[count + 1] | utf8 JSON blob`); returns the store. */
  static decode(payload: Uint8Array, file?: string): DocStore {
    const dv = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
    const n = dv.getUint32(0, true);
    const s = new DocStore();
    if (file !== undefined) s.file = file;
    s.offs = new Uint32Array(n + 1);
    for (let i = 0; i <= n; i++) s.offs[i] = dv.getUint32(4 + 4 * i, true);
    s.base = payload.subarray(4 + 4 * (n + 1));
    s.loaded = n;
    return s;
  }
}
