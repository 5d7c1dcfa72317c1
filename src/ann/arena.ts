/**
 * Fixed-size rows (float32 vectors or int8 codes) in one growable WebAssembly memory, after a
 * scratch region that holds queries and score buffers, so the SIMD kernels read rows and queries
 * by byte offset with no copy. Growing the memory replaces its buffer, so typed views are taken
 * again through {@link RowArena.f32} / {@link RowArena.i8} after any {@link RowArena.reserve}.
 */
import { ArgumentError } from '../core/errors.js';
import { createGrowableMemory, ensureMemory, instantiateVecops, type VecOps, type WasmMemory } from './wasm/vecops.js';

function align16(n: number): number {
  return Math.ceil(n / 16) * 16;
}

/** Rows of `rowBytes` bytes each at byte {@link RowArena.base} + i * rowBytes. */
export class RowArena {
  /** The SIMD kernels, bound to this arena's memory. */
  readonly ops: VecOps;
  /** Byte offset of row 0. */
  readonly base: number;
  private readonly memory: WasmMemory;
  private f32View: Float32Array;
  private i8View: Int8Array;

  /**
   * @param rowBytes bytes per row.
   * @param scratchBytes bytes reserved at offset 0 for queries and score buffers.
   * @param rows rows to make room for now.
   */
  constructor(readonly rowBytes: number, readonly scratchBytes: number, rows: number) {
    this.base = align16(scratchBytes);
    this.memory = createGrowableMemory(this.base + Math.max(1, rows) * rowBytes);
    this.ops = instantiateVecops(this.memory);
    this.f32View = new Float32Array(this.memory.buffer);
    this.i8View = new Int8Array(this.memory.buffer);
  }

  /** Rows that fit without growing. */
  get capacity(): number {
    return Math.floor((this.memory.buffer.byteLength - this.base) / this.rowBytes);
  }

  /** Bytes of memory in use (scratch + rows up to the capacity). */
  get bytes(): number {
    return this.memory.buffer.byteLength;
  }

  /** Makes room for `rows` rows; throws when they would not fit in 4 GiB. */
  reserve(rows: number): void {
    if (rows <= this.capacity) return;
    if (!ensureMemory(this.memory, this.base + rows * this.rowBytes)) {
      throw new ArgumentError(`${rows} vectors of ${this.rowBytes} bytes do not fit in the 4 GiB WebAssembly memory`, { key: 'vectors' });
    }
    this.f32View = new Float32Array(this.memory.buffer);
    this.i8View = new Int8Array(this.memory.buffer);
  }

  /** Byte offset of row `i`. */
  rowPtr(i: number): number {
    return this.base + i * this.rowBytes;
  }

  /** The whole memory as float32 (index = byte offset / 4); valid until the next {@link reserve}. */
  f32(): Float32Array {
    if (this.f32View.buffer.byteLength !== this.memory.buffer.byteLength) this.f32View = new Float32Array(this.memory.buffer);
    return this.f32View;
  }

  /** The whole memory as int8 (index = byte offset); valid until the next {@link reserve}. */
  i8(): Int8Array {
    if (this.i8View.buffer.byteLength !== this.memory.buffer.byteLength) this.i8View = new Int8Array(this.memory.buffer);
    return this.i8View;
  }
}
