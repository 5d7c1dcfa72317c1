import { describe, expect, it } from 'vitest';
import { adjustCounts } from '../../src/lm/adjust.js';
import { readCorpus } from '../../src/lm/corpus.js';
import { countNgrams } from '../../src/lm/count.js';
import { computeDiscounts, countOfCounts } from '../../src/lm/discount.js';
import { computeLinks } from '../../src/lm/links.js';
import { NgramTable } from '../../src/lm/ngram-table.js';

async function stages(sentences: string[][], order: number) {
  const corpus = await readCorpus(sentences);
  const counts = countNgrams(corpus, order);
  const links = computeLinks(counts.tables);
  const adjusted = adjustCounts(counts, links);
  const get = (n: number, words: string[], col: Uint32Array[]): number => {
    const ids = words.map((w) => corpus.vocab.id(w));
    const e = counts.tables[n - 1]!.find(ids, 0);
    return e < 0 ? -1 : col[n - 1]![e]!;
  };
  return { corpus, counts, adjusted, raw: (w: string[]) => get(w.length, w, counts.counts), adj: (w: string[]) => get(w.length, w, adjusted) };
}

describe('NgramTable', () => {
  it('inserts, finds and grows with dense ids', () => {
    const t = new NgramTable(3, 2);
    const ids = new Uint32Array(3000 * 3);
    for (let i = 0; i < 3000; i++) ids.set([i % 7, i, i * 31], i * 3);
    for (let i = 0; i < 3000; i++) expect(t.insert(ids, i * 3)).toBe(i);
    for (let i = 0; i < 3000; i++) expect(t.insert(ids, i * 3)).toBe(i);
    expect(t.size).toBe(3000);
    for (let i = 0; i < 3000; i++) expect(t.find(ids, i * 3)).toBe(i);
    expect(t.find(Uint32Array.of(1, 2, 3), 0)).toBe(-1);
    t.compact();
    const u = NgramTable.fromKeys(3, t.keys, t.size);
    expect(u.find(ids, 1500 * 3)).toBe(1500);
  });
});

describe('countNgrams', () => {
  it('frames sentences with one <s> and </s> and counts every order', async () => {
    const s = await stages([['a', 'b'], ['a', 'c'], ['b', 'c']], 3);
    expect(s.raw(['<s>', 'a'])).toBe(2);
    expect(s.raw(['c', '</s>'])).toBe(2);
    expect(s.raw(['<s>', 'a', 'b'])).toBe(1);
    expect(s.raw(['<s>', '<s>', 'a'])).toBe(-1);
    expect(s.raw(['<s>'])).toBe(0);
    expect(s.raw(['a'])).toBe(2);
    expect(s.counts.tables.map((t) => t.size)).toEqual([6, 7, 6]);
  });

  it('derives the same context and suffix links as hash lookups', async () => {
    const { syntheticCorpus } = await import('./fixtures.js');
    for (const order of [1, 2, 3, 4]) {
      const corpus = await readCorpus(syntheticCorpus(200, order));
      const counts = countNgrams(corpus, order);
      const links = computeLinks(counts.tables);
      for (let n = 2; n <= order; n++) {
        expect([...counts.context[n - 1]!]).toEqual([...links.context[n - 1]!]);
        expect([...counts.suffix[n - 1]!]).toEqual([...links.suffix[n - 1]!]);
      }
    }
  });
});

describe('adjustCounts', () => {
  it('uses continuation counts below the top order except for n-grams starting with <s>', async () => {
    const s = await stages([['a', 'b'], ['a', 'c'], ['b', 'c']], 3);
    // unigrams: distinct left neighbours
    expect(s.adj(['a'])).toBe(1); // <s>
    expect(s.adj(['b'])).toBe(2); // a, <s>
    expect(s.adj(['c'])).toBe(2); // a, b
    expect(s.adj(['</s>'])).toBe(2); // b, c
    expect(s.adj(['<s>'])).toBe(0);
    expect(s.adj(['<unk>'])).toBe(0);
    // bigrams: <s> a keeps its raw count 2; c </s> has left neighbours a, b
    expect(s.adj(['<s>', 'a'])).toBe(2);
    expect(s.adj(['c', '</s>'])).toBe(2);
    expect(s.adj(['a', 'b'])).toBe(1);
    // top order: raw counts
    expect(s.adj(['<s>', 'a', 'b'])).toBe(1);
  });
});

describe('computeDiscounts', () => {
  it('follows D(k) = k - (k+1) Y t(k+1)/t(k), Y = t1/(t1+2 t2)', () => {
    // t1 = 4, t2 = 2, t3 = 1, t4 = 1 -> Y = 0.5, D1 = 0.5, D2 = 1.25, D3 = 1
    const adj = Uint32Array.of(1, 1, 1, 1, 2, 2, 3, 4, 0, 9);
    expect([...countOfCounts(adj)]).toEqual([1, 4, 2, 1, 1]);
    expect(computeDiscounts([adj])[0]!.amount).toEqual([0, 0.5, 1.25, 1]);
  });

  it('throws naming the fix when a count-of-counts is zero, or uses the fallback', () => {
    const adj = Uint32Array.of(1, 1, 2);
    expect(() => computeDiscounts([adj])).toThrow(/discountFallback/);
    expect(computeDiscounts([adj], [0.5, 1, 1.5])[0]!.amount).toEqual([0, 0.5, 1, 1.5]);
  });
});

describe('readCorpus', () => {
  it('maps words below minCount to <unk> and a fixed vocab keeps only its words', async () => {
    const c = await readCorpus([['a', 'b', 'a'], ['c', 'a']], { minCount: 2 });
    expect(c.vocab.words).toEqual(['<unk>', '<s>', '</s>', 'a']);
    expect([...c.ids]).toEqual([3, 0, 3, 0, 3]);
    const v = await readCorpus([['a', 'b'], 'c b'], { vocab: ['b', 'z'] });
    expect(v.vocab.words).toEqual(['<unk>', '<s>', '</s>', 'b', 'z']);
    expect([...v.ids]).toEqual([0, 3, 0, 3]);
  });

  it('rejects reserved tokens and non-arrays, naming the sentence', async () => {
    await expect(readCorpus([['a'], ['b', '</s>']])).rejects.toThrow(/sentence 1.*<\/s>/);
    await expect(readCorpus([42 as never])).rejects.toThrow(/sentence 0/);
    await expect(readCorpus({} as never)).rejects.toThrow(/iterable/);
    await expect(readCorpus('a b c' as never)).rejects.toThrow(/not a string/);
  });
});
