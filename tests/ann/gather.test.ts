import { describe, expect, it } from 'vitest';
import { VectorStore } from '../../src/ann/store.js';

describe('VectorStore.scoreGathered (the sims kernel)', () => {
  for (const metric of ['l2', 'ip', 'cosine'] as const) {
    for (const dim of [1, 3, 16, 37, 128]) {
      it(`${metric}, dim ${dim}: one call gives each gathered slot's similarity to the query`, () => {
        let s = 12345 + dim;
        const u = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32) * 2 - 1;
        const store = new VectorStore(dim, metric, false, 4);
        for (let i = 0; i < 50; i++) store.append(Float32Array.from({ length: dim }, u), false); // grows the memory past its first size
        store.setQuery(Float32Array.from({ length: dim }, u));
        const ids = [49, 0, 7, 7, 23];
        ids.forEach((id, i) => (store.gatherIds[i] = id));
        store.scoreGathered(ids.length);
        ids.forEach((id, i) => expect(store.gatherSims[i]).toBeCloseTo(store.sim(id), 4));
      });
    }
  }
});
