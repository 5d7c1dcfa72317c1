import { describe, expect, it } from 'vitest';
import { Doc } from '../../src/index.js';

describe('Span', () => {
  const doc = Doc.fromWords(['I', 'like', 'New', 'York', '.', 'It', 'is', 'big', '.']);
  it('has token and char boundaries, text and label', () => {
    const s = doc.span(2, 4, 'GPE');
    expect([s.start, s.end, s.startChar, s.endChar]).toEqual([2, 4, 7, 15]);
    expect(s.text).toBe('New York');
    expect(s.label).toBe('GPE');
    expect(s.length).toBe(2);
    expect([...s].map((t) => t.text)).toEqual(['New', 'York']);
    expect(s.token(-1).text).toBe('York');
    expect(s.withLabel('LOC').label).toBe('LOC');
  });
  it('rejects bad ranges', () => {
    expect(() => doc.span(3, 2)).toThrow(/out of range/);
    expect(() => doc.span(0, 99)).toThrow(/out of range/);
    expect(() => doc.span(-99, 2)).toThrow(/out of range/);
    expect(() => doc.span(-1, -2)).toThrow(/out of range/);
    expect(() => doc.span(0.5, 2)).toThrow(/out of range/);
  });
  it('counts negative indexes from the end, as spaCy doc[-3:-1]', () => {
    const s = doc.span(-3, -1, 'X');
    expect([s.start, s.end, s.text, s.label]).toEqual([6, 8, 'is big', 'X']);
    expect(doc.span(-2, doc.length).text).toBe('big .');
    expect(doc.span(1, -7).text).toBe('like');
  });
  it('token(i) rejects a non-integer index', () => {
    const s = doc.span(2, 4);
    expect(() => s.token(0.5)).toThrow(/out of range/);
    expect(() => s.token(NaN)).toThrow(/out of range/);
  });
  it("sent is the first token's sentence, also for a span across a boundary, as spaCy 3", () => {
    const d = Doc.fromWords(['I', 'like', 'York', '.', 'It', 'is', 'big', '.', 'Yes', '.']);
    d.sentStart.set([1, -1, -1, -1, 1, -1, -1, -1, 1, -1]);
    expect(d.span(1, 3).sent.text).toBe('I like York .');
    expect(d.span(4, 8).sent.text).toBe('It is big .');
    // spaCy: "If the given span crosses sentence boundaries, return only the first sentence".
    expect(d.span(2, 6).sent.text).toBe('I like York .');
    expect(d.span(6, 9).sent.text).toBe('It is big .');
    expect([d.span(5, 5).sent.start, d.span(5, 5).sent.end]).toEqual([4, 8]);
  });
  it('copies into a new doc with toDoc', () => {
    const d = Doc.fromWords(['I', 'like', 'New', 'York', '.']);
    d.ents = [d.span(2, 4, 'GPE')];
    d.pos[3] = d.vocab.strings.add('PROPN');
    d.extension<string>('stem', 'string').set(3, 'york');
    const sub = d.span(1, 4).toDoc();
    expect(sub.text).toBe('like New York');
    expect(sub.length).toBe(3);
    expect(sub.token(2).pos).toBe('PROPN');
    expect(sub.ents.map((e) => [e.start, e.end, e.label])).toEqual([[1, 3, 'GPE']]);
    expect(sub.token(2).ext('stem')).toBe('york');
    expect(sub.token(0).idx).toBe(0);
  });
});
