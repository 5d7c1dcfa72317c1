/**
 * textloom's binary file framing, shared by every binary format it writes (`.tlm` language
 * models, `.tlt` tagger models, textcat models, `.tlv` vectors, search index files).
 *
 * Layout (little-endian):
 * ```
 * header (32 bytes)  magic "TLBF" | u32 framing version (1) | kind: 4 ASCII bytes | u32 kind version |
 *                    u32 section count | u32 flags (0) | u64 file length
 * section table      per section (48 bytes): name (16 bytes ASCII, NUL-padded) | u64 offset |
 *                    u64 stored length | u64 raw length | u32 flags (1 = raw deflate) | u32 0
 * sections           in table order, each starting on an 8-byte boundary (zero padding between)
 * footer             u32 CRC-32 of every preceding byte
 * ```
 * Sections are found by name (or by number, their table position). The reader checks the header,
 * the table and every section bound against the real file length, and the CRC, before it
 * allocates or loops on anything the file claims, so a truncated, padded or corrupted file is a
 * {@link BinaryFileError} naming the file and byte offset, never a RangeError or a hang.
 */
import { ArgumentError, FormatError } from '../core/errors.js';
import { crc32 } from '../util/crc32.js';
import { inflateRawAsync } from './inflate.js';

/**
 * Raw deflate for compressed sections. This file runs in browsers too, so it holds no codec: the
 * Node entry (`binfmt.ts`) installs zlib's. Without one, writing a deflated section is an
 * ArgumentError, and reading one needs `BinaryReader.inflateAll()` first (DecompressionStream;
 * textloom's search index files are never deflated).
 */
export interface DeflateCodec {
  deflate(raw: Uint8Array): Uint8Array;
  /** Inflates `stored`, refusing output longer than `maxBytes`. */
  inflate(stored: Uint8Array, maxBytes: number): Uint8Array;
}
let codec: DeflateCodec | null = null;

/** Installs the raw-deflate codec used by deflated sections (done by the Node entry with zlib). */
export function useDeflateCodec(c: DeflateCodec): void {
  codec = c;
}

const LATIN1 = new TextDecoder('latin1');
const UTF8 = new TextEncoder();
function latin1(bytes: Uint8Array): string {
  return LATIN1.decode(bytes);
}
function latin1Bytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}

/** The 4 bytes every framed file starts with. */
export const BINFMT_MAGIC = 'TLBF';
/** Version of the framing itself (header, table, footer); the payload has its own kind version. */
export const BINFMT_VERSION = 1;
/** Bytes of the fixed header. */
export const HEADER_BYTES = 32;
/** Bytes of one section table entry. */
export const ENTRY_BYTES = 48;
/** Longest section name, in bytes. */
export const MAX_NAME_BYTES = 16;
const FLAG_DEFLATE = 1;
// Raw deflate expands at most ~1032:1; a larger claimed raw length is a damaged table.
const MAX_INFLATE_RATIO = 1032;
const MAGIC_U32 = 0x4642_4c54; // "TLBF" little-endian
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const NAME_RE = /^[A-Za-z0-9._-]{1,16}$/;
const KIND_RE = /^[\x20-\x7e]{4}$/;

/**
 * A binary file is malformed: bad magic, another kind, an unknown version, a header or section
 * table that does not fit the file, a CRC mismatch or a section whose content is inconsistent.
 * `file` and `offset` (bytes from the start of the file) say where.
 * @example try { NgramLM.load('m.tlm') } catch (e) { if (e instanceof BinaryFileError) console.error(e.file, e.offset) }
 */
export class BinaryFileError extends FormatError {
  /** The file (or `<bytes>` for in-memory input). */
  override readonly file: string;
  /** Byte offset of the problem from the start of the file. */
  override readonly offset: number;
  constructor(message: string, file: string, offset: number) {
    super(message, { file, offset });
    this.file = file;
    this.offset = offset;
  }
}

/** A typed array class a section can be read as. */
export type TypedArrayClass =
  | Uint8ArrayConstructor
  | Int8ArrayConstructor
  | Uint16ArrayConstructor
  | Int16ArrayConstructor
  | Uint32ArrayConstructor
  | Int32ArrayConstructor
  | Float32ArrayConstructor
  | Float64ArrayConstructor;
type Typed<C extends TypedArrayClass> = C extends Uint8ArrayConstructor
  ? Uint8Array<ArrayBuffer>
  : C extends Int8ArrayConstructor
    ? Int8Array<ArrayBuffer>
    : C extends Uint16ArrayConstructor
      ? Uint16Array<ArrayBuffer>
      : C extends Int16ArrayConstructor
        ? Int16Array<ArrayBuffer>
        : C extends Uint32ArrayConstructor
          ? Uint32Array<ArrayBuffer>
          : C extends Int32ArrayConstructor
            ? Int32Array<ArrayBuffer>
            : C extends Float32ArrayConstructor
              ? Float32Array<ArrayBuffer>
              : Float64Array<ArrayBuffer>;

/** Options of {@link BinaryWriter.add}. */
export interface SectionOptions {
  /** Store the section raw-deflated (default false); the reader inflates it on access. */
  deflate?: boolean;
}

interface PendingSection {
  name: string;
  /** The stored bytes, in pieces written back to back. */
  stored: Uint8Array[];
  size: number;
  raw: number;
  flags: number;
}

function asBytes(data: Uint8Array | ArrayBufferView): Uint8Array {
  const b = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  const size = (data as { BYTES_PER_ELEMENT?: number }).BYTES_PER_ELEMENT ?? 1;
  if (LITTLE_ENDIAN || size === 1) return b;
  return swapped(b.slice(), size);
}

function swapped(b: Uint8Array, size: number): Uint8Array {
  for (let i = 0; i + size <= b.length; i += size) b.subarray(i, i + size).reverse();
  return b;
}

function align8(n: number): number {
  return n + ((8 - (n % 8)) % 8);
}

function setU64(dv: DataView, at: number, v: number): void {
  dv.setUint32(at, v % 0x1_0000_0000, true);
  dv.setUint32(at + 4, Math.floor(v / 0x1_0000_0000), true);
}

/**
 * Builds a framed file: append named sections, then {@link finish} for the bytes (CRC included) or
 * `save` (Node build, `binfmt.ts`) to write them atomically. Sections are kept by reference until `finish`, which
 * copies each once into the output.
 * @example
 * const w = new BinaryWriter('NGLM', 2);
 * w.json('header', { order: 3 });
 * w.add('keys1', keys);
 * const bytes = w.finish();
 */
export class BinaryWriter {
  private readonly sections: PendingSection[] = [];
  private readonly names = new Set<string>();

  /**
   * @param kind 4 printable ASCII characters naming the file kind (e.g. `NGLM`).
   * @param version the kind's format version (a u32).
   */
  constructor(
    readonly kind: string,
    readonly version: number,
  ) {
    if (!KIND_RE.test(kind)) throw new ArgumentError(`binary file kind must be 4 printable ASCII characters, got ${JSON.stringify(kind)}`, { key: 'kind' });
    if (!Number.isInteger(version) || version < 0 || version > 0xffffffff) throw new ArgumentError(`binary file version must be a u32, got ${version}`, { key: 'version' });
  }

  /** Appends section `name` (1-16 of `A-Z a-z 0-9 . _ -`, unique) holding `data`'s bytes (little-endian). */
  add(name: string, data: Uint8Array | ArrayBufferView, opts: SectionOptions = {}): this {
    this.checkName(name);
    const raw = asBytes(data);
    if (opts.deflate) {
      if (!codec) throw new ArgumentError(`section ${JSON.stringify(name)}: deflate needs the Node build of textloom (zlib)`, { key: name });
      const z = codec.deflate(raw);
      this.sections.push({ name, stored: [z], size: z.length, raw: raw.length, flags: FLAG_DEFLATE });
    } else this.sections.push({ name, stored: [raw], size: raw.length, raw: raw.length, flags: 0 });
    return this;
  }

  /** Appends section `name` holding `pieces` back to back (stored as is, without a concatenated copy). */
  addPieces(name: string, pieces: readonly Uint8Array[]): this {
    this.checkName(name);
    let size = 0;
    for (const p of pieces) size += p.length;
    this.sections.push({ name, stored: [...pieces], size, raw: size, flags: 0 });
    return this;
  }

  private checkName(name: string): void {
    if (!NAME_RE.test(name)) throw new ArgumentError(`section name must be 1-16 of A-Z a-z 0-9 . _ -, got ${JSON.stringify(name)}`, { key: name });
    if (this.names.has(name)) throw new ArgumentError(`section ${JSON.stringify(name)} added twice`, { key: name });
    this.names.add(name);
  }

  /** Appends section `name` holding `value` as UTF-8 JSON. */
  json(name: string, value: unknown, opts: SectionOptions = {}): this {
    return this.add(name, UTF8.encode(JSON.stringify(value)), opts);
  }

  /** The file's bytes: header, section table, sections, CRC-32 footer. */
  finish(): Uint8Array {
    const n = this.sections.length;
    let off = HEADER_BYTES + n * ENTRY_BYTES;
    const offsets: number[] = [];
    for (const s of this.sections) {
      off = align8(off);
      offsets.push(off);
      off += s.size;
    }
    const total = off + 4;
    const out = new Uint8Array(total);
    const dv = new DataView(out.buffer);
    dv.setUint32(0, MAGIC_U32, true);
    dv.setUint32(4, BINFMT_VERSION, true);
    out.set(latin1Bytes(this.kind), 8);
    dv.setUint32(12, this.version, true);
    dv.setUint32(16, n, true);
    dv.setUint32(20, 0, true);
    setU64(dv, 24, total);
    this.sections.forEach((s, i) => {
      const e = HEADER_BYTES + i * ENTRY_BYTES;
      out.set(latin1Bytes(s.name), e);
      setU64(dv, e + 16, offsets[i]!);
      setU64(dv, e + 24, s.size);
      setU64(dv, e + 32, s.raw);
      dv.setUint32(e + 40, s.flags, true);
      let p = offsets[i]!;
      for (const piece of s.stored) {
        out.set(piece, p);
        p += piece.length;
      }
    });
    dv.setUint32(off, crc32(out.subarray(0, off)), true);
    return out;
  }

}

/** What a reader accepts: the kind, the kind versions it can decode, and the file name for errors. */
export interface BinaryExpect {
  /** The 4-character kind, e.g. `NGLM`. */
  kind: string;
  /** Human name of the kind for messages, e.g. `LM file`. */
  what: string;
  /** Kind versions this build reads. */
  versions: readonly number[];
  /** File name for errors (default `<bytes>`). */
  file?: string;
}

interface Entry {
  name: string;
  offset: number;
  stored: number;
  raw: number;
  flags: number;
}

/** True when `bytes` starts with the framing magic. */
export function isFramed(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x54 && bytes[1] === 0x4c && bytes[2] === 0x42 && bytes[3] === 0x46;
}

/** The kind and kind version of a framed file's header, or null if `bytes` is not one (or too short). */
export function sniffBinary(bytes: Uint8Array): { kind: string; version: number } | null {
  if (bytes.length < 16 || !isFramed(bytes)) return null;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { kind: latin1(bytes.subarray(8, 12)), version: dv.getUint32(12, true) };
}

function getU64(dv: DataView, at: number): number {
  const hi = dv.getUint32(at + 4, true);
  // Files are at most a few GB; anything past 2^53 is damage, and must not round into range.
  return hi >= 0x20_0000 ? Number.MAX_SAFE_INTEGER : hi * 0x1_0000_0000 + dv.getUint32(at, true);
}

/**
 * {@link readBinary} for the loaders of one kind of file: the magic is checked first, so that any
 * other file, however short, is "not a textloom {what} (bad magic)" rather than a truncated one.
 * @example const r = readFramed(bytes, { kind: 'DPAR', what: 'parser model', versions: [2], file });
 */
export function readFramed(bytes: Uint8Array, expect: BinaryExpect): BinaryReader {
  if (!isFramed(bytes)) throw new BinaryFileError(`not a textloom ${expect.what} (bad magic)`, expect.file ?? '<bytes>', 0);
  return readBinary(bytes, expect);
}

/**
 * The argument of a `fromBytes`, checked: anything but a Uint8Array is an {@link ArgumentError}
 * (key `bytes`) saying what the bytes should be, e.g. "a parser model file's bytes".
 */
export function bytesArgument(bytes: unknown, what: string): Uint8Array {
  if (!(bytes instanceof Uint8Array)) throw new ArgumentError(`fromBytes needs a Uint8Array (${what})`, { key: 'bytes' });
  return bytes;
}

/**
 * Validates a framed file and returns a {@link BinaryReader} over its sections. Checks, in order:
 * length of the fixed header, magic, framing version, kind, kind version, the header's file length
 * against the real one, the section count against the room for the table, the CRC-32, then every
 * table entry (name, 8-byte alignment, order, bounds, raw length).
 */
export function readBinary(bytes: Uint8Array, expect: BinaryExpect): BinaryReader {
  const file = expect.file ?? '<bytes>';
  const what = expect.what;
  const fail = (msg: string, offset: number): never => {
    throw new BinaryFileError(msg, file, offset);
  };
  const len = bytes.length;
  if (len < HEADER_BYTES + 4) fail(`${what} is truncated: ${len} bytes is shorter than the header`, len);
  if (!isFramed(bytes)) fail(`not a textloom ${what} (bad magic)`, 0);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const framing = dv.getUint32(4, true);
  if (framing !== BINFMT_VERSION) fail(`unsupported binary framing version ${framing} (this textloom reads version ${BINFMT_VERSION})`, 4);
  const kind = latin1(bytes.subarray(8, 12));
  if (kind !== expect.kind) fail(`not a textloom ${what}: the file's kind is ${JSON.stringify(kind)}, expected ${JSON.stringify(expect.kind)}`, 8);
  const version = dv.getUint32(12, true);
  if (!expect.versions.includes(version)) fail(`unsupported ${what} version ${version} (this textloom reads version ${expect.versions.join(', ')})`, 12);
  const count = dv.getUint32(16, true);
  const claimed = getU64(dv, 24);
  if (claimed !== len) fail(`${what} is ${claimed > len ? 'truncated' : 'padded'}: the header says ${claimed} bytes, the file has ${len}`, 24);
  const tableEnd = HEADER_BYTES + count * ENTRY_BYTES;
  if (tableEnd > len - 4) fail(`${what} header lists ${count} sections, more than the ${len}-byte file can hold`, 16);
  const stored = dv.getUint32(len - 4, true);
  const actual = crc32(bytes.subarray(0, len - 4));
  if (stored !== actual) fail(`${what} is corrupt: CRC mismatch (CRC-32 stored ${stored.toString(16)}, computed ${actual.toString(16)})`, len - 4);
  const entries: Entry[] = [];
  let prevEnd = tableEnd;
  for (let i = 0; i < count; i++) {
    const e = HEADER_BYTES + i * ENTRY_BYTES;
    let nameLen = 0;
    while (nameLen < MAX_NAME_BYTES && bytes[e + nameLen] !== 0) nameLen++;
    const name = latin1(bytes.subarray(e, e + nameLen));
    if (!NAME_RE.test(name)) fail(`${what} section ${i} has a malformed name`, e);
    for (let j = e + nameLen; j < e + MAX_NAME_BYTES; j++) if (bytes[j] !== 0) fail(`${what} section ${i} has a malformed name`, j);
    const offset = getU64(dv, e + 16);
    const size = getU64(dv, e + 24);
    const raw = getU64(dv, e + 32);
    const flags = dv.getUint32(e + 40, true);
    if (flags & ~FLAG_DEFLATE || dv.getUint32(e + 44, true) !== 0) fail(`${what} section "${name}" has unknown flags ${flags}`, e + 40);
    if (offset % 8 !== 0 || offset < prevEnd) fail(`${what} section "${name}" starts at ${offset}, before the end of the previous one (${prevEnd}) or unaligned`, e + 16);
    if (offset + size > len - 4) fail(`${what} section "${name}" (${size} bytes at ${offset}) runs past the end of the ${len}-byte file`, e + 24);
    if (flags & FLAG_DEFLATE ? raw > size * MAX_INFLATE_RATIO + 64 : raw !== size) fail(`${what} section "${name}" claims ${raw} raw bytes for ${size} stored`, e + 32);
    if (entries.some((x) => x.name === name)) fail(`${what} has two sections named "${name}"`, e);
    entries.push({ name, offset, stored: size, raw, flags });
    prevEnd = offset + size;
  }
  if (prevEnd !== len - 4) fail(`${what} has ${len - 4 - prevEnd} unaccounted bytes after its last section`, prevEnd);
  return new BinaryReader(bytes, file, what, kind, version, entries);
}

/**
 * The sections of a validated framed file (see {@link readBinary}). Accessors check each section's
 * size against what the caller expects before allocating, and throw {@link BinaryFileError} with
 * the section's byte offset.
 */
export class BinaryReader {
  private readonly inflated = new Map<string, Uint8Array>();

  /** @internal use {@link readBinary} or {@link BinaryReader.fromSections}. */
  constructor(
    private readonly bytes: Uint8Array,
    /** File name used in errors. */
    readonly file: string,
    /** Human name of the kind (for messages). */
    readonly what: string,
    /** The file's kind code. */
    readonly kind: string,
    /** The file's kind version. */
    readonly version: number,
    private readonly entries: readonly Entry[],
  ) {}

  /**
   * A reader over in-memory sections, for converters that present an older file layout as sections
   * (each section's offset is its place in `bytes`).
   */
  static fromSections(bytes: Uint8Array, sections: Record<string, [offset: number, length: number]>, o: { file: string; what: string; kind: string; version: number }): BinaryReader {
    const entries = Object.entries(sections).map(([name, [offset, length]]) => ({ name, offset, stored: length, raw: length, flags: 0 }));
    return new BinaryReader(bytes, o.file, o.what, o.kind, o.version, entries);
  }

  /** Section names in file order (their index is the section number). */
  get names(): string[] {
    return this.entries.map((e) => e.name);
  }

  /** True if the file has section `name`. */
  has(name: string): boolean {
    return this.entries.some((e) => e.name === name);
  }

  private entry(name: string): Entry {
    const e = this.entries.find((x) => x.name === name);
    if (!e) throw new BinaryFileError(`${this.what} has no "${name}" section`, this.file, HEADER_BYTES);
    return e;
  }

  /** Byte offset of section `name` in the file (for error positions). */
  offsetOf(name: string): number {
    return this.entry(name).offset;
  }

  /** A typed error about section `name`, `at` bytes into it. */
  error(message: string, name: string, at = 0): BinaryFileError {
    const e = this.entries.find((x) => x.name === name);
    return new BinaryFileError(`${this.what}: ${message}`, this.file, (e?.offset ?? 0) + at);
  }

  /** Section `name`'s bytes: a view into the file, or the inflated bytes of a deflated section. */
  section(name: string): Uint8Array {
    const e = this.entry(name);
    const stored = this.bytes.subarray(e.offset, e.offset + e.stored);
    if (!(e.flags & FLAG_DEFLATE)) return stored;
    let out = this.inflated.get(name);
    if (!out) {
      try {
        if (!codec) throw new Error('inflate needs the Node build of textloom (zlib), or inflateAll() first');
        out = codec.inflate(stored, Math.max(1, e.raw));
      } catch (err) {
        throw new BinaryFileError(`${this.what} section "${name}" does not inflate: ${(err as Error).message}`, this.file, e.offset);
      }
      this.keepInflated(e, out);
    }
    return out;
  }

  private keepInflated(e: Entry, out: Uint8Array): void {
    if (out.length !== e.raw) throw new BinaryFileError(`${this.what} section "${e.name}" inflates to ${out.length} bytes, the table says ${e.raw}`, this.file, e.offset);
    this.inflated.set(e.name, out);
  }

  /**
   * Inflates every deflated section up front, with zlib in Node and the platform's
   * DecompressionStream elsewhere, so that {@link section} then works without a codec (browsers).
   * @example const r = readBinary(bytes, { kind: 'TAGR', what: 'tagger model' }); await r.inflateAll();
   */
  async inflateAll(): Promise<this> {
    for (const e of this.entries) {
      if (!(e.flags & FLAG_DEFLATE) || this.inflated.has(e.name)) continue;
      const stored = this.bytes.subarray(e.offset, e.offset + e.stored);
      let out: Uint8Array;
      try {
        out = codec ? codec.inflate(stored, Math.max(1, e.raw)) : await inflateRawAsync(stored, Math.max(1, e.raw));
      } catch (err) {
        throw new BinaryFileError(`${this.what} section "${e.name}" does not inflate: ${(err as Error).message}`, this.file, e.offset);
      }
      this.keepInflated(e, out);
    }
    return this;
  }

  /** The bytes of section number `index` (its table position), as {@link section}. */
  sectionAt(index: number): Uint8Array {
    const e = this.entries[index];
    if (!e) throw new BinaryFileError(`${this.what} has no section ${index}`, this.file, HEADER_BYTES);
    return this.section(e.name);
  }

  /**
   * Section `name` as a typed array of `C`, checked to hold a whole number of elements and, if
   * `count` is given, exactly `count` of them. A copy (the result owns its memory) unless
   * `view` is set and the section is aligned, when it is a view into the file's buffer.
   */
  typed<C extends TypedArrayClass>(name: string, C: C, count?: number, view = false): Typed<C> {
    const b = this.section(name);
    const size = C.BYTES_PER_ELEMENT;
    if (b.length % size !== 0) throw this.error(`section "${name}" has ${b.length} bytes, not a multiple of ${size}`, name);
    const n = b.length / size;
    if (count !== undefined && n !== count) throw this.error(`section "${name}" holds ${n} values, expected ${count}`, name);
    if (view && LITTLE_ENDIAN && b.byteOffset % size === 0) return new C(b.buffer as ArrayBuffer, b.byteOffset, n) as Typed<C>;
    const out = new C(n) as Typed<C>;
    const dst = new Uint8Array(out.buffer as ArrayBuffer);
    dst.set(b);
    if (!LITTLE_ENDIAN) swapped(dst, size);
    return out;
  }

  /** Section `name` as UTF-8 text (invalid UTF-8 is an error). */
  text(name: string): string {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(this.section(name));
    } catch (e) {
      if (e instanceof BinaryFileError) throw e;
      throw this.error(`section "${name}" is not valid UTF-8`, name);
    }
  }

  /** Section `name` parsed as JSON. */
  json(name: string): unknown {
    const s = this.text(name);
    try {
      return JSON.parse(s);
    } catch (e) {
      throw this.error(`section "${name}" is not valid JSON: ${(e as Error).message}`, name);
    }
  }
}
