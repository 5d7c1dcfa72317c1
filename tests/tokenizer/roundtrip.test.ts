import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Tokenizer, Vocab, type Doc } from '../../src/index.js';

const tok = new Tokenizer(new Vocab());

/** Tokens tile the text exactly: contiguous, in order, each an exact substring, spaces where flagged. */
function tilingError(doc: Doc): string {
  const text = doc.text;
  let at = 0;
  for (let i = 0; i < doc.length; i++) {
    const t = doc.tokenText(i);
    if (doc.idx[i] !== at) return `token ${i} starts at ${doc.idx[i]}, expected ${at}`;
    if (t.length === 0 || !text.startsWith(t, at)) return `token ${i} ${JSON.stringify(t)} is not the text at ${at}`;
    at += t.length;
    if (doc.spaceAfter[i]) {
      if (text.charCodeAt(at) !== 32) return `token ${i} claims a space after it`;
      at++;
    }
  }
  return at === text.length ? '' : `tokens cover ${at} of ${text.length} chars`;
}

function checkTiling(doc: Doc): void {
  expect(tilingError(doc)).toBe('');
}

const pieces = ['a', 'Z', 'é', ' ', '  ', '\n', '\t', '.', ',', '-', "'", '’', '"', '(', ')', ':', ')', '/', '@', '#', '$', '5', '😀', '\u200d', '\ud800', '\udc00', 'n\'t', 'U.S.', 'http://', '\u0000', '\u00a0'];

describe('Tokenizer.tokenize round trip', () => {
  it('doc.text === input and tokens tile it, on random unicode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (s) => {
        const doc = tok.tokenize(s);
        expect(doc.text).toBe(s);
        checkTiling(doc);
      }),
      { numRuns: 400 },
    );
  });
  it('round trips on mixes of tricky pieces', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const s = parts.join('');
        const doc = tok.tokenize(s);
        expect(doc.text).toBe(s);
        checkTiling(doc);
        // The cache must not change the result.
        const again = new Tokenizer(new Vocab(), { cacheSize: 0 }).tokenize(s);
        expect(again.tokens().map((t) => t.text)).toEqual(doc.tokens().map((t) => t.text));
      }),
      { numRuns: 400 },
    );
  });
});

describe('Tokenizer.tokenize on adversarial input (linear time)', () => {
  const N = 100_000;
  it('a long run of one punctuation character is one token', () => {
    const doc = tok.tokenize('!'.repeat(N));
    expect(doc.length).toBe(1);
  });
  it('a long run of one letter is one token', () => {
    const doc = tok.tokenize('a'.repeat(N) + '.');
    expect(doc.length).toBe(2);
    expect(doc.token(1).idx).toBe(N);
  });
  it('alternating brackets peel one by one', () => {
    const s = '()'.repeat(N / 2);
    const doc = tok.tokenize(s);
    expect(doc.length).toBe(N);
    checkTiling(doc);
  });
  it('alternating quotes and letters split at every infix', () => {
    const s = '"a'.repeat(N / 2);
    const doc = tok.tokenize(s);
    expect(doc.length).toBe(N);
  });
  it('hyphenated digit chains and word chains', () => {
    expect(tok.tokenize('1-'.repeat(N / 2) + '1').length).toBe(1);
    expect(tok.tokenize('ab-'.repeat(N / 3) + 'ab').length).toBe(2 * Math.floor(N / 3) + 1);
  });
  it('unpaired surrogates and control characters keep their offsets', () => {
    const s = '\ud800x\udc00\u0001\u0007'.repeat(N / 5);
    const doc = tok.tokenize(s);
    expect(doc.text).toBe(s);
    checkTiling(doc);
  });
  it('many short chunks of punctuation and e-mail-like text', () => {
    const s = 'a@b. '.repeat(N / 5) + '.'.repeat(10) + '@'.repeat(N);
    const doc = tok.tokenize(s);
    expect(doc.text).toBe(s);
    checkTiling(doc);
  });
  it('a long chunk with an @ and many quotes stays linear', () => {
    const s = '"x'.repeat(N / 4) + 'a@b.com';
    const doc = tok.tokenize(s);
    checkTiling(doc);
    expect(doc.token(-1).text).toBe('xa@b.com');
  });
});
