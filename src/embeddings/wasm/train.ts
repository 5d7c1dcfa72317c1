/**
 * Loader of the word2vec training kernel (train.wat): compiled once per thread, instantiated
 * once per training thread over the shared memory that holds the weights and tables.
 */
import { TRAIN_WASM_BASE64 } from './train-bytes.js';
import { WA, type WasmModule } from '../../ann/wasm/vecops.js';

/** The kernel's exports; pointers are byte offsets into the shared memory. */
export interface TrainExports {
  /** Sets the instance's layout, parameters and LCG state (see kernel.ts `TrainerInit`). */
  setup(...args: number[]): void;
  /**
   * Trains `nLens` sentences from the instance's input region; returns the words kept after
   * subsampling. `flags`: 1 = the last sentence continues in the next call, 2 = this call starts a
   * batch (its first position trains at `alphaFirst`).
   */
  train(nLens: number, alpha: number, alphaFirst: number, flags: number): number;
  /** The LCG state, low and high 32 bits (as signed ints). */
  rngLo(): number;
  rngHi(): number;
}

let compiled: WasmModule | undefined;

/** The compiled training module (compiled once per thread; structured-cloneable to workers). */
export function trainModule(): WasmModule {
  compiled ??= new WA.Module(Buffer.from(TRAIN_WASM_BASE64, 'base64'));
  return compiled;
}
