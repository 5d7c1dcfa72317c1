import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VarintReader, varintSize, writeVarint } from '../../src/search/postings/codec.js';
import { NO_MORE_DOCS } from '../../src/search/postings/reader.js';
import { PostingsWriter } from '../../src/search/postings/writer.js';
import { FieldData } from '../../src/search/segment.js';

describe('writeVarint / VarintReader', () => {
  it('round-trips unsigned 32-bit values', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0xffffffff }), { maxLength: 50 }), (vals) => {
        const buf = new Uint8Array(vals.length * 5);
        let p = 0;
        for (const v of vals) {
          const q = writeVarint(buf, p, v);
          expect(q - p).toBe(varintSize(v));
          p = q;
        }
        const r = new VarintReader(buf, 0, p);
        for (const v of vals) expect(r.read()).toBe(v);
        expect(r.pos).toBe(p);
      }),
    );
  });
});

describe('PostingsWriter.add / PostingsCursor', () => {
  it('returns every doc, freq and position written, with next, advance and lazy positions', () => {
    // docs: for each doc, a list of [term, position] occurrences
    const docArb = fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 0, maxLength: 20 });
    fc.assert(
      fc.property(fc.array(docArb, { minLength: 1, maxLength: 40 }), fc.integer({ min: 0, max: 60 }), (docs, target) => {
        const f = new FieldData('f');
        const strings = ['', 't0', 't1', 't2', 't3', 't4', 't5'];
        docs.forEach((terms, d) => {
          const n = terms.length;
          f.addDoc(d, { n, terms: Int32Array.from(terms, (t) => t + 1), surfaces: Int32Array.from(terms, (t) => t + 1), positions: Int32Array.from(terms, (_, i) => i * 2), starts: new Int32Array(n), ends: new Int32Array(n) }, { get: (id) => strings[id]! });
        });
        for (let t = 0; t <= 5; t++) {
          const id = f.dict.get(`t${t}`);
          const want = docs.map((terms, d) => ({ d, pos: terms.flatMap((x, i) => (x === t ? [i * 2] : [])) })).filter((x) => x.pos.length);
          if (id < 0) {
            expect(want).toEqual([]);
            continue;
          }
          expect(f.postings.df[id]).toBe(want.length);
          // full walk, reading positions of every other doc only (lazy skipping)
          const c = f.cursor(id, true);
          want.forEach((w, k) => {
            expect(c.next()).toBe(w.d);
            expect(c.freq).toBe(w.pos.length);
            if (k % 2 === 0) expect(Array.from(c.positions().subarray(0, c.freq))).toEqual(w.pos);
          });
          expect(c.next()).toBe(NO_MORE_DOCS);
          // advance
          const c2 = f.cursor(id, true);
          const first = want.find((w) => w.d >= target);
          expect(c2.advance(target)).toBe(first ? first.d : NO_MORE_DOCS);
          if (first) expect(Array.from(c2.positions().subarray(0, c2.freq))).toEqual(first.pos);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('PostingsCursor.advance (skip data)', () => {
  it('jumps over blocks and lands exactly where a linear walk does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 1, maxLength: 20 }), (seed, targets) => {
        const f = new FieldData('f');
        const strings = ['', 'a', 'b'];
        let x = seed;
        const rand = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32);
        const docsWithA: { d: number; pos: number[] }[] = [];
        for (let d = 0; d < 3000; d++) {
          const n = 1 + Math.floor(rand() * 4);
          const terms = Int32Array.from({ length: n }, () => (rand() < 0.4 ? 1 : 2));
          f.addDoc(d, { n, terms, surfaces: terms, positions: Int32Array.from({ length: n }, (_, i) => i), starts: new Int32Array(n), ends: new Int32Array(n) }, { get: (id) => strings[id]! });
          const pos = [...terms].flatMap((t, i) => (t === 1 ? [i] : []));
          if (pos.length) docsWithA.push({ d, pos });
        }
        const id = f.dict.get('a');
        expect(f.postings.skips(id).length).toBe(Math.floor(docsWithA.length / 128) * 4);
        const c = f.cursor(id, true);
        for (const t of [...targets].sort((a, b) => a - b)) {
          const want = docsWithA.find((w) => w.d >= Math.max(t, c.doc));
          const got = c.advance(t);
          expect(got).toBe(want ? want.d : NO_MORE_DOCS);
          if (want) expect(Array.from(c.positions().subarray(0, c.freq))).toEqual(want.pos);
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('PostingsWriter.appendPostings', () => {
  /** A term's postings: ascending docs, each with ascending positions. */
  const termArb = fc
    .uniqueArray(fc.integer({ min: 0, max: 600 }), { minLength: 1, maxLength: 400 })
    .chain((docs) => fc.tuple(fc.constant(docs.sort((a, b) => a - b)), fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 70000 }), { minLength: 1, maxLength: 4 }), { minLength: docs.length, maxLength: docs.length })));

  const build = (docs: number[], positions: number[][], shift = 0): PostingsWriter => {
    const w = new PostingsWriter();
    w.ensure(1);
    docs.forEach((d, i) => {
      const p = Int32Array.from(positions[i]!.sort((a, b) => a - b));
      w.add(0, d + shift, p, 0, p.length);
    });
    return w;
  };
  const same = (a: PostingsWriter, b: PostingsWriter) => {
    const bytes = (s: [Uint8Array, number, number]) => Array.from(s[0].subarray(s[1], s[2]));
    expect(bytes(a.docSlice(0))).toEqual(bytes(b.docSlice(0)));
    expect(bytes(a.posSlice(0))).toEqual(bytes(b.posSlice(0)));
    expect(Array.from(a.skips(0))).toEqual(Array.from(b.skips(0)));
    expect([a.df[0], a.ctf[0], a.maxFreq[0], a.lastDoc[0]]).toEqual([b.df[0], b.ctf[0], b.maxFreq[0], b.lastDoc[0]]);
  };

  it('writes the bytes, skips and statistics add() writes for the same docs (shifted or remapped)', () => {
    fc.assert(
      fc.property(termArb, fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 2, max: 5 }), ([docs, positions], base, every) => {
        const src = build(docs, positions);
        // Renumbered by a base, as a merge appends a later segment.
        const shifted = new PostingsWriter();
        shifted.ensure(1);
        const occ = shifted.appendPostings(0, docs.length, src.docSlice(0), src.posSlice(0), base, null);
        expect(occ).toBe(src.ctf[0]);
        same(shifted, build(docs, positions, base));
        // Through a remap that drops every `every`-th doc (deleted) and renumbers the rest densely.
        const remap = new Int32Array(601).fill(-1);
        const keptDocs: number[] = [];
        const keptPos: number[][] = [];
        docs.forEach((d, i) => {
          if (i % every === 0) return;
          remap[d] = keptDocs.length;
          keptDocs.push(keptDocs.length);
          keptPos.push(positions[i]!);
        });
        const remapped = new PostingsWriter();
        remapped.ensure(1);
        remapped.appendPostings(0, docs.length, src.docSlice(0), src.posSlice(0), 0, remap);
        if (keptDocs.length) same(remapped, build(keptDocs, keptPos));
        else expect(remapped.df[0]).toBe(0);
      }),
      { numRuns: 60 },
    );
  });
});
