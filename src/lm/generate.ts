/**
 * Sampling kernels. A step fills log10 p(w | context) for every word id into a reused
 * Float64Array, then draws from p^(1/T), renormalized, over every word except `<s>` and `<unk>`.
 * For backoff models the distribution is built level by level from the children of each context
 * (O(children + |V|) per step instead of |V| hash lookups).
 */
import type { Rng } from '../util/rng.js';
import type { BackoffData } from './model-data.js';
import { BOS, UNK } from './vocab.js';

/** Children of every context: `start[n-1]` (CSR offsets over order n-1 entries) into `list[n-1]` (order n entries). */
export interface ChildIndex {
  start: Uint32Array[];
  list: Uint32Array[];
}

const NONE = 0xffffffff;

/**
 * Builds the child index of a backoff model. An n-gram whose context is not stored (possible in
 * pruned ARPA files from other tools) is left out.
 */
export function buildChildIndex(d: BackoffData): ChildIndex {
  const start: Uint32Array[] = [new Uint32Array(0)];
  const list: Uint32Array[] = [new Uint32Array(0)];
  for (let n = 2; n <= d.order; n++) {
    const t = d.tables[n - 1]!;
    const lower = d.tables[n - 2]!;
    const ctx = new Uint32Array(t.size);
    const s = new Uint32Array(lower.size + 1);
    let kept = 0;
    for (let e = 0; e < t.size; e++) {
      const c = lower.find(t.keys, e * n);
      ctx[e] = c < 0 ? NONE : c;
      if (c >= 0) {
        s[c + 1]!++;
        kept++;
      }
    }
    for (let i = 0; i < lower.size; i++) s[i + 1]! += s[i]!;
    const fill = s.slice(0, lower.size);
    const l = new Uint32Array(kept);
    for (let e = 0; e < t.size; e++) if (ctx[e] !== NONE) l[fill[ctx[e]!]!++] = e;
    start.push(s);
    list.push(l);
  }
  return { start, list };
}

/**
 * Fills `out[w]` = log10 p(w | context) for every word w of a backoff model, the context being
 * `seq[end-ctxLen .. end)`. Same semantics as `backoffLog10`: p(w|h) = prob(h w) if stored, else
 * backoff(h) + p(w|h'); a shift accumulates the backoffs so each level touches only its children.
 */
export function backoffDistribution(d: BackoffData, children: ChildIndex, seq: ArrayLike<number>, end: number, ctxLen: number, out: Float64Array): void {
  const V = d.vocab.size;
  const p1 = d.prob[0]!;
  for (let w = 0; w < V; w++) out[w] = p1[w]!;
  let shift = 0;
  const maxL = Math.min(ctxLen, d.order - 1);
  for (let L = 1; L <= maxL; L++) {
    const e = d.tables[L - 1]!.find(seq, end - L);
    if (e < 0) continue;
    shift += d.backoff[L - 1]![e]!;
    const start = children.start[L]!;
    const list = children.list[L]!;
    const keys = d.tables[L]!.keys;
    const prob = d.prob[L]!;
    for (let i = start[e]!; i < start[e + 1]!; i++) {
      const c = list[i]!;
      out[keys[c * (L + 1) + L]!] = prob[c]! - shift;
    }
  }
  if (shift !== 0) for (let w = 0; w < V; w++) out[w]! += shift;
}

/** Draws a word id from log10 scores `scores[0..V)` at `temperature` (skips `<s>`, `<unk>`); -1 if none. */
export function sampleLog10(scores: Float64Array, V: number, temperature: number, rng: Rng): number {
  const inv = 1 / temperature;
  let max = -Infinity;
  for (let w = 0; w < V; w++) if (w !== BOS && w !== UNK && scores[w]! * inv > max) max = scores[w]! * inv;
  if (max === -Infinity) return -1;
  let sum = 0;
  for (let w = 0; w < V; w++) {
    const s = w === BOS || w === UNK ? -Infinity : scores[w]! * inv;
    const p = s === -Infinity ? 0 : Math.pow(10, s - max);
    scores[w] = p;
    sum += p;
  }
  let u = rng.next() * sum;
  let last = -1;
  for (let w = 0; w < V; w++) {
    const p = scores[w]!;
    if (p === 0) continue;
    last = w;
    u -= p;
    if (u < 0) return w;
  }
  return last;
}
