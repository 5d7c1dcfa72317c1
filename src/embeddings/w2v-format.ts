/**
 * Vector file formats, read into and written from plain {@link VectorData} (`KeyedVectors.load`
 * and `save` build on them).
 * - word2vec text: `V D\n`, then `word v1 ... vD\n` per word (word2vec.c `-binary 0`, gensim `binary=False`).
 * - word2vec binary: `V D\n`, then per word `word ` + D little-endian float32 + `\n` (`-binary 1`).
 * - textloom native (.tlv): see `tlv-format.ts` (textloom's binary framing; version-1 files convert).
 * Readers report malformed input with the line (text) or byte offset (binary).
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { extname } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { ArgumentError, FormatError, NotFoundError } from '../core/errors.js';
import { writeFileAtomic } from '../io/atomic.js';
import { inputError, openInput, readNumberedLines } from '../io/lines.js';
import { readNumberedLinesSync } from '../io/lines-sync.js';
import { grow } from '../util/typed.js';
import { checkOptions, LOAD_SCHEMA, SAVE_SCHEMA } from './options.js';
import { decodeNative, encodeNative, isNativeVectors } from './tlv-format.js';
import type { VectorData } from './vector-data.js';

/** A vector file format. */
export type VectorFormat = 'text' | 'binary' | 'native';

/** Options of {@link writeVectors}. */
export interface SaveOptions {
  /** Format; default from the extension: `.bin` binary, `.tlv` native, anything else text. */
  format?: VectorFormat;
}

/** Options of {@link readVectors}. */
export interface LoadOptions {
  /** Format; default: native if the file starts with the magic, else by extension (`.bin` binary, else text). */
  format?: VectorFormat;
  /** Read only the first N vectors (word2vec formats), as gensim's `limit`; default all. */
  limit?: number;
  /**
   * Text format only: the file has no `<count> <dims>` header line (GloVe's `glove.6B.100d.txt`), as gensim's
   * `no_header`; the dimension is taken from the first row. Default false (fastText `.vec` files have the header).
   */
  noHeader?: boolean;
}


/** The format implied by a file name. */
export function formatFromPath(path: string): VectorFormat {
  const ext = extname(path.replace(/\.gz$/i, '')).toLowerCase();
  return ext === '.bin' ? 'binary' : ext === '.tlv' ? 'native' : 'text';
}

/**
 * Writes words and vectors atomically in the given format (a word2vec format cannot hold an
 * empty word or one with a space or newline: ArgumentError).
 * @example await writeVectors({ words: ['a', 'b'], vectors: new Float32Array(4), dim: 2, counts: undefined }, 'vectors.bin') // word2vec.c binary
 */
export async function writeVectors(kv: VectorData, path: string, opts: SaveOptions = {}): Promise<void> {
  checkOptions(SAVE_SCHEMA, opts, 'save');
  // The bytes are not compressed: a .gz name would give a file no reader (ours included) can open.
  if (/\.gz$/i.test(path)) throw new ArgumentError('writing gzipped vector files is not supported; save without .gz and compress the file', { file: path });
  const format = opts.format ?? formatFromPath(path);
  if (format === 'native') return writeFileAtomic(path, encodeNative(kv.words, kv.vectors, kv.dim, kv.counts));
  return writeFileAtomic(path, encodedChunks(kv, format));
}

// Nine significant digits round-trip any float32.
function fmt(x: number): string {
  return String(Number(x.toPrecision(9)));
}

function checkWord(w: string): void {
  if (w === '' || /[ \n]/.test(w)) throw new ArgumentError(`word ${JSON.stringify(w)} cannot be written in the word2vec formats (empty or contains a space or newline)`, { key: w });
}

/**
 * Encodes rows in a word2vec format and hands them out in pieces of about 1 MB: what
 * {@link writeVectors} writes and what the streaming converter (`w2v-convert.ts`) writes, so both
 * give the same bytes.
 */
export class W2vEncoder {
  private text: string[] = [];
  private bins: Buffer[] = [];
  /** Bytes (binary) or characters (text) encoded and not yet taken. */
  held = 0;

  constructor(readonly format: 'text' | 'binary') {}

  /** The `<count> <dims>` line. */
  header(count: number, dim: number): void {
    this.push(`${count} ${dim}\n`);
  }

  /** One row: `word` and the `dim` values of `values` from `offset`. */
  row(word: string, values: ArrayLike<number>, offset: number, dim: number): void {
    checkWord(word);
    if (this.format === 'text') {
      const parts = new Array<string>(dim + 1);
      parts[0] = word;
      for (let c = 0; c < dim; c++) parts[c + 1] = fmt(values[offset + c]!);
      this.push(parts.join(' ') + '\n');
      return;
    }
    const wb = Buffer.from(word + ' ', 'utf8');
    const rec = Buffer.alloc(wb.length + dim * 4 + 1);
    wb.copy(rec, 0);
    for (let c = 0; c < dim; c++) rec.writeFloatLE(values[offset + c]!, wb.length + c * 4);
    rec[rec.length - 1] = 0x0a;
    this.bins.push(rec);
    this.held += rec.length;
  }

  /** What was encoded since the last call (empty when nothing was). */
  take(): string | Buffer {
    this.held = 0;
    if (this.format === 'text') {
      const out = this.text.join('');
      this.text = [];
      return out;
    }
    const out = Buffer.concat(this.bins);
    this.bins = [];
    return out;
  }

  private push(s: string): void {
    if (this.format === 'text') this.text.push(s);
    else this.bins.push(Buffer.from(s, 'utf8'));
    this.held += s.length;
  }
}

/** Pieces of about this many bytes (characters for text) are written at a time. */
export const ENCODED_PIECE = 1 << 20;

function* encodedChunks(kv: VectorData, format: 'text' | 'binary'): Generator<string | Buffer> {
  const enc = new W2vEncoder(format);
  enc.header(kv.words.length, kv.dim);
  for (let i = 0; i < kv.words.length; i++) {
    enc.row(kv.words[i]!, kv.vectors, i * kv.dim, kv.dim);
    if (enc.held >= ENCODED_PIECE) yield enc.take();
  }
  yield enc.take();
}

/** Largest dimension the word2vec readers accept. */
const MAX_DIM = 1 << 20;

function parseHeader(line: string, file: string, offset?: number): [number, number] {
  const m = /^\s*(\d+)\s+(\d+)\s*$/.exec(line);
  if (!m) {
    // Binary data (a NUL or other control bytes) is named as such rather than quoted.
    const got = /[\x00-\x08\x0e-\x1f]/.test(line.slice(0, 60)) ? 'binary data' : JSON.stringify(line.slice(0, 60));
    throw new FormatError(`expected a "<count> <dims>" header, got ${got}`, offset === undefined ? { file, line: 1 } : { file, offset });
  }
  const V = Number(m[1]);
  const d = Number(m[2]);
  if (d < 1) throw new FormatError('dimension must be >= 1', { file, line: 1 });
  // A guard against a corrupt header asking for gigabytes per row.
  if (d > MAX_DIM) throw new FormatError(`dimension ${d} is too large (at most ${MAX_DIM})`, offset === undefined ? { file, line: 1 } : { file, offset });
  return [V, d];
}

/**
 * The header's word count is only a claim until the rows are read: pre-size for at most
 * PRESIZE_VALUES floats (64 MB) and grow, so a wrong or hostile count cannot exhaust memory.
 */
const PRESIZE_VALUES = 1 << 24;

function presizedRows(V: number, d: number): number {
  return Math.min(V, Math.max(1, Math.floor(PRESIZE_VALUES / d)));
}

/** `vectors` with room for row `n` (d values each), grown by doubling. */
function roomFor(vectors: Float32Array, n: number, d: number): Float32Array {
  return (n + 1) * d > vectors.length ? grow(vectors, (n + 1) * d) : vectors;
}

/**
 * Where the word2vec readers put the rows they parse: gathered in memory ({@link gatherRows}, for
 * loading) or encoded at once (the streaming converter), so one parser serves both.
 */
export interface RowSink<T> {
  /** The row count to expect (the header's, cut to the limit; without a header the limit, maybe Infinity) and the dimension. */
  start(count: number, dim: number): void;
  /** One row; `vector` is the reader's scratch memory, overwritten by the next row. */
  row(word: string, vector: Float32Array): void;
  /** The input ended after `n` rows of `dim` values. */
  end(n: number, dim: number): T;
  /** A writing sink's output not yet written; the async drivers await {@link flush} once it reaches ENCODED_PIECE. */
  held?: number;
  flush?(): Promise<void>;
}

/** The sink that loads: rows into one growing Float32Array. */
export function gatherRows(): RowSink<VectorData> {
  const words: string[] = [];
  let vectors: Float32Array = new Float32Array(0);
  let d = 0;
  return {
    start(count, dim) {
      d = dim;
      vectors = new Float32Array(presizedRows(Number.isFinite(count) ? count : PRESIZE_VALUES, dim) * dim);
    },
    row(word, vector) {
      const n = words.length;
      words.push(word);
      vectors = roomFor(vectors, n, d);
      vectors.set(vector, n * d);
    },
    end: (n, dim) => ({ words, vectors: exactRows(vectors, n, dim), dim, counts: undefined }),
  };
}

/** Whether a writing sink holds enough output to write it before reading on. */
function full(sink: RowSink<unknown>): boolean {
  return sink.flush !== undefined && sink.held! >= ENCODED_PIECE;
}

/**
 * The word2vec text reader as a coroutine: it yields to ask for the next `[line, lineNumber]` and
 * gets `undefined` at the end, so one parser serves the streaming and the synchronous loaders.
 */
function* textReader<T>(file: string, limit: number, noHeader: boolean, sink: RowSink<T>): Generator<void, T, [string, number] | undefined> {
  let V = -1;
  let d = 0;
  if (noHeader) V = limit; // no count to check: every row (up to the limit) is a vector
  let vector = new Float32Array(0);
  let n = 0;
  for (let next = yield; next !== undefined; next = yield) {
    const [raw, lineNo] = next;
    if (V < 0) {
      [V, d] = parseHeader(raw, file);
      V = Math.min(V, limit);
      vector = new Float32Array(d);
      sink.start(V, d);
      continue;
    }
    if (n >= V) {
      if (limit < Infinity || raw.trim() === '') continue;
      throw new FormatError(`more vectors than the ${V} the header declares`, { file, line: lineNo });
    }
    if (noHeader && d === 0) {
      if (raw.trim() === '') continue;
      // The first row fixes the dimension; later rows must agree (the ragged-row check below).
      d = raw.replace(/[ \t\r]+$/, '').split(' ').length - 1;
      if (d < 1) throw new FormatError('expected a word and at least one number in the first row (no header)', { file, line: lineNo });
      if (d > MAX_DIM) throw new FormatError(`dimension ${d} is too large (at most ${MAX_DIM})`, { file, line: lineNo });
      vector = new Float32Array(d);
      sink.start(V, d);
    }
    if (noHeader && raw.trim() === '') continue;
    // gensim: rstrip, then split on single spaces (word2vec.c leaves a trailing space).
    const parts = raw.replace(/[ \t\r]+$/, '').split(' ');
    if (parts.length !== d + 1) throw new FormatError(`expected a word and ${d} numbers, got ${parts.length - 1} numbers (is this really the text format?)`, { file, line: lineNo });
    for (let c = 0; c < d; c++) {
      const s = parts[c + 1]!;
      const x = Number(s);
      if (s === '' || Number.isNaN(x)) throw new FormatError(`bad number ${JSON.stringify(s)} in column ${c + 2}`, { file, line: lineNo });
      vector[c] = x;
    }
    sink.row(parts[0]!, vector);
    n++;
  }
  if (V < 0) throw new FormatError('empty file (no header)', { file, line: 1 });
  if (noHeader && d === 0 && limit > 0) throw new FormatError('empty file (no vectors)', { file, line: 1 });
  if (noHeader) return sink.end(n, Math.max(d, 1));
  if (n < V) throw new FormatError(`the header declares ${V} vectors but the file has ${n}`, { file, line: n + 2 });
  return sink.end(n, d);
}

/** Streams a word2vec text file's rows into `sink` (flushing a writing sink as its output grows). */
export async function readTextRows<T>(file: string, limit: number, noHeader: boolean, sink: RowSink<T>): Promise<T> {
  const reader = textReader(file, limit, noHeader, sink);
  reader.next();
  for await (const line of readNumberedLines(file)) {
    const r = reader.next(line);
    if (full(sink)) await sink.flush!();
    if (r.done) return r.value;
  }
  return finish(reader.next(undefined));
}

function loadTextSync(file: string, limit: number, noHeader: boolean): VectorData {
  const reader = textReader(file, limit, noHeader, gatherRows());
  reader.next();
  for (const line of readNumberedLinesSync(file)) {
    const r = reader.next(line);
    if (r.done) return r.value;
  }
  return finish(reader.next(undefined));
}

/** The result of a coroutine that was told the input ended. */
function finish<T>(r: IteratorResult<unknown, T>): T {
  if (!r.done) throw new Error('internal: vector reader did not finish at the end of the input');
  return r.value;
}

/** A read the binary reader asks for: up to `len` bytes into `dst` at `off` (0 back at the end). */
interface ReadRequest {
  dst: Buffer;
  off: number;
  len: number;
}

/** A sequential byte source: a file read with readSync, or the output of a gunzip stream. */
interface ByteSource {
  /** Copies up to `len` bytes into `dst` at `off`; 0 at the end. */
  read(dst: Buffer, off: number, len: number): Promise<number>;
  close(): void;
}

function fileSource(file: string): ByteSource {
  const fd = openSync(file, 'r');
  let pos = 0;
  return {
    read: async (dst, off, len) => {
      const n = readSync(fd, dst, off, len, pos);
      pos += n;
      return n;
    },
    close: () => closeSync(fd),
  };
}

function gunzipSource(file: string): ByteSource {
  const stream = openInput(file);
  const chunks = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let pending: Buffer = Buffer.alloc(0);
  return {
    read: async (dst, off, len) => {
      if (pending.length === 0) {
        let r: IteratorResult<Buffer>;
        try {
          r = await chunks.next();
        } catch (e) {
          throw inputError(e, file);
        }
        if (r.done) return 0;
        pending = r.value;
      }
      const n = Math.min(len, pending.length);
      pending.copy(dst, off, 0, n);
      pending = pending.subarray(n);
      return n;
    },
    close: () => stream.destroy(),
  };
}

/** Longest word the binary reader accepts, in bytes (a guard against reading a non-word2vec file). */
const MAX_WORD_BYTES = 10000;

/**
 * Reads a word2vec.c binary file (gzipped when `*.gz`, as gensim reads GoogleNews-vectors-negative300.bin.gz)
 * without holding it whole: a buffer refilled before each record holds at least one whole record.
 * Each row goes to `sink`.
 */
export async function readBinaryRows<T>(file: string, limit: number, sink: RowSink<T>): Promise<T> {
  const src = /\.gz$/i.test(file) ? gunzipSource(file) : fileSource(file);
  try {
    const reader = binaryReader(file, limit, sink);
    let r = reader.next();
    while (!r.done) {
      const got = await src.read(r.value.dst, r.value.off, r.value.len);
      if (full(sink)) await sink.flush!();
      r = reader.next(got);
    }
    return r.value;
  } finally {
    src.close();
  }
}

/** {@link readBinaryRows} loading, synchronously: a `.gz` file is gunzipped whole first. */
function loadBinarySync(file: string, limit: number): VectorData {
  let bytes: Buffer | undefined;
  if (/\.gz$/i.test(file)) {
    try {
      bytes = gunzipSync(readFileSync(file));
    } catch (e) {
      throw inputError(e, file);
    }
  }
  const fd = bytes ? -1 : openSync(file, 'r');
  let pos = 0;
  try {
    const reader = binaryReader(file, limit, gatherRows());
    let r = reader.next();
    while (!r.done) {
      const { dst, off, len } = r.value;
      const got = bytes ? bytes.copy(dst, off, pos, Math.min(bytes.length, pos + len)) : readSync(fd, dst, off, len, pos);
      pos += got;
      r = reader.next(got);
    }
    return r.value;
  } finally {
    if (fd >= 0) closeSync(fd);
  }
}

/** The word2vec binary parser as a coroutine: it yields each read it needs and gets the byte count. */
function* binaryReader<T>(file: string, limit: number, sink: RowSink<T>): Generator<ReadRequest, T, number> {
  let buf: Buffer = Buffer.alloc(1 << 20);
  let base = 0; // file (uncompressed) offset of buf[0]
  let pos = 0; // next byte, index into buf
  let end = 0; // valid bytes in buf
  let eof = false;
  // Makes at least `n` bytes available from pos (fewer only at the end of the input).
  const ensure = function* (n: number): Generator<ReadRequest, void, number> {
    if (end - pos >= n || eof) return;
    if (n > buf.length) {
      const bigger = Buffer.alloc(n * 2);
      buf.copy(bigger, 0, pos, end);
      buf = bigger;
    } else buf.copy(buf, 0, pos, end);
    base += pos;
    end -= pos;
    pos = 0;
    while (end < n && !eof) {
      const got = yield { dst: buf, off: end, len: buf.length - end };
      if (got === 0) eof = true;
      else end += got;
    }
  };
  // Header line.
  yield* ensure(102);
  const nl = buf.subarray(pos, end).indexOf(0x0a);
  if (nl < 0) {
    if (end - pos > 100) throw new FormatError('header line too long (is this really the binary format?)', { file, offset: 0 });
    throw new FormatError('unexpected end of file in the header', { file, offset: base + end });
  }
  let [V, d] = parseHeader(buf.toString('latin1', pos, pos + nl), file, 0);
  pos += nl + 1;
  V = Math.min(V, limit);
  sink.start(V, d);
  const vector = new Float32Array(d);
  const dec = new TextDecoder('utf-8', { fatal: true });
  const rec = d * 4;
  for (let i = 0; i < V; i++) {
    // One record: optional newline(s) ending the previous one, the word, a space, the floats.
    // (Checked here first: most records need no read, and then no generator is made.)
    if (end - pos < 2 + MAX_WORD_BYTES + rec && !eof) yield* ensure(2 + MAX_WORD_BYTES + rec);
    while (pos < end && buf[pos] === 0x0a) pos++;
    const start = pos;
    const space = buf.subarray(pos, Math.min(end, pos + MAX_WORD_BYTES + 1)).indexOf(0x20);
    if (space < 0) {
      if (end - pos > MAX_WORD_BYTES) throw new FormatError(`word ${i + 1} longer than ${MAX_WORD_BYTES} bytes (is this really the binary format?)`, { file, offset: base + start });
      throw new FormatError(`unexpected end of file in word ${i + 1} of ${V}`, { file, offset: base + end });
    }
    let word: string;
    try {
      word = dec.decode(buf.subarray(pos, pos + space));
    } catch {
      throw new FormatError(`word ${i + 1} is not valid UTF-8`, { file, offset: base + start });
    }
    pos += space + 1;
    if (end - pos < rec) throw new FormatError(`unexpected end of file in the vector of word ${i + 1} (${JSON.stringify(word)}): needs ${rec} bytes`, { file, offset: base + pos });
    for (let c = 0; c < d; c++) vector[c] = buf.readFloatLE(pos + 4 * c);
    sink.row(word, vector);
    pos += rec;
  }
  return sink.end(V, d);
}

/** The first `n` rows of `vectors`, without a copy when it holds exactly those. */
function exactRows(vectors: Float32Array, n: number, d: number): Float32Array {
  return vectors.length === n * d ? vectors : vectors.slice(0, n * d);
}

/** The checked limit and the format of `path` (from the options, the magic number or the name). */
export function loadPlan(path: string, opts: LoadOptions): { limit: number; format: VectorFormat; noHeader: boolean } {
  checkOptions(LOAD_SCHEMA, opts, 'load');
  const limit = opts.limit ?? Infinity;
  if (limit !== Infinity && !(Number.isInteger(limit) && limit >= 0)) throw new ArgumentError(`limit must be an integer >= 0, got ${String(limit)}`, { key: 'limit' });
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    throw new NotFoundError(`no such file: ${path}`, { file: path });
  }
  const magic = Buffer.alloc(4);
  let got: number;
  try {
    got = readSync(fd, magic, 0, 4, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EISDIR') throw new ArgumentError(`${path} is a directory, not a vector file`, { file: path });
    throw e;
  } finally {
    closeSync(fd);
  }
  const format = opts.format ?? (got === 4 && isNativeVectors(magic) ? 'native' : formatFromPath(path));
  const noHeader = opts.noHeader ?? false;
  if (noHeader && format !== 'text') throw new ArgumentError(`noHeader applies to the text format only, not ${format}`, { file: path, key: 'noHeader' });
  return { limit, format, noHeader };
}

export function loadNative(path: string): VectorData {
  if (!/\.gz$/i.test(path)) return decodeNative(readFileSync(path), path);
  let bytes: Buffer;
  try {
    bytes = gunzipSync(readFileSync(path));
  } catch (e) {
    throw inputError(e, path);
  }
  return decodeNative(bytes, path);
}

/**
 * The format `readVectors` (and `KeyedVectors.load`) reads `path` as: `format` if given, else native when the file
 * starts with the .tlv magic number, else by extension (`.bin` binary, anything else text).
 * @example vectorFormatOf('vectors.bin') // → 'binary'
 */
export function vectorFormatOf(path: string, format?: VectorFormat): VectorFormat {
  return loadPlan(path, format ? { format } : {}).format;
}

/**
 * Reads words and vectors from a word2vec text/binary file or a native .tlv file (`KeyedVectors.load`
 * builds the query object from them). Malformed input is a FormatError with the line or byte offset.
 * @example const { words, vectors, dim } = await readVectors('GoogleNews-vectors-negative300.bin', { limit: 100000 })
 */
export async function readVectors(path: string, opts: LoadOptions = {}): Promise<VectorData> {
  const { limit, format, noHeader } = loadPlan(path, opts);
  if (format === 'native') return loadNative(path);
  if (format === 'binary') return readBinaryRows(path, limit, gatherRows());
  return readTextRows(path, limit, noHeader, gatherRows());
}

/**
 * {@link readVectors}, synchronously (what `KeyedVectors.loadSync` and so the `vectors` pipeline
 * factory use, so that `nlp.addPipe('vectors', ...)` returns a ready component). Same formats,
 * results and errors; a `.gz` word2vec file is gunzipped whole in memory instead of streamed.
 * @example const { words } = readVectorsSync('vectors.bin')
 */
export function readVectorsSync(path: string, opts: LoadOptions = {}): VectorData {
  const { limit, format, noHeader } = loadPlan(path, opts);
  if (format === 'native') return loadNative(path);
  if (format === 'binary') return loadBinarySync(path, limit);
  return loadTextSync(path, limit, noHeader);
}
