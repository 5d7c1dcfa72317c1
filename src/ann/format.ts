/**
 * The saved index (`.tlx`), in textloom's binary framing (io/binfmt.ts, kind `VIDX`, version 1):
 *
 * | section | content |
 * | --- | --- |
 * | `header` | JSON: kind, metric, dim, m, efConstruction, efSearch, seed, quantization, slots, idType, entry, maxLevel |
 * | `idlens`, `idtext` | string ids: u32 UTF-8 byte length per slot, then the UTF-8 back to back |
 * | `idnums` | numeric ids: float64 per slot |
 * | `deleted` | u8 per slot, 1 = removed |
 * | `vectors` | float32, slots x dim, as stored (unit length under cosine) |
 * | `levels`, `links0`, `upperoff`, `upper`, `rng` | hnsw only: the graph arrays of hnsw.ts and the level generator's state |
 *
 * Norms and int8 codes are recomputed on load. The loader checks every size and every link
 * against the header before using it, so a damaged file is a BinaryFileError naming the byte.
 */
import { checkOptionValue } from '../core/options.js';
import { writeFileAtomicSync } from '../io/atomic.js';
import { BinaryWriter, readBinary, type BinaryReader } from '../io/binfmt.js';
import { readBytesSync } from '../io/read-text.js';
import { HnswGraph, type HnswArrays } from './hnsw.js';
import { KeyTable, type VectorId } from './keys.js';
import { VECTOR_INDEX_SCHEMA, type ResolvedIndexOptions } from './options.js';
import { VectorStore } from './store.js';

/** What an index is made of: its settings, vectors, ids and graph. */
export interface IndexParts {
  options: ResolvedIndexOptions;
  store: VectorStore;
  keys: KeyTable;
  graph: HnswGraph | undefined;
}

/** Empty parts for `options`, with room for `capacity` vectors. */
export function emptyParts(options: ResolvedIndexOptions, capacity: number): IndexParts {
  const store = new VectorStore(options.dim, options.metric, options.quantization === 'int8', capacity);
  const graph = options.kind === 'hnsw' ? new HnswGraph(store, options.m, options.efConstruction, options.seed, capacity) : undefined;
  return { options, store, keys: new KeyTable(), graph };
}

/** Kind code of vector index files. */
export const VECTOR_INDEX_KIND = 'VIDX';
/** Current vector index format version. */
export const VECTOR_INDEX_FORMAT_VERSION = 1;
const WHAT = 'vector index file';

interface Header extends ResolvedIndexOptions {
  slots: number;
  idType: 'number' | 'string' | null;
  entry: number;
  maxLevel: number;
}

/** The file bytes of an index. */
export function encodeIndex(index: IndexParts): Uint8Array {
  const o = index.options;
  const store = index.store;
  const n = store.count;
  const g = index.graph?.arrays(n);
  const header: Header = { ...o, slots: n, idType: index.keys.type ?? null, entry: g?.entry ?? -1, maxLevel: g?.maxLevel ?? -1 };
  const w = new BinaryWriter(VECTOR_INDEX_KIND, VECTOR_INDEX_FORMAT_VERSION).json('header', header);
  const ids = index.keys.ids;
  if (header.idType === 'string') {
    const enc = new TextEncoder();
    const parts = ids.map((id) => enc.encode(id as string));
    w.add('idlens', Uint32Array.from(parts, (p) => p.length));
    w.addPieces('idtext', parts);
  } else if (header.idType === 'number') w.add('idnums', Float64Array.from(ids as number[]));
  w.add('deleted', store.deleted.subarray(0, n));
  w.add('vectors', store.rows());
  if (g) {
    w.add('levels', g.levels).add('links0', g.links0).add('upperoff', g.upperOff).add('upper', g.upper).add('rng', g.rngState);
  }
  return w.finish();
}

/** Writes an index to `path` atomically (temp file, fsync, rename). */
export function saveIndex(index: IndexParts, path: string): void {
  writeFileAtomicSync(path, encodeIndex(index));
}

/** Reads an index file written by {@link saveIndex} (read whole into memory, no memory mapping). */
export function loadIndex(path: string): IndexParts {
  return decodeIndex(readBytesSync(path, WHAT), path);
}

function headerOf(r: BinaryReader): Header {
  const h = r.json('header') as Record<string, unknown> | null;
  if (h === null || typeof h !== 'object' || Array.isArray(h)) throw r.error('header is not a JSON object', 'header');
  for (const key of ['dim', 'kind', 'metric', 'm', 'efConstruction', 'efSearch', 'seed', 'quantization'] as const) {
    try {
      if (h[key] === undefined) throw new Error(`missing "${key}"`);
      checkOptionValue(VECTOR_INDEX_SCHEMA[key]!, h[key], key);
    } catch (e) {
      throw r.error(`header ${(e as Error).message}`, 'header');
    }
  }
  const int = (k: string, min: number): number => {
    const v = h[k];
    if (!Number.isInteger(v) || (v as number) < min) throw r.error(`header "${k}" must be an integer >= ${min}`, 'header');
    return v as number;
  };
  int('slots', 0);
  int('entry', -1);
  int('maxLevel', -1);
  if (h.idType !== null && h.idType !== 'number' && h.idType !== 'string') throw r.error('header "idType" must be "number", "string" or null', 'header');
  return h as unknown as Header;
}

/** Decodes an index file; `file` names it in errors. */
export function decodeIndex(bytes: Uint8Array, file = '<bytes>'): IndexParts {
  const r = readBinary(bytes, { kind: VECTOR_INDEX_KIND, what: WHAT, versions: [VECTOR_INDEX_FORMAT_VERSION], file });
  const h = headerOf(r);
  const n = h.slots;
  const { slots: _s, idType, entry, maxLevel, ...opts } = h;
  const index = emptyParts(opts, Math.max(1, n));
  const ids = readIds(r, idType, n);
  const deleted = r.typed('deleted', Uint8Array, n);
  const vectors = r.typed('vectors', Float32Array, n * h.dim, true);
  for (let i = 0; i < n * h.dim; i++) if (!Number.isFinite(vectors[i])) throw r.error(`vector ${Math.floor(i / h.dim)} has a non-finite component`, 'vectors', i * 4);
  const store = index.store;
  for (let s = 0; s < n; s++) {
    store.append(vectors.subarray(s * h.dim, (s + 1) * h.dim), true);
    const del = deleted[s]!;
    if (del > 1) throw r.error(`slot ${s} has removal flag ${del}`, 'deleted', s);
    if (del === 1) {
      store.deleted[s] = 1;
      store.removed++;
      index.keys.ids[s] = ids[s]!;
    } else {
      if (index.keys.slotOf(ids[s]!) >= 0) throw r.error(`id ${JSON.stringify(ids[s])} appears twice`, idType === 'string' ? 'idtext' : 'idnums');
      index.keys.append(ids[s]!, s);
    }
  }
  index.keys.type = idType ?? undefined;
  if (index.graph) index.graph.restore(readGraph(r, h, entry, maxLevel));
  return index;
}

function readIds(r: BinaryReader, idType: Header['idType'], n: number): VectorId[] {
  if (idType === null) {
    if (n !== 0) throw r.error(`header has ${n} slots but no id type`, 'header');
    return [];
  }
  if (idType === 'number') {
    const nums = r.typed('idnums', Float64Array, n);
    const out: number[] = new Array(n);
    for (let i = 0; i < n; i++) {
      if (!Number.isSafeInteger(nums[i])) throw r.error(`id ${i} is not a safe integer`, 'idnums', i * 8);
      out[i] = nums[i]!;
    }
    return out;
  }
  const lens = r.typed('idlens', Uint32Array, n);
  const text = r.section('idtext');
  let sum = 0;
  for (let i = 0; i < n; i++) sum += lens[i]!;
  if (sum !== text.length) throw r.error(`id lengths add up to ${sum} bytes, the idtext section has ${text.length}`, 'idlens');
  const dec = new TextDecoder('utf-8', { fatal: true });
  const out: string[] = new Array(n);
  let p = 0;
  for (let i = 0; i < n; i++) {
    try {
      out[i] = dec.decode(text.subarray(p, p + lens[i]!));
    } catch {
      throw r.error(`id ${i} is not valid UTF-8`, 'idtext', p);
    }
    p += lens[i]!;
  }
  return out;
}

function readGraph(r: BinaryReader, h: Header, entry: number, maxLevel: number): HnswArrays {
  const n = h.slots;
  const m0 = 2 * h.m;
  const levels = r.typed('levels', Uint8Array, n);
  const links0 = r.typed('links0', Int32Array, n * (m0 + 1));
  const upperOff = r.typed('upperoff', Int32Array, n);
  const upper = r.typed('upper', Int32Array);
  const rngState = r.typed('rng', Uint32Array, 4);
  if ((rngState[0]! | rngState[1]! | rngState[2]! | rngState[3]!) === 0) throw r.error('level generator state is all zero', 'rng');
  if (n === 0 ? entry !== -1 || maxLevel !== -1 : entry < 0 || entry >= n || maxLevel !== levels[entry]) {
    throw r.error(`entry point ${entry} at level ${maxLevel} does not match the graph`, 'header');
  }
  // A link on level l must lead to a slot that has level l (the walk reads that slot's list there).
  const checkList = (section: string, arr: Int32Array, off: number, max: number, level: number): void => {
    const c = arr[off]!;
    if (c < 0 || c > max) throw r.error(`a neighbour list holds ${c} links, at most ${max} allowed`, section, off * 4);
    for (let i = 1; i <= c; i++) {
      const x = arr[off + i]!;
      if (x < 0 || x >= n || levels[x]! < level) throw r.error(`a level-${level} link to slot ${x} (of ${n}) that is not on that level`, section, (off + i) * 4);
    }
  };
  let used = 0;
  for (let s = 0; s < n; s++) {
    const lv = levels[s]!;
    if (lv > maxLevel) throw r.error(`slot ${s} has level ${lv}, above the entry point's ${maxLevel}`, 'levels', s);
    checkList('links0', links0, s * (m0 + 1), m0, 0);
    const off = upperOff[s]!;
    if (lv === 0) {
      if (off !== -1) throw r.error(`slot ${s} is on level 0 but has upper lists`, 'upperoff', s * 4);
      continue;
    }
    if (off !== used) throw r.error(`slot ${s}'s upper lists start at ${off}, expected ${used}`, 'upperoff', s * 4);
    used += lv * (h.m + 1);
    if (used > upper.length) throw r.error(`upper lists run past the section's ${upper.length} values`, 'upperoff', s * 4);
    for (let l = 0; l < lv; l++) checkList('upper', upper, off + l * (h.m + 1), h.m, l + 1);
  }
  if (used !== upper.length) throw r.error(`the upper section holds ${upper.length} values, the lists use ${used}`, 'upper');
  return { levels, links0, upperOff, upper, upperUsed: used, entry, maxLevel, rngState };
}
