import { describe, expect, it } from 'vitest';
import { Doc, PhraseMatcher, Rng, Vocab } from '../../../src/index.js';

const vocab = new Vocab();
const d = (text: string): Doc => Doc.fromWords(text.split(' '), { vocab });
const run = (pm: PhraseMatcher, doc: Doc) => pm.match(doc).map(([id, s, e]) => [vocab.strings.get(id), s, e]);

describe('PhraseMatcher constructor', () => {
  it('rejects unknown attributes', () => {
    expect(() => new PhraseMatcher(vocab, { attr: 'NOPE' })).toThrow(/attr must be one of/);
    expect(new PhraseMatcher(vocab, { attr: 'text' }).attr).toBe('ORTH');
  });
});

describe('PhraseMatcher.add / has / remove', () => {
  it('adds, reports and removes keys', () => {
    const pm = new PhraseMatcher(vocab);
    pm.add('CITY', [d('Paris'), d('New York')]);
    expect(pm.has('CITY')).toBe(true);
    expect(pm.size).toBe(1);
    expect(run(pm, d('from Paris to New York'))).toEqual([['CITY', 1, 2], ['CITY', 3, 5]]);
    pm.remove('CITY');
    expect(pm.has('CITY')).toBe(false);
    expect(run(pm, d('from Paris to New York'))).toEqual([]);
    expect(() => pm.remove('CITY')).toThrow(/no phrases/);
    pm.add('CITY', [d('Paris')]);
    expect(run(pm, d('Paris'))).toEqual([['CITY', 0, 1]]);
  });
  it('rejects non-docs, foreign vocabs and unannotated docs for POS', () => {
    const pm = new PhraseMatcher(vocab);
    expect(() => pm.add('X', ['text' as unknown as Doc])).toThrow(/not a Doc/);
    expect(() => pm.add('X', [Doc.fromWords(['a'])])).toThrow(/different vocab/);
    expect(() => new PhraseMatcher(vocab, { attr: 'POS' }).add('X', [d('a b')])).toThrow(/POS annotation/);
  });
});

describe('PhraseMatcher.match', () => {
  it('finds overlapping and nested phrases in start, end order', () => {
    const pm = new PhraseMatcher(vocab);
    pm.add('GPE', [d('New York'), d('New York City'), d('York')]);
    pm.add('ALSO', [d('New York')]);
    expect(run(pm, d('I love New York City'))).toEqual([
      ['GPE', 2, 4],
      ['ALSO', 2, 4],
      ['GPE', 2, 5],
      ['GPE', 3, 4],
    ]);
  });
  it('matches on LOWER and SHAPE', () => {
    const pm = new PhraseMatcher(vocab, { attr: 'LOWER' });
    pm.add('CITY', [d('new york')]);
    expect(run(pm, d('NEW YORK and New York'))).toEqual([['CITY', 0, 2], ['CITY', 3, 5]]);
    const shape = new PhraseMatcher(vocab, { attr: 'SHAPE' });
    shape.add('NUM', [d('12:30')]);
    expect(run(shape, d('at 09:15 or 1:00'))).toEqual([['NUM', 1, 2]]);
  });
  it('matches on POS', () => {
    const pm = new PhraseMatcher(vocab, { attr: 'POS' });
    const p = d('the dog');
    p.pos.set([vocab.strings.add('DET'), vocab.strings.add('NOUN')]);
    pm.add('NP', [p]);
    const doc = d('a cat sat');
    doc.pos.set([vocab.strings.add('DET'), vocab.strings.add('NOUN'), vocab.strings.add('VERB')]);
    expect(run(pm, doc)).toEqual([['NP', 0, 2]]);
  });
  it('on a span, returns doc coordinates inside the span only', () => {
    const pm = new PhraseMatcher(vocab);
    pm.add('X', [d('a b')]);
    const doc = d('a b a b a b');
    expect(pm.match(doc.span(1, 5)).map(([, s, e]) => [s, e])).toEqual([[2, 4]]);
    expect(pm.match(doc.span(2, 6), { asSpans: true }).map((s) => [s.start, s.end, s.label])).toEqual([[2, 4, 'X'], [4, 6, 'X']]);
  });
  it('runs callbacks with the match index', () => {
    const seen: number[] = [];
    const pm = new PhraseMatcher(vocab);
    pm.add('X', [d('b')], { onMatch: (_m, _d, i, ms) => seen.push(ms[i]![1]) });
    pm.add('Y', [d('a')]);
    pm.match(d('a b a b'));
    expect(seen).toEqual([1, 3]);
  });
  it('agrees with a naive scan on random phrase lists', () => {
    const rng = new Rng(7);
    const alphabet = ['a', 'b', 'c', 'd'];
    const words = (n: number) => Array.from({ length: n }, () => alphabet[rng.int(alphabet.length)]!);
    const phrases = Array.from({ length: 60 }, () => words(1 + rng.int(4)));
    const pm = new PhraseMatcher(vocab);
    phrases.forEach((p, i) => pm.add(`K${i % 7}`, [Doc.fromWords(p, { vocab })]));
    const text = words(300);
    const doc = Doc.fromWords(text, { vocab });
    const want = new Set<string>();
    for (let s = 0; s < text.length; s++) {
      phrases.forEach((p, i) => {
        if (p.every((w, k) => text[s + k] === w)) want.add(`K${i % 7}:${s}:${s + p.length}`);
      });
    }
    const got = pm.match(doc).map(([id, s, e]) => `${vocab.strings.get(id)}:${s}:${e}`);
    expect(new Set(got).size).toBe(got.length);
    expect(new Set(got)).toEqual(want);
    const starts = pm.match(doc).map(([, s, e]) => s * 1000 + e);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });
});
