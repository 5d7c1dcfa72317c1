/**
 * The tables a `.tlm` file stores, whatever its version, and their conversion into a queryable
 * {@link ModelData}: header checks, word-id range checks, count-model totals.
 */
import { BinaryFileError } from '../io/binfmt.js';
import { computeLinks } from './links.js';
import { contextTotals, type ModelData } from './model-data.js';
import { NgramTable } from './ngram-table.js';
import { LmVocab } from './vocab.js';

/** Extra model settings stored next to the tables. */
export interface StoredMeta {
  smoothing: string;
  params: Record<string, unknown>;
}

/** The checked scalar part of a model header. */
export interface StoredHeader {
  order: number;
  kind: 'backoff' | 'counts';
  smoothing: string;
  params: Record<string, unknown>;
  /** Entries per order. */
  sizes: number[];
}

/** Everything a model file holds, decoded but not yet indexed. */
export interface StoredTables extends StoredHeader {
  vocab: string[];
  /** Per order n, `n * sizes[n-1]` word ids. */
  keys: Uint32Array[];
  prob: Float32Array[];
  backoff: Float32Array[];
  counts: Uint32Array[];
  /** File offset of each order's keys (for error positions). */
  keyOffsets: number[];
}

/** Highest order a file may declare (a header claiming more is damaged). */
export const MAX_STORED_ORDER = 64;

/**
 * Checks a parsed header's order, kind, smoothing, params and sizes; `fail` raises the caller's
 * typed error. Sizes must be integers in [0, 2^32).
 */
export function checkHeader(h: Record<string, unknown>, fail: (msg: string) => never): StoredHeader {
  const { order, kind, sizes, smoothing, params } = h;
  if (!Number.isInteger(order) || (order as number) < 1 || !Array.isArray(sizes) || (kind !== 'backoff' && kind !== 'counts')) {
    return fail('LM file header is missing order, kind, sizes or vocab');
  }
  if ((order as number) > MAX_STORED_ORDER) return fail(`LM file header claims order ${String(order)}, above the ${MAX_STORED_ORDER} a model can have`);
  if (sizes.length !== order) return fail(`LM file header lists ${sizes.length} table sizes for order ${String(order)}`);
  if (!sizes.every((s) => Number.isInteger(s) && s >= 0 && s <= 0xffffffff)) return fail('LM file header has a table size that is not a non-negative integer');
  if (typeof smoothing !== 'string') return fail('LM file header has no smoothing name');
  if (params !== undefined && (params === null || typeof params !== 'object' || Array.isArray(params))) return fail('LM file header params are not an object');
  return { order: order as number, kind, smoothing, params: (params ?? {}) as Record<string, unknown>, sizes: sizes as number[] };
}

/** Builds the queryable model from decoded tables; word ids out of range are a BinaryFileError. */
export function assembleModel(t: StoredTables, file: string): { data: ModelData; meta: StoredMeta } {
  let vocab: LmVocab;
  try {
    vocab = LmVocab.fromWords(t.vocab);
  } catch (e) {
    throw new BinaryFileError(`LM file vocabulary is invalid: ${(e as Error).message}`, file, 12);
  }
  const tables: NgramTable[] = [];
  for (let n = 1; n <= t.order; n++) {
    const keys = t.keys[n - 1]!;
    const v = vocab.size;
    for (let i = 0; i < keys.length; i++) {
      if (keys[i]! >= v) throw new BinaryFileError(`word id ${keys[i]} out of range in the ${n}-gram table`, file, t.keyOffsets[n - 1]! + 4 * i);
    }
    tables.push(NgramTable.fromKeys(n, keys, t.sizes[n - 1]!));
  }
  const meta = { smoothing: t.smoothing, params: t.params };
  if (t.kind === 'backoff') return { data: { kind: 'backoff', order: t.order, vocab, tables, prob: t.prob, backoff: t.backoff }, meta };
  const links = computeLinks(tables);
  let total = 0;
  for (const c of t.counts[0]!) total += c;
  return { data: { kind: 'counts', order: t.order, vocab, tables, counts: t.counts, ctxTotal: contextTotals(tables, t.counts, links.context), total }, meta };
}
