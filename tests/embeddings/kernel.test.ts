import { describe, expect, it } from 'vitest';
import { buildHuffman } from '../../src/embeddings/huffman.js';
import { EXP_TABLE_SIZE, lcgNext, makeExpTable, planTrainMemory, startTrainer, trainBatch, type TrainerInit, type TrainLayout } from '../../src/embeddings/kernel.js';
import { buildCumulativeTable, buildNoiseTable } from '../../src/embeddings/noise-table.js';
import { trainModule } from '../../src/embeddings/wasm/train.js';
import { createMemory, instantiateVecops, WA, type WasmMemory } from '../../src/ann/wasm/vecops.js';
import { Rng } from '../../src/util/rng.js';
import { trainBatch as referenceTrainBatch, type KernelState } from './reference-kernel.js';

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

/** A training memory with its tables filled, plus the per-thread init. */
interface Setup {
  memory: WasmMemory;
  layout: TrainLayout;
  init: TrainerInit;
  codeStart: Int32Array;
}

interface Params {
  V: number;
  dim: number;
  window: number;
  negative: number;
  hs: boolean;
  sg: boolean;
  cbowMean: boolean;
  sample: boolean;
  maxLen: number;
  chunkWords: number;
  tableSize: number;
  seed: [number, number];
  /** gensim's cumulative noise table (tableSize is then V). */
  cumulative?: boolean;
}

function setup(p: Params, fill: (s: Setup) => void): Setup {
  if (p.cumulative) p = { ...p, tableSize: p.V };
  const counts = Array.from({ length: p.V }, (_, i) => Math.max(1, Math.floor(1000 / (i + 1))));
  const h = p.hs ? buildHuffman(counts) : undefined;
  const layout = planTrainMemory({ vocabSize: p.V, dim: p.dim, hs: p.hs, negative: p.negative, tableSize: p.negative > 0 ? p.tableSize : 0, codesLength: h ? h.codes.length : 0, threads: 1, maxSentenceLength: p.maxLen, chunkWords: p.chunkWords });
  const memory = createMemory(layout.bytes);
  const buf = memory.buffer;
  new Float32Array(buf, layout.expTableB, EXP_TABLE_SIZE + 1).set(makeExpTable());
  const codeStart = new Int32Array(buf, layout.codeStartB, p.V + 1);
  if (h) {
    new Uint8Array(buf, layout.codesB, h.codes.length).set(h.codes);
    new Int32Array(buf, layout.pointsB, h.points.length).set(h.points);
    codeStart.set(h.start);
  }
  if (p.negative > 0 && p.cumulative) buildCumulativeTable(counts, 0.75, new Int32Array(buf, layout.tableB, p.tableSize));
  else if (p.negative > 0) buildNoiseTable(counts, p.tableSize, 0.75, new Int32Array(buf, layout.tableB, p.tableSize));
  const init: TrainerInit = { cumulative: p.cumulative ? 1 : 0, layout, thread: 0, dim: p.dim, window: p.window, negative: p.negative, hs: p.hs ? 1 : 0, sg: p.sg ? 1 : 0, cbowMean: p.cbowMean ? 1 : 0, tableSize: p.negative > 0 ? p.tableSize : 0, vocabSize: p.V, sample: p.sample ? 1 : 0, maxSentenceLength: p.maxLen, rng: p.seed };
  const s = { memory, layout, init, codeStart };
  fill(s);
  return s;
}

/** The reference kernel's state over the same memory layout. */
function referenceState(s: Setup, p: Params): KernelState {
  const L = s.layout;
  const buf = s.memory.buffer;
  const { neu1B, neu1eB } = L.threadB[0]!;
  const codesLen = s.codeStart[p.V]!;
  return {
    ops: instantiateVecops(s.memory),
    syn0B: L.syn0B,
    syn1B: L.syn1B,
    syn1negB: L.syn1negB,
    neu1B,
    neu1eB,
    neu1: new Float32Array(buf, neu1B, p.dim),
    neu1e: new Float32Array(buf, neu1eB, p.dim),
    expTable: new Float32Array(buf, L.expTableB, EXP_TABLE_SIZE + 1),
    table: new Int32Array(buf, L.tableB, p.negative > 0 ? (p.cumulative ? p.V : p.tableSize) : 0),
    codes: new Uint8Array(buf, L.codesB, codesLen),
    points: new Int32Array(buf, L.pointsB, codesLen),
    codeStart: s.codeStart,
    sampleRan: new Float32Array(buf, L.sampleRanB, p.V),
    sen: new Int32Array(p.maxLen),
    rng: new Uint32Array(p.seed),
    dim: p.dim,
    window: p.window,
    negative: p.negative,
    hs: p.hs ? 1 : 0,
    sg: p.sg ? 1 : 0,
    cbowMean: p.cbowMean ? 1 : 0,
    vocabSize: p.V,
    tableSize: p.negative > 0 ? (p.cumulative ? p.V : p.tableSize) : 0,
    cumulative: p.cumulative ? 1 : 0,
    sample: p.sample ? 1 : 0,
  };
}

const TINY: Params = { V: 3, dim: 4, window: 2, negative: 1, hs: false, sg: true, cbowMean: true, sample: false, maxLen: 16, chunkWords: 64, tableSize: 4, seed: [0, 0] };

/** V = 3 words, dim = 4, syn0 = ((i % 7) - 3) / 10, noise table [0, 1, 2, 2]. */
function tiny(over: Partial<Params>, init?: { syn1?: number; sampleRan?: number[]; codes?: number[]; points?: number[]; codeStart?: number[]; table?: number[] }) {
  const p = { ...TINY, ...over };
  const s = setup(p, (st) => {
    const buf = st.memory.buffer;
    new Float32Array(buf, st.layout.syn0B, p.V * p.dim).set(Array.from({ length: p.V * p.dim }, (_, i) => ((i % 7) - 3) / 10));
    const table = init?.table ?? [0, 1, 2, 2];
    if (p.negative > 0) new Int32Array(buf, st.layout.tableB, table.length).set(table);
    if (init?.sampleRan) new Float32Array(buf, st.layout.sampleRanB, p.V).set(init.sampleRan);
    if (p.hs) {
      new Float32Array(buf, st.layout.syn1B, p.V * p.dim).fill(init?.syn1 ?? 0);
      if (init?.codes) new Uint8Array(buf, st.layout.codesB, init.codes.length).set(init.codes);
      if (init?.points) new Int32Array(buf, st.layout.pointsB, init.points.length).set(init.points);
      if (init?.codeStart) st.codeStart.set(init.codeStart);
    }
  });
  const k = startTrainer(WA, s.memory, trainModule(), s.init);
  const view = (b: number) => new Float32Array(s.memory.buffer, b, p.V * p.dim);
  const exp = new Float32Array(s.memory.buffer, s.layout.expTableB, EXP_TABLE_SIZE + 1);
  return { k, exp, syn0: view(s.layout.syn0B), syn1: view(s.layout.syn1B), syn1neg: view(s.layout.syn1negB), rng: () => [k.exports.rngLo() >>> 0, k.exports.rngHi() >>> 0] };
}

describe('trainBatch', () => {
  it.each([
    ['alpha throughout', 0.1, undefined],
    ['alphaFirst on the first position only', 0.1, 0.03],
  ])('applies one skip-gram negative-sampling step exactly as word2vec.c (%s)', (_name, alpha, alphaFirst) => {
    // Sentence [0, 1], window 1: b = next % 1 = 0 so the full window is used. First the centre
    // word 0 with context 1, then centre 1 with context 0. With syn1neg all zero every dot is 0,
    // so the positive gradient is (1 - sigmoid(0)) * alpha and syn1neg[word] += g * syn0[context].
    const { k, syn0: syn0View, syn1neg: syn1negView, rng: rngOf } = tiny({ window: 1, negative: 1 });
    const syn0Before = syn0View.slice();
    const kept = trainBatch(k, new Int32Array([0, 1]), new Int32Array([2]), 1, alpha, alphaFirst);
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
    expect(rngOf()).toEqual(Array.from(rng));
  });

  it('drops words by the subsampling threshold', () => {
    const { k } = tiny({ sample: true }, { sampleRan: [0, 2, 2] });
    // ran = 0 < any draw except 0 drops word 0; ran >= 1 always keeps.
    expect(trainBatch(k, new Int32Array([0, 1, 0, 2, 0]), new Int32Array([5]), 1, 0.025)).toBe(2);
  });

  it('continues sentences longer than the sentence buffer or the input region', () => {
    expect(trainBatch(tiny({ maxLen: 2 }).k, new Int32Array([0, 1, 2, 0, 1]), new Int32Array([5]), 1, 0.025)).toBe(5);
    expect(trainBatch(tiny({ chunkWords: 2 }).k, new Int32Array([0, 1, 2, 0, 1, 2]), new Int32Array([5, 0, 1]), 3, 0.025)).toBe(6);
  });

  it('replaces a </s> (id 0) drawn from the noise table by a uniform word id in [1, V)', () => {
    const { k, syn1neg } = tiny({ negative: 5 }, { table: [0, 0, 0, 0] });
    for (let i = 0; i < 20; i++) trainBatch(k, new Int32Array([1, 2, 1, 2]), new Int32Array([4]), 1, 0.025);
    expect(Array.from(syn1neg.subarray(0, 4))).toEqual([0, 0, 0, 0]); // row 0 is never a target
    expect(syn1neg.subarray(4).some((x) => x !== 0)).toBe(true);
  });

  it('draws noise words from a cumulative table by its bounds (the first i with table[i] > r)', () => {
    const MAX = 2 ** 31 - 1;
    // All the mass on word 2: every draw is 2, a noise word distinct from the centre word 1.
    const on2 = tiny({ negative: 3, cumulative: true }, { table: [0, 0, MAX] });
    // All the mass on word 1: every draw is the centre word itself and is skipped.
    const on1 = tiny({ negative: 3, cumulative: true }, { table: [0, MAX, MAX] });
    for (const t of [on2, on1]) for (let i = 0; i < 5; i++) trainBatch(t.k, new Int32Array([1, 1, 1]), new Int32Array([3]), 1, 0.025);
    const rows = (m: Float32Array) => [0, 1, 2].map((r) => m.subarray(r * 4, r * 4 + 4).some((x) => x !== 0));
    expect(rows(on2.syn1neg)).toEqual([false, true, true]);
    expect(rows(on1.syn1neg)).toEqual([false, true, false]);
  });

  it('draws a window for an empty sentence, as word2vec.c does', () => {
    const { k, syn0, rng } = tiny({});
    const before = syn0.slice();
    expect(trainBatch(k, new Int32Array(0), new Int32Array([0, 0]), 2, 0.025)).toBe(0);
    const want = new Uint32Array([0, 0]);
    lcgNext(want);
    lcgNext(want);
    expect(rng()).toEqual(Array.from(want));
    expect(Array.from(syn0)).toEqual(Array.from(before));
  });

  it('reads the rest of a sentence cut at maxLen as the next one, even if only its </s> is left', () => {
    const full = tiny({ maxLen: 16 });
    const cut = tiny({ maxLen: 2 });
    trainBatch(full.k, new Int32Array([0, 1]), new Int32Array([2]), 1, 0.025);
    trainBatch(cut.k, new Int32Array([0, 1]), new Int32Array([2]), 1, 0.025);
    const want = new Uint32Array(full.rng());
    lcgNext(want); // the empty remainder's window draw
    expect(cut.rng()).toEqual(Array.from(want));
  });

  it('runs CBOW with hierarchical softmax, writing only the weights', () => {
    const { k, syn0, syn1, exp } = tiny({ sg: false, hs: true, negative: 0 }, { syn1: 0.1, codes: [0, 1, 1], points: [1, 1, 0], codeStart: [0, 1, 2, 3] });
    const before = syn1.slice();
    trainBatch(k, new Int32Array([0, 1, 2]), new Int32Array([3]), 1, 0.05);
    expect(Array.from(syn1)).not.toEqual(Array.from(before));
    expect(Array.from(exp)).toEqual(Array.from(makeExpTable())); // no syn1neg without negative sampling: the tables follow syn1
    for (const x of syn0) expect(Number.isFinite(x)).toBe(true);
  });
});

/** Random weights (some large, so both sigmoid clips are hit), thresholds and batches. */
function randomCase(p: Params, seed: number) {
  const rng = new Rng(seed);
  const s = setup(p, (st) => {
    const buf = st.memory.buffer;
    const big = (x: number) => (rng.next() < 0.05 ? x * 40 : x);
    for (const b of [st.layout.syn0B, ...(p.hs ? [st.layout.syn1B] : []), ...(p.negative > 0 ? [st.layout.syn1negB] : [])]) {
      const m = new Float32Array(buf, b, p.V * p.dim);
      for (let i = 0; i < m.length; i++) m[i] = big((rng.next() - 0.5) / 2);
    }
    if (p.sample) {
      const r = new Float32Array(buf, st.layout.sampleRanB, p.V);
      for (let w = 0; w < p.V; w++) r[w] = rng.next() * 1.3;
    }
  });
  const batches: { words: Int32Array; lens: Int32Array; alpha: number; alphaFirst: number }[] = [];
  for (let b = 0; b < 4; b++) {
    const lens: number[] = [];
    const words: number[] = [];
    const nSent = 1 + rng.int(12);
    for (let i = 0; i < nSent; i++) {
      const len = rng.next() < 0.1 ? 0 : rng.next() < 0.15 ? 40 + rng.int(60) : 1 + rng.int(15);
      lens.push(len);
      for (let j = 0; j < len; j++) words.push(rng.int(p.V));
    }
    batches.push({ words: new Int32Array(words), lens: new Int32Array(lens), alpha: 0.05 * (1 - b / 5), alphaFirst: 0.05 * (1 - (b - 0.5) / 5) });
  }
  return { s, batches };
}

describe('trainBatch (equals the JS reference kernel)', () => {
  const cases: [string, Partial<Params>][] = [
    ['sg ns', { sg: true }],
    ['sg hs', { sg: true, hs: true, negative: 0 }],
    ['sg hs+ns sample', { sg: true, hs: true, sample: true }],
    ['cbow mean ns sample', { sg: false, sample: true }],
    ['cbow sum ns', { sg: false, cbowMean: false }],
    ['cbow mean hs', { sg: false, hs: true, negative: 0 }],
    ['cbow sum hs+ns sample, dim 16', { sg: false, cbowMean: false, hs: true, sample: true, dim: 16 }],
    ['sg ns, cumulative noise table', { sg: true, cumulative: true }],
    ['cbow mean ns sample, cumulative noise table', { sg: false, sample: true, cumulative: true }],
  ];
  it.each(cases)('gives identical weights, LCG state and kept counts: %s', (_name, over) => {
    for (let seed = 1; seed <= 3; seed++) {
      const p: Params = { V: 37, dim: 13, window: 3 + seed, negative: 4, hs: false, sg: true, cbowMean: true, sample: false, maxLen: 11 + seed * 7, chunkWords: [5, 23, 1000][seed - 1]!, tableSize: 997, seed: [seed * 7919, seed], ...over };
      const { s, batches } = randomCase(p, seed);
      const ref = createMemory(s.layout.bytes);
      new Uint8Array(ref.buffer).set(new Uint8Array(s.memory.buffer));
      const refState = referenceState({ ...s, memory: ref, codeStart: new Int32Array(ref.buffer, s.layout.codeStartB, p.V + 1) }, p);
      const k = startTrainer(WA, s.memory, trainModule(), s.init);
      for (const b of batches) {
        const want = referenceTrainBatch(refState, b.words, b.lens, b.lens.length, b.alpha, b.alphaFirst);
        expect(trainBatch(k, b.words, b.lens, b.lens.length, b.alpha, b.alphaFirst)).toBe(want);
        expect([k.exports.rngLo() >>> 0, k.exports.rngHi() >>> 0]).toEqual(Array.from(refState.rng));
      }
      // Every weight byte (syn0, syn1, syn1neg) equal; the scratch after them may differ.
      const end = s.layout.expTableB;
      expect(Buffer.from(s.memory.buffer, 0, end).equals(Buffer.from(ref.buffer, 0, end))).toBe(true);
    }
  });
});
