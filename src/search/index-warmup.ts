/**
 * Warm-up of the indexing path, once per thread. V8 optimises `FieldData.addDoc`, the postings
 * writer and its arenas after a few hundred ordinary documents, before their rare branches (a
 * buffer growing, an arena compacting, a term's first skip entry, a long document) have run; the
 * first document that takes one then throws the optimised code away and V8 compiles the function
 * again, on every thread of a threaded build. Indexing a small synthetic corpus first, into
 * throwaway fields, then packing and merging them as the threaded build does, records every
 * branch, so each function is compiled once. Nothing of it reaches an index.
 */
import { StringStore } from '../core/strings.js';
import type { TokenStream } from './analyzer.js';
import { mergePacks, packField } from './field-pack.js';
import { FieldData } from './segment.js';


// Distinct terms of the synthetic corpus: more than every scratch table's first size.
const TERMS = 2000;

let warm = false;

/**
 * Runs the indexing path over a synthetic corpus (see the file comment); later calls in the same
 * thread do nothing.
 */
export function warmUpIndexing(): void {
  if (warm) return;
  warm = true;
  const strings = new StringStore();
  const ids = new Int32Array(TERMS);
  for (let t = 0; t < TERMS; t++) ids[t] = strings.add(`w${t.toString(36)}`);
  // Same shape as the analyzer's reused stream.
  const ts: TokenStream = { n: 0, terms: new Int32Array(1024), surfaces: new Int32Array(1024), positions: new Int32Array(1024), starts: new Int32Array(1024), ends: new Int32Array(1024) };
  let seed = 12345;
  const fill = (doc: number): void => {
    // Mostly short docs, an empty one, and a long one late (after the functions have feedback).
    const n = doc === 600 ? 700 : doc === 5 ? 0 : 1 + (doc % 13);
    let pos = 0;
    for (let i = 0; i < n; i++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      const r = seed / 4294967296;
      // Term 0 in every doc (skip entries); then a skewed draw: a few common terms, many rare ones.
      const t = i === 0 ? 0 : Math.floor(TERMS * r * r);
      ts.terms[i] = ids[t]!;
      ts.surfaces[i] = ids[t]!;
      ts.positions[i] = pos;
      ts.starts[i] = pos * 4;
      ts.ends[i] = pos * 4 + 3;
      pos += (seed & 7) === 0 ? 2 : 1;
    }
    ts.n = n;
  };
  // Every other doc number: the first field's norms outgrow their first size.
  const build = (docs: number): FieldData => {
    const f = new FieldData('warm-up');
    for (let d = 0; d < docs; d++) {
      fill(d);
      f.addDoc(2 * d, ts, strings);
    }
    return f;
  };
  const a = build(700);
  const b = build(200);
  const packs = [packField(a, 1400), packField(b, 400)];
  mergePacks(new FieldData('warm-up'), packs, [0, 1400], 1800);
}
