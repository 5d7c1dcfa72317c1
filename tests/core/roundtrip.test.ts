import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Doc, WhitespaceTokenizer, Vocab } from '../../src/index.js';

describe('doc.text round trip', () => {
  it('fromWords reproduces words and offsets for random unicode', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, unit: 'binary' }), { maxLength: 20 }), (words) => {
        const doc = Doc.fromWords(words);
        expect(doc.length).toBe(words.length);
        for (let i = 0; i < words.length; i++) expect(doc.text.slice(doc.idx[i], doc.endChar(i))).toBe(words[i]);
        expect(Doc.fromJSON(doc.toJSON()).text).toBe(doc.text);
      }),
    );
  });
  it('the whitespace tokenizer keeps text and offsets exact', () => {
    const tok = new WhitespaceTokenizer(new Vocab());
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const doc = tok.tokenize(text);
        expect(doc.text).toBe(text);
        for (let i = 0; i < doc.length; i++) expect(text.slice(doc.idx[i], doc.endChar(i))).toBe(doc.tokenText(i));
      }),
    );
  });
});
