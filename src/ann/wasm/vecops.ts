/**
 * Loader of the SIMD vector primitives (vecops.wat): one compiled module, instantiated over a
 * shared WebAssembly.Memory that holds the weight matrices, so worker threads can instantiate
 * the same module over the same memory.
 */
import { ArgumentError } from '../../core/errors.js';
import { VECOPS_WASM_BASE64 } from './vecops-bytes.js';

/** The exported primitives; pointers are byte offsets into the memory, n counts float32s. */
export interface VecOps {
  /** sum a[i] * b[i] (float32 accumulation, as word2vec.c's `real f`). */
  dot(a: number, b: number, n: number): number;
  /** sum (a[i] - b[i])^2 (float32 accumulation). */
  l2sq(a: number, b: number, n: number): number;
  /** sum a[i] * b[i] over int8 codes (n bytes each), exact in int32. */
  dot_i8(a: number, b: number, n: number): number;
  /** for each i: v = out[i]; e[i] += g * v; out[i] = v + g * inp[i]. */
  upd(g: number, e: number, out: number, inp: number, n: number): void;
  /** y[i] += a * x[i]. */
  axpy(a: number, x: number, y: number, n: number): void;
  /** out[r] = dot(mat + r * dim, q, dim) for r < rows. */
  scores(mat: number, q: number, out: number, rows: number, dim: number): void;
  /** out[i] = dot(base + ids[i] * stride, q, dim), or with l2 = 1 minus l2sq, for i < n (ids: int32s). */
  sims(base: number, stride: number, ids: number, n: number, q: number, dim: number, out: number, l2: number): void;
}

// Minimal WebAssembly typings: the project's TS lib (ES2022, no DOM) does not declare them.
/** A compiled WebAssembly module (opaque; structured-cloneable to workers). */
export interface WasmModule {
  readonly __brand?: 'WasmModule';
}
/** A WebAssembly memory; shared, so `buffer` is a SharedArrayBuffer. */
export interface WasmMemory {
  readonly buffer: SharedArrayBuffer;
  /** Adds `pages` 64 KiB pages (up to the maximum it was created with); returns the old page count. */
  grow(pages: number): number;
}
/** The parts of the WebAssembly global textloom uses. */
export interface WasmApi {
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (m: WasmModule, imports: object) => { exports: unknown };
  Memory: new (d: { initial: number; maximum: number; shared: boolean }) => WasmMemory;
}
/** The WebAssembly global, typed. */
export const WA = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

let compiled: WasmModule | undefined;

/** The compiled module (compiled once per thread). */
export function vecopsModule(): WasmModule {
  compiled ??= new WA.Module(Buffer.from(VECOPS_WASM_BASE64, 'base64'));
  return compiled;
}

const PAGE = 65536;
const MAX_PAGES = 65536;
/** The largest shared memory a module with 32-bit addresses can use: 4 GiB. */
export const MAX_MEMORY_BYTES = PAGE * MAX_PAGES;

/** A shared memory of at least `bytes` bytes (at most 4 GiB: the module uses 32-bit addresses). */
export function createMemory(bytes: number): WasmMemory {
  const pages = Math.max(1, Math.ceil(bytes / PAGE));
  if (pages > MAX_PAGES) throw new ArgumentError(`the model needs ${(bytes / 2 ** 30).toFixed(1)} GiB of weights; the limit is 4 GiB (reduce vectorSize or the vocabulary)`, { key: 'vectorSize' });
  return new WA.Memory({ initial: pages, maximum: pages, shared: true });
}

/**
 * A shared memory of at least `bytes` bytes that can later {@link WasmMemory.grow} up to 4 GiB
 * (address space is reserved, pages are committed as they are used).
 */
export function createGrowableMemory(bytes: number): WasmMemory {
  const pages = Math.max(1, Math.ceil(bytes / PAGE));
  if (pages > MAX_PAGES) throw new ArgumentError(`${(bytes / 2 ** 30).toFixed(1)} GiB does not fit in WebAssembly memory; the limit is 4 GiB`, { key: 'size' });
  return new WA.Memory({ initial: pages, maximum: MAX_PAGES, shared: true });
}

/** Grows `memory` to at least `bytes` bytes (a no-op when it is large enough); false when 4 GiB would not suffice. */
export function ensureMemory(memory: WasmMemory, bytes: number): boolean {
  const have = memory.buffer.byteLength;
  if (bytes <= have) return true;
  const pages = Math.ceil(bytes / PAGE);
  if (pages > MAX_PAGES) return false;
  // Grow at least by half of the current size, so a run of appends costs amortized O(1) grows.
  const want = Math.min(MAX_PAGES, Math.max(pages, Math.ceil((have * 1.5) / PAGE)));
  memory.grow(want - have / PAGE);
  return true;
}

/** Instantiates the primitives over `memory`. */
export function instantiateVecops(memory: WasmMemory, module: WasmModule = vecopsModule()): VecOps {
  const inst = new WA.Instance(module, { env: { memory } });
  return inst.exports as unknown as VecOps;
}
