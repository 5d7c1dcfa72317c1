/**
 * textloom's native LM file (`.tlm`): fast to reload, checked on load.
 *
 * Layout (little endian): magic `TLLM`, u32 format version, u32 header byte length, UTF-8 JSON
 * header (order, kind, smoothing, params, vocabulary, entries per order), then per order n:
 * keys (u32 x n x size), and either log10 prob + log10 backoff (f32 x size each) or counts
 * (u32 x size); last a u32 CRC-32 of every preceding byte.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { ArgumentError, FormatError, NotFoundError } from '../core/errors.js';
import { writeFileAtomicSync } from '../io/atomic.js';
import { crc32 } from '../util/crc32.js';
import { computeLinks } from './links.js';
import { contextTotals, type ModelData } from './model-data.js';
import { NgramTable } from './ngram-table.js';
import { LmVocab } from './vocab.js';

/** File magic. */
export const LM_MAGIC = 'TLLM';
/** Current format version; other versions are rejected. */
export const LM_FORMAT_VERSION = 1;

/** Extra model settings stored next to the tables. */
export interface StoredMeta {
  smoothing: string;
  params: Record<string, unknown>;
}

/** Serializes a model to bytes (see the module layout). */
export function encodeModel(d: ModelData, meta: StoredMeta): Uint8Array {
  const header = Buffer.from(
    JSON.stringify({ order: d.order, kind: d.kind, smoothing: meta.smoothing, params: meta.params, sizes: d.tables.map((t) => t.size), vocab: d.vocab.words }),
    'utf8',
  );
  const parts: Uint8Array[] = [];
  const head = Buffer.alloc(12);
  head.write(LM_MAGIC, 0, 'latin1');
  head.writeUInt32LE(LM_FORMAT_VERSION, 4);
  head.writeUInt32LE(header.length, 8);
  parts.push(head, header);
  const bytes = (a: ArrayBufferView): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  for (let n = 1; n <= d.order; n++) {
    const t = d.tables[n - 1]!;
    parts.push(bytes(t.keys.subarray(0, t.size * n)));
    if (d.kind === 'backoff') parts.push(bytes(d.prob[n - 1]!.subarray(0, t.size)), bytes(d.backoff[n - 1]!.subarray(0, t.size)));
    else parts.push(bytes(d.counts[n - 1]!.subarray(0, t.size)));
  }
  const body = Buffer.concat(parts);
  const out = Buffer.alloc(body.length + 4);
  body.copy(out, 0);
  out.writeUInt32LE(crc32(body), body.length);
  return out;
}

/** Writes a model file atomically. */
export function saveModel(path: string, d: ModelData, meta: StoredMeta): void {
  writeFileAtomicSync(path, encodeModel(d, meta));
}

/** Decodes model bytes; `file` names the source in errors. Checks magic, version, CRC and sizes. */
export function decodeModel(buf: Buffer, file = '<buffer>'): { data: ModelData; meta: StoredMeta } {
  if (buf.length < 16 || buf.toString('latin1', 0, 4) !== LM_MAGIC) throw new FormatError('not a textloom LM file (bad magic)', { file, offset: 0 });
  const version = buf.readUInt32LE(4);
  if (version !== LM_FORMAT_VERSION) throw new FormatError(`unsupported LM file version ${version} (this textloom reads version ${LM_FORMAT_VERSION})`, { file, offset: 4 });
  const want = buf.readUInt32LE(buf.length - 4);
  const got = crc32(buf.subarray(0, buf.length - 4));
  if (want !== got) throw new FormatError(`LM file is corrupt: CRC mismatch`, { file, offset: buf.length - 4 });
  const hlen = buf.readUInt32LE(8);
  if (12 + hlen > buf.length - 4) throw new FormatError('LM file header overruns the file', { file, offset: 8 });
  let h: { order: number; kind: 'backoff' | 'counts'; smoothing: string; params: Record<string, unknown>; sizes: number[]; vocab: string[] };
  try {
    h = JSON.parse(buf.toString('utf8', 12, 12 + hlen));
  } catch (e) {
    throw new FormatError(`LM file header is not valid JSON: ${(e as Error).message}`, { file, offset: 12 });
  }
  if (!Number.isInteger(h.order) || h.order < 1 || !Array.isArray(h.sizes) || h.sizes.length !== h.order || !Array.isArray(h.vocab) || (h.kind !== 'backoff' && h.kind !== 'counts')) {
    throw new FormatError('LM file header is missing order, kind, sizes or vocab', { file, offset: 12 });
  }
  let off = 12 + hlen;
  const take = (len: number): ArrayBuffer => {
    if (off + len > buf.length - 4) throw new FormatError('LM file is truncated', { file, offset: off });
    const ab = new Uint8Array(buf.subarray(off, off + len)).buffer;
    off += len;
    return ab;
  };
  const vocab = LmVocab.fromWords(h.vocab);
  const tables: NgramTable[] = [];
  const prob: Float32Array[] = [];
  const backoff: Float32Array[] = [];
  const counts: Uint32Array[] = [];
  for (let n = 1; n <= h.order; n++) {
    const size = h.sizes[n - 1]!;
    const keys = new Uint32Array(take(size * n * 4));
    for (let i = 0; i < keys.length; i++) if (keys[i]! >= vocab.size) throw new FormatError(`word id ${keys[i]} out of range in the ${n}-gram table`, { file, offset: off });
    tables.push(NgramTable.fromKeys(n, keys, size));
    if (h.kind === 'backoff') {
      prob.push(new Float32Array(take(size * 4)));
      backoff.push(new Float32Array(take(size * 4)));
    } else counts.push(new Uint32Array(take(size * 4)));
  }
  if (off !== buf.length - 4) throw new FormatError('LM file has trailing bytes', { file, offset: off });
  const meta = { smoothing: h.smoothing, params: h.params ?? {} };
  if (h.kind === 'backoff') return { data: { kind: 'backoff', order: h.order, vocab, tables, prob, backoff }, meta };
  const links = computeLinks(tables);
  let total = 0;
  for (const c of counts[0]!) total += c;
  return { data: { kind: 'counts', order: h.order, vocab, tables, counts, ctxTotal: contextTotals(tables, counts, links.context), total }, meta };
}

/** Reads and decodes a model file. */
export function loadModel(path: string): { data: ModelData; meta: StoredMeta } {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new NotFoundError(`no such LM file: ${path}`, { file: path });
    if ((e as NodeJS.ErrnoException).code === 'EISDIR') throw new ArgumentError(`${path} is a directory, not an LM file`, { file: path });
    throw e;
  }
  return decodeModel(buf, path);
}

/** How {@link sniffModelFile} classifies a file. */
export type ModelFileKind = 'tlm' | 'arpa' | 'kenlm-binary' | 'unknown';

/**
 * Classifies a model file by its first bytes, whatever its name: textloom's `TLLM` magic, KenLM's
 * binary (`mmap lm` header), text containing `\data\` or no NUL byte (ARPA, whose reader reports
 * its own errors), else unknown. `.gz` files are taken as ARPA (binary models are never gzipped).
 */
export function sniffModelFile(path: string): ModelFileKind {
  if (/\.gz$/i.test(path)) return 'arpa';
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new NotFoundError(`no such LM file: ${path}`, { file: path });
    throw e;
  }
  const head = Buffer.alloc(4096);
  let n: number;
  try {
    n = readSync(fd, head, 0, head.length, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EISDIR') throw new ArgumentError(`${path} is a directory, not an LM file`, { file: path });
    throw e;
  } finally {
    closeSync(fd);
  }
  const bytes = head.subarray(0, n);
  if (n >= 4 && bytes.toString('latin1', 0, 4) === LM_MAGIC) return 'tlm';
  if (bytes.toString('latin1', 0, 8) === 'mmap lm ') return 'kenlm-binary';
  if (bytes.includes('\\data\\') || !bytes.includes(0)) return 'arpa';
  return 'unknown';
}
