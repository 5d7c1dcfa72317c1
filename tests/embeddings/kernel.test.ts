import { describe, expect, it } from 'vitest';
import { EXP_TABLE_SIZE, lcgNext, makeExpTable, trainBatch, type KernelState } from '../../src/embeddings/kernel.js';
import { createMemory, instantiateVecops } from '../../src/embeddings/wasm/vecops.js';

function bigLcg(seed: bigint, steps: number): bigint[] {
  const out: bigint[] = [];
  let s = seed;
  for (let i = 0; i < steps; i++) {
    s = BigInt.asUintN(64, s * 25214903917n + 11n);
    out.push(s);
  }
  return out;
}

describe('lcgNext', () => {
  it("matches word2vec.c's 64-bit next_random = next_random * 25214903917 + 11", () => {
    for (const seed of [0n, 1n, 7n, 0xffffffffffffffffn, 0x123456789abcdefn]) {
      const s = new Uint32Array([Number(seed & 0xffffffffn), Number(seed >> 32n)]);
      for (const want of bigLcg(seed, 2000)) {
        lcgNext(s);
        expect(BigInt(s[1]!) * 2n ** 32n + BigInt(s[0]!)).toBe(want);
      }
    }
  });
});

describe('makeExpTable', () => {
  it('tabulates the sigmoid over [-6, 6)', () => {
    const t = makeExpTable();
    expect(t[EXP_TABLE_SIZE / 2]).toBeCloseTo(0.5, 6);
    expect(t[0]).toBeCloseTo(1 / (1 + Math.exp(6)), 6);
    expect(t[750]).toBeCloseTo(1 / (1 + Math.exp(-3)), 6);
  });
});

interface Fixture {
  st: KernelState;
  syn0: Float32Array;
  syn1: Float32Array;
  syn1neg: Float32Array;
}

// V = 3 words, dim = 4: syn0 at byte 0, syn1 at 256, syn1neg at 512, scratch at 768/832.
function state(overrides: Partial<KernelState>, init?: { syn1?: number }): Fixture {
  const dim = 4;
  const V = 3;
  const memory = createMemory(1024);
  const syn0 = new Float32Array(memory.buffer, 0, V * dim);
  syn0.set(Array.from({ length: V * dim }, (_, i) => ((i % 7) - 3) / 10));
  const syn1 = new Float32Array(memory.buffer, 256, V * dim).fill(init?.syn1 ?? 0);
  const syn1neg = new Float32Array(memory.buffer, 512, V * dim);
  const st: KernelState = {
    ops: instantiateVecops(memory),
    syn0B: 0,
    syn1B: 256,
    syn1negB: 512,
    neu1B: 768,
    neu1eB: 832,
    neu1: new Float32Array(memory.buffer, 768, dim),
    neu1e: new Float32Array(memory.buffer, 832, dim),
    expTable: makeExpTable(),
    table: new Int32Array([0, 1, 2, 2]),
    codes: new Uint8Array(0),
    points: new Int32Array(0),
    codeStart: new Int32Array(V + 1),
    sampleRan: new Float32Array(V),
    sen: new Int32Array(16),
    rng: new Uint32Array([0, 0]),
    dim,
    window: 2,
    negative: 1,
    hs: 0,
    sg: 1,
    cbowMean: 1,
    vocabSize: V,
    tableSize: 4,
    sample: 0,
    ...overrides,
  };
  return { st, syn0, syn1, syn1neg };
}

describe('trainBatch', () => {
  it.each([
    ['alpha throughout', 0.1, undefined],
    ['alphaFirst on the first position only', 0.1, 0.03],
  ])('applies one skip-gram negative-sampling step exactly as word2vec.c (%s)', (_name, alpha, alphaFirst) => {
    // Sentence [0, 1], window 1: b = next % 1 = 0 so the full window is used. First the centre
    // word 0 with context 1, then centre 1 with context 0. With syn1neg all zero every dot is 0,
    // so the positive gradient is (1 - sigmoid(0)) * alpha and syn1neg[word] += g * syn0[context].
    const { st, syn0: syn0View, syn1neg: syn1negView } = state({ window: 1, negative: 1 });
    const syn0Before = syn0View.slice();
    const kept = trainBatch(st, new Int32Array([0, 1]), new Int32Array([2]), 1, alpha, alphaFirst);
    expect(kept).toBe(2);
    // Replay by hand with the same LCG.
    const rng = new Uint32Array([0, 0]);
    const syn0 = syn0Before.slice();
    const syn1neg = new Float32Array(12);
    const exp = makeExpTable();
    // word2vec.c's index: (int)((f + MAX_EXP) * (EXP_TABLE_SIZE / MAX_EXP / 2)), an integer scale of 83
    const sig = (f: number): number => (f > 6 ? 1 : f < -6 ? 0 : exp[Math.trunc(Math.fround(Math.fround(f + 6) * 83))]!);
    const table = [0, 1, 2, 2];
    for (const [word, ctx, rate] of [
      [0, 1, alphaFirst ?? alpha],
      [1, 0, alpha],
    ] as const) {
      lcgNext(rng); // window draw
      const neu1e = new Float64Array(4);
      for (let d = 0; d <= 1; d++) {
        let target: number = word;
        let label = 1;
        if (d > 0) {
          lcgNext(rng);
          const x = BigInt(rng[1]!) * 2n ** 32n + BigInt(rng[0]!);
          target = table[Number((x >> 16n) % 4n)]!;
          if (target === 0) target = Number(x % 2n) + 1; // next % (V - 1) + 1
          if (target === word) continue;
          label = 0;
        }
        let f = 0;
        for (let c = 0; c < 4; c++) f += syn0[ctx * 4 + c]! * syn1neg[target * 4 + c]!;
        const g = Math.fround(label - sig(f)) * rate;
        for (let c = 0; c < 4; c++) neu1e[c] += g * syn1neg[target * 4 + c]!;
        for (let c = 0; c < 4; c++) syn1neg[target * 4 + c] += g * syn0[ctx * 4 + c]!;
      }
      for (let c = 0; c < 4; c++) syn0[ctx * 4 + c] += neu1e[c]!;
    }
    for (let i = 0; i < 12; i++) {
      expect(syn0View[i]).toBeCloseTo(syn0[i]!, 6);
      expect(syn1negView[i]).toBeCloseTo(syn1neg[i]!, 6);
    }
    expect(Array.from(st.rng)).toEqual(Array.from(rng));
  });

  it('drops words by the subsampling threshold', () => {
    const { st } = state({ sample: 1, sampleRan: new Float32Array([0, 2, 2]) });
    // ran = 0 < any draw except 0 drops word 0; ran >= 1 always keeps.
    const kept = trainBatch(st, new Int32Array([0, 1, 0, 2, 0]), new Int32Array([5]), 1, 0.025);
    expect(kept).toBe(2);
  });

  it('continues sentences longer than the scratch buffer', () => {
    const { st } = state({ sen: new Int32Array(2) });
    expect(trainBatch(st, new Int32Array([0, 1, 2, 0, 1]), new Int32Array([5]), 1, 0.025)).toBe(5);
  });

  it('replaces a </s> (id 0) drawn from the noise table by a uniform word id in [1, V)', () => {
    const { st, syn1neg } = state({ table: new Int32Array([0, 0, 0, 0]), negative: 5 });
    for (let i = 0; i < 20; i++) trainBatch(st, new Int32Array([1, 2, 1, 2]), new Int32Array([4]), 1, 0.025);
    expect(Array.from(syn1neg.subarray(0, 4))).toEqual([0, 0, 0, 0]); // row 0 is never a target
    expect(syn1neg.subarray(4).some((x) => x !== 0)).toBe(true);
  });

  it('draws a window for an empty sentence, as word2vec.c does', () => {
    const { st, syn0 } = state({});
    const before = syn0.slice();
    expect(trainBatch(st, new Int32Array(0), new Int32Array([0, 0]), 2, 0.025)).toBe(0);
    const want = new Uint32Array([0, 0]);
    lcgNext(want);
    lcgNext(want);
    expect(Array.from(st.rng)).toEqual(Array.from(want));
    expect(Array.from(syn0)).toEqual(Array.from(before));
  });

  it('reads the rest of a sentence cut at maxLen as the next one, even if only its </s> is left', () => {
    const full = state({ sen: new Int32Array(16) }).st;
    const cut = state({ sen: new Int32Array(2) }).st;
    trainBatch(full, new Int32Array([0, 1]), new Int32Array([2]), 1, 0.025);
    trainBatch(cut, new Int32Array([0, 1]), new Int32Array([2]), 1, 0.025);
    lcgNext(full.rng); // the empty remainder's window draw
    expect(Array.from(cut.rng)).toEqual(Array.from(full.rng));
  });

  it('runs CBOW with hierarchical softmax without touching syn1neg', () => {
    const { st, syn0, syn1, syn1neg } = state({ sg: 0, hs: 1, negative: 0, codes: new Uint8Array([0, 1, 1]), points: new Int32Array([1, 1, 0]), codeStart: new Int32Array([0, 1, 2, 3]) }, { syn1: 0.1 });
    const before = syn1.slice();
    trainBatch(st, new Int32Array([0, 1, 2]), new Int32Array([3]), 1, 0.05);
    expect(Array.from(syn1)).not.toEqual(Array.from(before));
    expect(Array.from(syn1neg)).toEqual(new Array(12).fill(0));
    for (const x of syn0) expect(Number.isFinite(x)).toBe(true);
  });
});
