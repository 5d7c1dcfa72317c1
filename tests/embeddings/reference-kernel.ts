/**
 * The JS reference kernel: the word2vec hot loop as it was before the WebAssembly trainer
 * (src/embeddings/kernel.ts at commit c5b894d of branch w2vq, word2vec.c's rules after the
 * fidelity audit; unchanged apart from this header), a JS loop that calls the SIMD primitives of
 * wasm/vecops.wat per (word, context) pair. Test-only: it is the oracle the WebAssembly kernel
 * (wasm/train.wat) must match bit for bit.
 */

/** The SIMD primitives the kernel calls (see wasm/vecops.ts); pointers are byte offsets. */
export interface KernelOps {
  dot(a: number, b: number, n: number): number;
  upd(g: number, e: number, out: number, inp: number, n: number): void;
  axpy(a: number, x: number, y: number, n: number): void;
}

/**
 * Everything the kernel reads and writes, flattened. The weight matrices live in one shared
 * WebAssembly memory (Hogwild across threads) addressed by byte offsets; the rest is per-thread
 * scratch or read-only tables.
 */
export interface KernelState {
  ops: KernelOps;
  /** Byte offsets of syn0 (vocabSize x dim), syn1 ((vocabSize - 1) x dim, hs) and syn1neg (vocabSize x dim, negative). */
  syn0B: number;
  syn1B: number;
  syn1negB: number;
  /** Byte offsets of this thread's hidden layer (CBOW) and error accumulator, dim floats each. */
  neu1B: number;
  neu1eB: number;
  /** Float32 views of the same two scratch vectors. */
  neu1: Float32Array;
  neu1e: Float32Array;
  /** Sigmoid table of EXP_TABLE_SIZE entries (see {@link makeExpTable}). */
  expTable: Float32Array;
  /** Unigram^0.75 noise table (word ids). */
  table: Int32Array;
  /** Huffman codes (0/1) and inner-node points, flattened; word w owns [codeStart[w], codeStart[w+1]). */
  codes: Uint8Array;
  points: Int32Array;
  codeStart: Int32Array;
  /** Per-word subsampling threshold `ran` (word2vec.c), used when `sample` is 1. */
  sampleRan: Float32Array;
  /** Scratch sentence after subsampling (maxSentenceLength). */
  sen: Int32Array;
  /** 64-bit LCG state as [low 32 bits, high 32 bits]. */
  rng: Uint32Array;
  dim: number;
  window: number;
  negative: number;
  /** 1 for hierarchical softmax. */
  hs: number;
  /** 1 for skip-gram, 0 for CBOW. */
  sg: number;
  /** CBOW: 1 averages the context vectors (word2vec.c), 0 sums them. */
  cbowMean: number;
  vocabSize: number;
  tableSize: number;
  /** 1 when `table` is a cumulative table (draw: the first i with table[i] > (next >> 16) % table[tableSize - 1]). */
  cumulative?: number;
  /** 1 when frequent-word subsampling is on. */
  sample: number;
}

/**
 * Trains on `nSent` sentences laid out back to back in `words` (word ids) with lengths in
 * `sentLens`, at learning rate `alpha`, except the batch's first training position, which uses
 * `alphaFirst` (default `alpha`): word2vec.c updates alpha after the first position of the
 * sentence that crossed its 10000-word mark. Returns the number of words left after subsampling.
 *
 * Exactly word2vec.c's per-sentence procedure: subsample with `ran < (next & 0xFFFF) / 65536`
 * dropping the word; per position draw `b = next % window` (the window shrink); CBOW builds the
 * (mean or sum) context vector and applies the same error to every context word; skip-gram
 * updates each context word's input vector against the centre word's outputs; hierarchical
 * softmax skips |f| >= MAX_EXP, negative sampling uses the clipped gradient; noise words are
 * `table[(next >> 16) % tableSize]` (a `</s>`, id 0, is replaced by `next % (vocabSize - 1) + 1`),
 * skipped when equal to the centre word.
 */
export function trainBatch(st: KernelState, words: Int32Array, sentLens: Int32Array, nSent: number, alpha: number, alphaFirst: number = alpha): number {
  const ops = st.ops;
  const dot = ops.dot;
  const upd = ops.upd;
  const axpy = ops.axpy;
  const syn0B = st.syn0B;
  const syn1B = st.syn1B;
  const syn1negB = st.syn1negB;
  const neu1B = st.neu1B;
  const neu1eB = st.neu1eB;
  const neu1 = st.neu1;
  const neu1e = st.neu1e;
  const expTable = st.expTable;
  const table = st.table;
  const codes = st.codes;
  const points = st.points;
  const codeStart = st.codeStart;
  const sampleRan = st.sampleRan;
  const sen = st.sen;
  const rng = st.rng;
  const dim = st.dim;
  const row = dim * 4; // bytes per vector
  const window = st.window;
  const negative = st.negative;
  const hs = st.hs;
  const sg = st.sg;
  const cbowMean = st.cbowMean;
  const tableSize = st.tableSize;
  const cumulative = st.cumulative === 1;
  const cumTotal = cumulative && tableSize > 0 ? table[tableSize - 1]! : 0;
  const vocabSize = st.vocabSize;
  const sample = st.sample;
  const maxLen = sen.length;
  // word2vec.c indexes the table with (int)((f + MAX_EXP) * (EXP_TABLE_SIZE / MAX_EXP / 2)): C's
  // integer division makes the scale 83 (not 83.33), and f + 6 and the product are C floats.
  const expScale = 83;
  const fr = Math.fround;
  let lr = alphaFirst; // the rate of the next position
  let rlo = rng[0]!;
  let rhi = rng[1]!;
  let kept = 0;
  let pos = 0;
  let s = 0;
  let end = 0;
  let cont = false;
  while (s < nSent || cont) {
    if (!cont) end = pos + sentLens[s++]!;
    // Like word2vec.c, a sentence that keeps maxLen words stops there and the rest (possibly only
    // its </s>, then an empty sentence) is read as the next one.
    let len = 0;
    for (; pos < end && len < maxLen; pos++) {
      const w = words[pos]!;
      if (sample === 1) {
        {
          // next = next * 25214903917 + 11, inlined (see lcgNext)
          const a0 = rlo & 0xffff;
          const a1 = rlo >>> 16;
          const mid = a0 * 0xdeec + a1 * 0xe66d;
          const midHi = Math.floor(mid / 65536);
          const low = a0 * 0xe66d + (mid - midHi * 65536) * 65536 + 11;
          const carry = Math.floor(low / 4294967296);
          rhi = (a1 * 0xdeec + midHi + carry + Math.imul(rhi, 0xdeece66d) + rlo * 5) >>> 0;
          rlo = low - carry * 4294967296;
        }
        if (sampleRan[w]! < (rlo & 0xffff) / 65536) continue;
      }
      sen[len++] = w;
    }
    cont = len === maxLen;
    kept += len;
    if (len === 0) {
      // word2vec.c still draws a window for an empty sentence (with a stale centre word and no context).
      {
        // next = next * 25214903917 + 11, inlined (see lcgNext)
        const a0 = rlo & 0xffff;
        const a1 = rlo >>> 16;
        const mid = a0 * 0xdeec + a1 * 0xe66d;
        const midHi = Math.floor(mid / 65536);
        const low = a0 * 0xe66d + (mid - midHi * 65536) * 65536 + 11;
        const carry = Math.floor(low / 4294967296);
        rhi = (a1 * 0xdeec + midHi + carry + Math.imul(rhi, 0xdeece66d) + rlo * 5) >>> 0;
        rlo = low - carry * 4294967296;
      }
    }
    for (let sp = 0; sp < len; sp++) {
      const word = sen[sp]!;
      const rate = lr;
      lr = alpha;
      {
        // next = next * 25214903917 + 11, inlined (see lcgNext)
        const a0 = rlo & 0xffff;
        const a1 = rlo >>> 16;
        const mid = a0 * 0xdeec + a1 * 0xe66d;
        const midHi = Math.floor(mid / 65536);
        const low = a0 * 0xe66d + (mid - midHi * 65536) * 65536 + 11;
        const carry = Math.floor(low / 4294967296);
        rhi = (a1 * 0xdeec + midHi + carry + Math.imul(rhi, 0xdeece66d) + rlo * 5) >>> 0;
        rlo = low - carry * 4294967296;
      }
      // b = next % window over the 64-bit value, by exact double arithmetic
      const hm = rhi - Math.floor(rhi / window) * window;
      const y = hm * 4294967296 + rlo;
      const b = y - Math.floor(y / window) * window;
      const cStart = codeStart[word]!;
      const cEnd = codeStart[word + 1]!;
      const aEnd = window * 2 + 1 - b;
      // The input side: CBOW's averaged context (neu1) or, in skip-gram, each context word's row.
      let cw = 0;
      if (sg === 0) {
        neu1.fill(0);
        for (let a = b; a < aEnd; a++) {
          if (a === window) continue;
          const cpos = sp - window + a;
          if (cpos < 0 || cpos >= len) continue;
          axpy(1, syn0B + sen[cpos]! * row, neu1B, dim);
          cw++;
        }
        if (cw === 0) continue;
        if (cbowMean === 1) for (let c = 0; c < dim; c++) neu1[c] = neu1[c]! / cw;
      }
      for (let a = sg === 0 ? window : b; a < (sg === 0 ? window + 1 : aEnd); a++) {
        // CBOW makes one pass (a = window); skip-gram one per context word.
        let l1: number;
        if (sg === 0) l1 = neu1B;
        else {
          if (a === window) continue;
          const cpos = sp - window + a;
          if (cpos < 0 || cpos >= len) continue;
          l1 = syn0B + sen[cpos]! * row;
        }
        neu1e.fill(0);
        if (hs === 1) {
          for (let d = cStart; d < cEnd; d++) {
            const l2 = syn1B + points[d]! * row;
            let f = dot(l1, l2, dim);
            if (f <= -6 || f >= 6) continue;
            f = expTable[fr(fr(f + 6) * expScale) | 0]!;
            // g = (1 - code - f) * alpha: the difference is a C float; upd rounds the product to one
            upd(fr(1 - codes[d]! - f) * rate, neu1eB, l2, l1, dim);
          }
        }
        if (negative > 0) {
          for (let d = 0; d <= negative; d++) {
            let target: number;
            let label: number;
            if (d === 0) {
              target = word;
              label = 1;
            } else {
              {
                // next = next * 25214903917 + 11, inlined (see lcgNext)
                const a0 = rlo & 0xffff;
                const a1 = rlo >>> 16;
                const mid = a0 * 0xdeec + a1 * 0xe66d;
                const midHi = Math.floor(mid / 65536);
                const low = a0 * 0xe66d + (mid - midHi * 65536) * 65536 + 11;
                const carry = Math.floor(low / 4294967296);
                rhi = (a1 * 0xdeec + midHi + carry + Math.imul(rhi, 0xdeece66d) + rlo * 5) >>> 0;
                rlo = low - carry * 4294967296;
              }
              const x = rhi * 65536 + (rlo >>> 16); // next >> 16
              if (cumulative) {
                let r = x - Math.floor(x / cumTotal) * cumTotal;
                if (r < 0) r += cumTotal;
                else if (r >= cumTotal) r -= cumTotal;
                let lo = 0;
                let hi = tableSize;
                while (lo < hi) {
                  const mid = (lo + hi) >>> 1;
                  if (table[mid]! <= r) lo = mid + 1;
                  else hi = mid;
                }
                target = lo;
              } else {
                let t = x - Math.floor(x / tableSize) * tableSize;
                if (t < 0) t += tableSize;
                else if (t >= tableSize) t -= tableSize;
                target = table[t]!;
              }
              if (target === 0) {
                // word2vec.c: a </s> drawn from the table becomes next % (vocabSize - 1) + 1, a
                // uniform word; the 64-bit remainder is taken 16 bits at a time, exactly.
                const m = vocabSize - 1;
                let r = rhi % m;
                r = (r * 65536) % m;
                r = (r * 65536) % m;
                target = ((r + rlo) % m) + 1;
              }
              if (target === word) continue;
              label = 0;
            }
            const l2 = syn1negB + target * row;
            const f = dot(l1, l2, dim);
            let g: number;
            if (f > 6) g = (label - 1) * rate;
            else if (f < -6) g = label * rate;
            else g = fr(label - expTable[fr(fr(f + 6) * expScale) | 0]!) * rate;
            upd(g, neu1eB, l2, l1, dim);
          }
        }
        if (sg === 1) axpy(1, neu1eB, l1, dim);
      }
      if (sg === 0) {
        // hidden -> input: every context word receives the whole error, as in word2vec.c
        for (let a = b; a < aEnd; a++) {
          if (a === window) continue;
          const cpos = sp - window + a;
          if (cpos < 0 || cpos >= len) continue;
          axpy(1, neu1eB, syn0B + sen[cpos]! * row, dim);
        }
      }
    }
    lr = alpha; // only the batch's first position (or empty sentence) runs at alphaFirst
  }
  rng[0] = rlo;
  rng[1] = rhi;
  return kept;
}
