import { Doc } from '../core/doc.js';
import type { Vocab } from '../core/vocab.js';
import type { TokenizerLike } from './types.js';

function isWs(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a) || c === 0x85 || c === 0x1680 || c === 0x202f || c === 0x205f;
}

/**
 * Splits on whitespace only: for pre-tokenized text (one token per space-separated chunk), as
 * language-model and word2vec corpora are. Extra whitespace is dropped from the tokens but kept in
 * `doc.text`.
 */
export class WhitespaceTokenizer implements TokenizerLike {
  constructor(readonly vocab: Vocab) {}

  tokenize(text: string): Doc {
    const doc = new Doc(this.vocab, text, 16);
    const strings = this.vocab.strings;
    const n = text.length;
    let i = 0;
    while (i < n) {
      while (i < n && isWs(text.charCodeAt(i))) i++;
      if (i >= n) break;
      const start = i;
      while (i < n && !isWs(text.charCodeAt(i))) i++;
      doc.pushToken(strings.add(text.slice(start, i)), start, i < n && text.charCodeAt(i) === 32);
    }
    return doc;
  }
}
