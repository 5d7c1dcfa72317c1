/**
 * The exact scan: every live row scored against up to 16 queries at once (store.ts's QUERY_SLOTS).
 * Rows go through in tiles of {@link TILE_ROWS}; each tile is scored by the SIMD `scores` kernel for
 * every query of the batch while it is in cache, so a batch reads the vectors from memory once.
 * Top-k by the fixed-size heap of util/heap.ts.
 */
import { TopK } from '../util/heap.js';
import { TILE_ROWS, type VectorStore } from './store.js';

/** Whether a slot may be returned (tombstones and filters); null accepts every live slot. */
export type SlotFilter = ((slot: number) => boolean) | null;

/**
 * The best `k` live slots for each of the `nq` (<= store.ts's QUERY_SLOTS) queries in the store's scratch
 * slots, whose squared norms are `qNorms`. Heaps hold similarities (higher is closer).
 */
export function flatSearch(store: VectorStore, nq: number, qNorms: Float64Array, k: number, accept: SlotFilter): TopK[] {
  const heaps: TopK[] = [];
  for (let q = 0; q < nq; q++) heaps.push(new TopK(k));
  const thresholds = new Float64Array(nq).fill(-Infinity);
  const { dim, count } = store;
  const ops = store.vec.ops;
  const l2 = store.metric === 'l2';
  const norms = store.norms;
  const deleted = store.deleted;
  const anyDeleted = store.removed > 0;
  for (let start = 0; start < count; start += TILE_ROWS) {
    const rows = Math.min(TILE_ROWS, count - start);
    const tile = store.vec.rowPtr(start);
    for (let q = 0; q < nq; q++) ops.scores(tile, store.queryPtr(q), store.scoresPtr(q), rows, dim);
    const f = store.vec.f32();
    for (let q = 0; q < nq; q++) {
      const at = store.scoresPtr(q) >> 2;
      const heap = heaps[q]!;
      const qn = qNorms[q]!;
      let threshold = thresholds[q]!;
      for (let r = 0; r < rows; r++) {
        const slot = start + r;
        // l2: -|x - q|^2 = 2 x.q - |x|^2 - |q|^2
        const s = l2 ? 2 * f[at + r]! - norms[slot]! - qn : f[at + r]!;
        if (s <= threshold) continue;
        if (anyDeleted && deleted[slot] === 1) continue;
        if (accept !== null && !accept(slot)) continue;
        heap.push(slot, s);
        threshold = heap.threshold;
      }
      thresholds[q] = threshold;
    }
  }
  return heaps;
}

