import { describe, expect, it } from 'vitest';
import { openCorpus } from '../../src/embeddings/corpus.js';
import { buildVocab } from '../../src/embeddings/vocab-build.js';

describe('buildVocab', () => {
  it('puts </s> first, sorts by count (ties in first-seen order) and applies minCount', async () => {
    const v = await buildVocab(openCorpus([['b', 'a', 'c', 'a'], ['c', 'd', 'b', 'a']]), { minCount: 2 });
    expect(v.words).toEqual(['</s>', 'a', 'b', 'c']);
    expect(Array.from(v.counts)).toEqual([2, 3, 2, 2]); // </s> once per sentence, kept below minCount
    expect(v.trainWords).toBe(9); // word2vec.c's train_words counts </s>
    expect(v.rawWords).toBe(8);
    expect(v.sentences).toBe(2);
  });
  it('prunes rare words when maxVocabSize is exceeded, like ReduceVocab', async () => {
    const sents = [['x', 'x', 'x', 'y', 'y'], ['s1', 's2', 's3'], ['x', 'y', 's4']];
    const v = await buildVocab(openCorpus(sents), { minCount: 1, maxVocabSize: 3 });
    // After sentence 2 there are 5 distinct words > 3: words seen once are dropped (s1..s3).
    expect(v.words).toEqual(['</s>', 'x', 'y', 's4']);
  });
  it('counts a literal </s> token as the end-of-sentence word', async () => {
    const v = await buildVocab(openCorpus([['a', '</s>', 'b'], ['a']]), { minCount: 1 });
    expect(v.words).toEqual(['</s>', 'a', 'b']);
    expect(Array.from(v.counts)).toEqual([3, 2, 1]);
  });
});
