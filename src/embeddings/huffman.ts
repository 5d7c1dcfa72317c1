/**
 * Hierarchical-softmax codes: word2vec.c's CreateBinaryTree over a vocabulary sorted by
 * descending count. Stage contract: counts (descending) in; flattened codes/points out.
 */
import { ArgumentError } from '../core/errors.js';

/** Flattened Huffman codes: word w's code bits are `codes[start[w] .. start[w+1])`, its inner nodes the same range of `points`. */
export interface HuffmanCodes {
  codes: Uint8Array;
  points: Int32Array;
  /** Length vocabSize + 1. */
  start: Int32Array;
}

/**
 * Builds the Huffman tree exactly as word2vec.c does: two cursors walk the sorted leaf counts
 * and the growing inner-node counts; the second-smallest child gets bit 1. Points index the
 * `syn1` rows of the inner nodes from the root down.
 * @param counts word counts sorted in descending order (at least 2 words).
 * @example buildHuffman([5, 3, 2]).codes
 */
export function buildHuffman(counts: ArrayLike<number>): HuffmanCodes {
  const v = counts.length;
  if (v < 2) throw new ArgumentError(`hierarchical softmax needs at least 2 words in the vocabulary, got ${v}`, { key: 'hs' });
  const count = new Float64Array(2 * v).fill(1e15);
  for (let a = 0; a < v; a++) count[a] = counts[a]!;
  const binary = new Uint8Array(2 * v);
  const parent = new Int32Array(2 * v);
  let pos1 = v - 1;
  let pos2 = v;
  for (let a = 0; a < v - 1; a++) {
    let min1: number;
    let min2: number;
    if (pos1 >= 0 && count[pos1]! < count[pos2]!) min1 = pos1--;
    else min1 = pos2++;
    if (pos1 >= 0 && count[pos1]! < count[pos2]!) min2 = pos1--;
    else min2 = pos2++;
    count[v + a] = count[min1]! + count[min2]!;
    parent[min1] = v + a;
    parent[min2] = v + a;
    binary[min2] = 1;
  }
  const root = 2 * v - 2;
  const start = new Int32Array(v + 1);
  for (let a = 0; a < v; a++) {
    let len = 0;
    for (let b = a; b !== root; b = parent[b]!) len++;
    start[a + 1] = start[a]! + len;
  }
  const codes = new Uint8Array(start[v]!);
  const points = new Int32Array(start[v]!);
  for (let a = 0; a < v; a++) {
    const s = start[a]!;
    const len = start[a + 1]! - s;
    // Walking leaf -> root gives bits in reverse; points are the parents, root first.
    let i = 0;
    for (let b = a; b !== root; b = parent[b]!, i++) {
      codes[s + len - 1 - i] = binary[b]!;
      if (i > 0) points[s + len - i] = b - v;
    }
    points[s] = v - 2;
  }
  return { codes, points, start };
}
