import { describe, expect, it } from 'vitest';
import { openCorpus } from '../../src/embeddings/corpus.js';
import { buildVocab } from '../../src/embeddings/vocab-build.js';

describe('buildVocab', () => {
  it('sorts by count (ties in first-seen order) and applies minCount', async () => {
    const v = await buildVocab(openCorpus([['b', 'a', 'c', 'a'], ['c', 'd', 'b', 'a']]), { minCount: 2 });
    expect(v.words).toEqual(['a', 'b', 'c']);
    expect(Array.from(v.counts)).toEqual([3, 2, 2]);
    expect(v.trainWords).toBe(7);
    expect(v.rawWords).toBe(8);
    expect(v.sentences).toBe(2);
  });
  it('prunes rare words when maxVocabSize is exceeded, like ReduceVocab', async () => {
    const sents = [['x', 'x', 'x', 'y', 'y'], ['s1', 's2', 's3'], ['x', 'y', 's4']];
    const v = await buildVocab(openCorpus(sents), { minCount: 1, maxVocabSize: 3 });
    // After sentence 2 there are 5 distinct words > 3: words seen once are dropped (s1..s3).
    expect(v.words).toEqual(['x', 'y', 's4']);
  });
});
