import { describe, expect, it } from 'vitest';
import { ArgumentError, jackknifeEntityTags, trainTagger } from '../../../src/index.js';

// A tiny treebank where a word's tag depends on what the fold's tagger saw: "lead" is a verb in
// even sentences, a noun in odd ones, so taggers trained on different folds disagree.
const W = (form: string, xpos: string) => ({ form, upos: xpos.startsWith('N') ? 'NOUN' : xpos.startsWith('V') ? 'VERB' : 'X', xpos });
const treebank = Array.from({ length: 12 }, (_, i) => ({
  meta: { sent_id: `s${i}` },
  words: i % 2 === 0 ? [W('they', 'PRP'), W('lead', 'VBP'), W('teams', 'NNS')] : [W('the', 'DT'), W('lead', 'NN'), W('pipes', 'NNS')],
}));

describe('jackknifeEntityTags', () => {
  it("tags each sentence with the tagger of the folds that did not see its treebank sentence; null when its id is missing", () => {
    const sentences = [
      { id: 's4', words: ['they', 'lead', 'teams'] },
      { id: 's3', words: ['the', 'lead', 'pipes'] },
      { id: 'nowhere', words: ['lead'] },
      { id: '', words: ['lead'] },
    ];
    const tags = jackknifeEntityTags(sentences, treebank, { folds: 3, taggerEpochs: 2, seed: 5 });
    // s4 is treebank sentence 4: fold 1, tagged by a tagger trained on folds 0 and 2 with seed 5 + 1.
    const fold1 = trainTagger(treebank.filter((_, i) => i % 3 !== 1), { epochs: 2, seed: 6 });
    expect(tags[0]).toEqual(Array.from(fold1.tagWords(sentences[0]!.words), (c) => fold1.classes[c]!.xpos));
    const fold0 = trainTagger(treebank.filter((_, i) => i % 3 !== 0), { epochs: 2, seed: 5 });
    expect(tags[1]).toEqual(Array.from(fold0.tagWords(sentences[1]!.words), (c) => fold0.classes[c]!.xpos));
    expect(tags[2]).toBeNull();
    expect(tags[3]).toBeNull();
    expect(jackknifeEntityTags(sentences, treebank, { folds: 3, taggerEpochs: 2, seed: 5 })).toEqual(tags);
  });

  it('reports each fold and refuses bad fold counts', () => {
    const done: number[] = [];
    jackknifeEntityTags([], treebank, { folds: 2, taggerEpochs: 1, onFold: (n) => done.push(n) });
    expect(done).toEqual([1, 2]);
    expect(() => jackknifeEntityTags([], treebank, { folds: 1 })).toThrow(ArgumentError);
    expect(() => jackknifeEntityTags([], treebank.slice(0, 2), { folds: 3 })).toThrow(/cannot make 3 folds/);
  });
});
