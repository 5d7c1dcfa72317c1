import { describe, expect, it } from 'vitest';
import { ArgumentError, Doc } from '../../src/index.js';

// Each row: word, head (absolute), dep, pos.
function parsed(rows: [string, number, string, string][]): Doc {
  return Doc.fromWords(rows.map((r) => r[0]), { heads: rows.map((r) => r[1]), deps: rows.map((r) => r[2]), pos: rows.map((r) => r[3]) });
}
const chunks = (doc: Doc) => doc.nounChunks.map((c) => c.text);

describe('doc.nounChunks', () => {
  it('does not nest a prepositional phrase and leaves out its preposition (spaCy test_en_noun_chunks_not_nested, UD)', () => {
    const doc = parsed([
      ['A', 1, 'det', 'DET'],
      ['phrase', 5, 'nsubj', 'NOUN'],
      ['with', 4, 'case', 'ADP'],
      ['another', 4, 'det', 'DET'],
      ['phrase', 1, 'nmod', 'NOUN'],
      ['occurs', 5, 'root', 'VERB'],
      ['.', 5, 'punct', 'PUNCT'],
    ]);
    expect(chunks(doc)).toEqual(['A phrase', 'another phrase']);
    expect(doc.nounChunks.every((c) => c.label === 'NP')).toBe(true);
  });

  it('takes a predicate nominal (spaCy attr) without the subject and copula', () => {
    const doc = parsed([
      ['This', 3, 'nsubj', 'PRON'],
      ['is', 3, 'cop', 'AUX'],
      ['a', 3, 'det', 'DET'],
      ['dog', 3, 'root', 'NOUN'],
      ['.', 3, 'punct', 'PUNCT'],
    ]);
    expect(chunks(doc)).toEqual(['This', 'a dog']);
  });

  it('keeps a possessor inside the chunk (nmod:poss is not a chunk head, as spaCy poss)', () => {
    const doc = parsed([
      ['John', 2, 'nmod:poss', 'PROPN'],
      ["'s", 0, 'case', 'PART'],
      ['old', 3, 'amod', 'ADJ'],
      ['dog', 4, 'nsubj', 'NOUN'],
      ['barked', 4, 'root', 'VERB'],
    ]);
    expect(chunks(doc)).toEqual(["John 's old dog"]);
  });

  it('makes conjuncts of a chunk head chunks, without the conjunction', () => {
    const doc = parsed([
      ['Cats', 3, 'nsubj', 'NOUN'],
      ['and', 2, 'cc', 'CCONJ'],
      ['dogs', 0, 'conj', 'NOUN'],
      ['sleep', 3, 'root', 'VERB'],
      ['all', 5, 'det', 'DET'],
      ['day', 3, 'obl:unmarked', 'NOUN'],
    ]);
    expect(chunks(doc)).toEqual(['Cats', 'dogs']);
  });

  it('takes objects, indirect objects and obliques', () => {
    const doc = parsed([
      ['She', 1, 'nsubj', 'PRON'],
      ['gave', 1, 'root', 'VERB'],
      ['him', 1, 'iobj', 'PRON'],
      ['two', 4, 'nummod', 'NUM'],
      ['books', 1, 'obj', 'NOUN'],
      ['in', 6, 'case', 'ADP'],
      ['Paris', 1, 'obl', 'PROPN'],
    ]);
    expect(chunks(doc)).toEqual(['She', 'him', 'two books', 'Paris']);
  });

  it('span.nounChunks keeps the chunks inside the span', () => {
    const doc = parsed([
      ['She', 1, 'nsubj', 'PRON'],
      ['saw', 1, 'root', 'VERB'],
      ['the', 3, 'det', 'DET'],
      ['cat', 1, 'obj', 'NOUN'],
    ]);
    expect(doc.span(1, 4).nounChunks.map(String)).toEqual(['the cat']);
    expect(doc.span(2, 3).nounChunks).toEqual([]);
  });

  it('refuses an unparsed doc, as spaCy (E029)', () => {
    expect(() => Doc.fromWords(['a', 'dog']).nounChunks).toThrow(ArgumentError);
  });
});
