import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArgumentError, createPipeline, createVectorsComponent, Doc, docVector, hasVector, KeyedVectors, similarity, spanVector, tokenVector } from '../../src/index.js';

const kv = new KeyedVectors(['cats', 'dogs', 'purr', 'bark'], Float32Array.from([1, 0, 0.8, 0.2, 1, 1, 0, 1]), 2);

describe('createVectorsComponent', () => {
  it('assigns rows; tokenVector/spanVector/docVector follow spaCy (unknown tokens are zeros in the mean)', () => {
    const doc = Doc.fromWords(['cats', 'purr', 'loudly']);
    createVectorsComponent(kv).process(doc);
    expect(Array.from(tokenVector(doc.token(0)))).toEqual([1, 0]);
    expect(hasVector(doc.token(2))).toBe(false);
    expect(Array.from(tokenVector(doc.token(2)))).toEqual([0, 0]);
    expect(Array.from(docVector(doc))).toEqual([Math.fround(2 / 3), Math.fround(1 / 3)]);
    expect(Array.from(spanVector(doc.span(0, 2)))).toEqual([1, 0.5]);
  });
  it('falls back to lower case when asked', () => {
    const doc = Doc.fromWords(['Cats']);
    createVectorsComponent(kv, { lowercaseFallback: true }).process(doc);
    expect(hasVector(doc.token(0))).toBe(true);
  });
});

describe('similarity', () => {
  it('is the cosine of the vectors, 0 for an all-unknown doc', () => {
    const comp = createVectorsComponent(kv);
    const a = Doc.fromWords(['cats', 'purr']);
    const b = Doc.fromWords(['dogs', 'bark']);
    const c = Doc.fromWords(['zzz']);
    for (const d of [a, b, c]) comp.process(d);
    const va = [1, 0.5];
    const vb = [0.4, 0.6];
    expect(similarity(a, b)).toBeCloseTo((va[0]! * vb[0]! + va[1]! * vb[1]!) / Math.hypot(...va) / Math.hypot(...vb), 6);
    expect(similarity(a.token(0), b.token(0))).toBeCloseTo(kv.similarity('cats', 'dogs'), 6);
    expect(similarity(a, c)).toBe(0);
  });
  it('explains a doc without vectors', () => {
    expect(() => docVector(Doc.fromWords(['x']))).toThrow(ArgumentError);
  });
});

describe('vectors factory', () => {
  it('loads a vectors file from a pipeline config', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tl-vc-'));
    await kv.save(join(dir, 'v.tlv'));
    const nlp = await createPipeline({ tokenizer: { factory: 'whitespace' }, components: [{ name: 'vectors', options: { path: 'v.tlv' } }] }, { baseDir: dir });
    const doc = nlp('cats bark');
    expect(Array.from(docVector(doc))).toEqual([0.5, 0.5]);
  });
  it('is added synchronously by addPipe from every vector format', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tl-vc-'));
    for (const name of ['v.txt', 'v.bin', 'v.tlv']) {
      await kv.save(join(dir, name));
      const nlp = await createPipeline({ tokenizer: { factory: 'whitespace' } });
      nlp.addPipe('vectors', { options: { path: join(dir, name) } });
      expect(nlp.pipeNames).toEqual(['vectors']);
      expect(Array.from(docVector(nlp('cats bark'))), name).toEqual([0.5, 0.5]);
    }
  });
});

describe('spaCy-style getters on Token, Span and Doc', () => {
  it('read through the hook the vectors component sets', () => {
    const comp = createVectorsComponent(kv);
    const a = Doc.fromWords(['cats', 'purr', 'loudly']);
    const b = Doc.fromWords(['dogs', 'bark']);
    comp.process(a);
    comp.process(b);
    expect(Array.from(a.token(0).vector)).toEqual([1, 0]);
    expect(a.token(0).hasVector).toBe(true);
    expect(a.token(2).hasVector).toBe(false);
    expect(Array.from(a.vector)).toEqual(Array.from(docVector(a)));
    expect(Array.from(a.span(0, 2).vector)).toEqual([1, 0.5]);
    expect(a.similarity(b)).toBeCloseTo(similarity(a, b), 12);
    expect(a.token(0).similarity(b.token(0))).toBeCloseTo(kv.similarity('cats', 'dogs'), 6);
    expect(a.span(0, 2).similarity(b)).toBeCloseTo(similarity(a.span(0, 2), b), 12);
  });
  it('throw a clear error on a doc without vectors', () => {
    const d = Doc.fromWords(['x']);
    expect(() => d.vector).toThrow(/vectors/);
    expect(d.token(0).hasVector).toBe(false);
  });
});
