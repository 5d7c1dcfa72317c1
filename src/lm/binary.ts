/**
 * textloom's native LM file (`.tlm`): fast to reload, checked on load.
 *
 * Version 2 uses textloom's binary framing (`io/binfmt.ts`, kind `NGLM`): a `header` section
 * (JSON: order, kind, smoothing, params, entries per order), a `vocab` section (JSON word list),
 * then per order n the sections `keys<n>` (u32 x n x size) and either `prob<n>` + `backoff<n>`
 * (log10 values, f32 x size each) or `counts<n>` (u32 x size). Version-1 files (magic `TLLM`)
 * are converted on load by `binary-v1.ts`.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { ArgumentError, NotFoundError } from '../core/errors.js';
import { writeFileAtomicSync } from '../io/atomic.js';
import { BinaryFileError, BinaryWriter, isFramed, readFramed, type BinaryReader } from '../io/binfmt.js';
import { assembleModel, checkHeader, type StoredMeta, type StoredTables } from './binary-tables.js';
import { decodeModelV1, isModelV1, LM_MAGIC_V1 } from './binary-v1.js';
import type { ModelData } from './model-data.js';

export type { StoredMeta } from './binary-tables.js';

/** Kind code of LM files in textloom's binary framing. */
export const LM_KIND = 'NGLM';
/** Magic of version-1 files (version 2 files start with the framing magic `TLBF`). */
export const LM_MAGIC = LM_MAGIC_V1;
/** Current format version; version 1 is converted on load, others are rejected. */
export const LM_FORMAT_VERSION = 2;

/** Serializes a model to bytes (see the module layout). */
export function encodeModel(d: ModelData, meta: StoredMeta): Uint8Array {
  const w = new BinaryWriter(LM_KIND, LM_FORMAT_VERSION);
  w.json('header', { order: d.order, kind: d.kind, smoothing: meta.smoothing, params: meta.params, sizes: d.tables.map((t) => t.size) });
  w.json('vocab', d.vocab.words);
  for (let n = 1; n <= d.order; n++) {
    const t = d.tables[n - 1]!;
    w.add(`keys${n}`, t.keys.subarray(0, t.size * n));
    if (d.kind === 'backoff') w.add(`prob${n}`, d.prob[n - 1]!.subarray(0, t.size)).add(`backoff${n}`, d.backoff[n - 1]!.subarray(0, t.size));
    else w.add(`counts${n}`, d.counts[n - 1]!.subarray(0, t.size));
  }
  return w.finish();
}

/** Writes a model file atomically. */
export function saveModel(path: string, d: ModelData, meta: StoredMeta): void {
  writeFileAtomicSync(path, encodeModel(d, meta));
}

function decodeTables(r: BinaryReader): StoredTables {
  const h = r.json('header');
  if (!h || typeof h !== 'object' || Array.isArray(h)) throw r.error('header is not a JSON object', 'header');
  const head = checkHeader(h as Record<string, unknown>, (msg) => {
    throw r.error(msg.replace(/^LM file /, ''), 'header');
  });
  // Each order has 2 or 3 sections: a header claiming more orders than sections is refused before any loop.
  const per = head.kind === 'backoff' ? 3 : 2;
  if (2 + head.order * per !== r.names.length) throw r.error(`header claims order ${head.order} but the file has ${r.names.length} sections`, 'header');
  const vocab = r.json('vocab');
  if (!Array.isArray(vocab) || !vocab.every((x) => typeof x === 'string')) throw r.error('vocabulary is not a list of strings', 'vocab');
  const out: StoredTables = { ...head, vocab, keys: [], prob: [], backoff: [], counts: [], keyOffsets: [] };
  for (let n = 1; n <= head.order; n++) {
    const size = head.sizes[n - 1]!;
    out.keyOffsets.push(r.offsetOf(`keys${n}`));
    out.keys.push(r.typed(`keys${n}`, Uint32Array, size * n, true));
    if (head.kind === 'backoff') {
      out.prob.push(r.typed(`prob${n}`, Float32Array, size, true));
      out.backoff.push(r.typed(`backoff${n}`, Float32Array, size, true));
    } else out.counts.push(r.typed(`counts${n}`, Uint32Array, size, true));
  }
  return out;
}

/**
 * Decodes model bytes; `file` names the source in errors. Checks magic, kind, version, section
 * table and CRC against the real length before reading any table; a damaged file is a
 * {@link BinaryFileError} with the byte offset. Version-1 files are converted.
 */
export function decodeModel(buf: Uint8Array, file = '<buffer>'): { data: ModelData; meta: StoredMeta } {
  if (isModelV1(buf)) return assembleModel(decodeModelV1(buf, file), file);
  const r = readFramed(buf, { kind: LM_KIND, what: 'LM file', versions: [LM_FORMAT_VERSION], file });
  return assembleModel(decodeTables(r), file);
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
 * Classifies a model file by its first bytes, whatever its name: textloom's framing (or the
 * version-1 `TLLM`) magic, KenLM's
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
  if (isModelV1(bytes) || isFramed(bytes)) return 'tlm';
  if (bytes.toString('latin1', 0, 8) === 'mmap lm ') return 'kenlm-binary';
  if (bytes.includes('\\data\\') || !bytes.includes(0)) return 'arpa';
  return 'unknown';
}
