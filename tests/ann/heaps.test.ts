import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drainBestFirst, SlotHeap } from '../../src/ann/heaps.js';

describe('SlotHeap', () => {
  it('pops in descending score order and grows past its first capacity', () => {
    fc.assert(
      fc.property(fc.array(fc.float({ noNaN: true, noDefaultInfinity: true }), { maxLength: 300 }), (scores) => {
        const h = new SlotHeap();
        scores.forEach((s, i) => h.push(i, s));
        const out: number[] = [];
        while (h.size) {
          out.push(h.topScore);
          expect(Math.fround(scores[h.topSlot]!)).toBe(h.topScore);
          h.pop();
        }
        expect(out).toEqual(scores.map((s) => Math.fround(s)).sort((a, b) => b - a));
      }),
    );
  });

  it('replaceTop keeps the ef best (the walk\'s nearest heap on negated similarities); drainBestFirst restores the sign', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 200 }), fc.integer({ min: 1, max: 20 }), (sims, ef) => {
        const h = new SlotHeap();
        sims.forEach((s, i) => {
          if (h.size < ef) h.push(i, -s);
          else if (s > -h.topScore) h.replaceTop(i, -s);
        });
        const slots = new Int32Array(h.size);
        const out = new Float32Array(h.size);
        const n = drainBestFirst(h, slots, out);
        expect(h.size).toBe(0);
        expect(Array.from(out)).toEqual([...sims].sort((a, b) => b - a).slice(0, Math.min(ef, sims.length)));
        for (let i = 0; i < n; i++) expect(sims[slots[i]!]).toBe(out[i]);
      }),
    );
  });
});
