import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Tokenizer, Vocab, detokenize } from '../../src/index.js';

describe('detokenize', () => {
  it('writes no space before closing punctuation and clitics, none after opening brackets and currency', () => {
    expect(detokenize(['I', 'did', "n't", 'see', '(', 'it', ')', '.'])).toBe("I didn't see (it).");
    expect(detokenize(['We', "'re", 'paying', '$', '5', ',', 'are', "n't", 'we', '?'])).toBe("We're paying $5, aren't we?");
    expect(detokenize(['It', '’s', '50', '%', '!'])).toBe('It’s 50%!');
  });
  it('alternates straight double quotes between opening and closing', () => {
    expect(detokenize(['He', 'said', '"', 'hi', '"', 'and', '"', 'bye', '"', '.'])).toBe('He said "hi" and "bye".');
  });
  it("joins the tokenizer's fused forms again", () => {
    expect(detokenize(['I', "'m", 'gon', 'na', 'go', ',', 'lem', 'me', 'see'])).toBe("I'm gonna go, lemme see");
  });
  it('takes other token lists', () => {
    expect(detokenize(['a', '-', 'b'], { noSpaceBefore: ['-'], noSpaceAfter: ['-'] })).toBe('a-b');
  });
  it('inverts the English tokenizer on plain prose (property)', () => {
    const tok = new Tokenizer(new Vocab());
    const word = fc.constantFrom('the', 'cat', 'did', "didn't", 'we', "we're", 'sat', 'mat', 'I', "I'm", 'gonna');
    const punct = fc.constantFrom('.', ',', '!', '?', ';');
    const sentence = fc.tuple(fc.array(word, { minLength: 1, maxLength: 8 }), punct).map(([ws, p]) => ws.join(' ') + p);
    fc.assert(
      fc.property(sentence, (text) => {
        const doc = tok.tokenize(text);
        const tokens = Array.from({ length: doc.length }, (_, i) => doc.tokenText(i));
        expect(detokenize(tokens)).toBe(text);
      }),
    );
  });
});
