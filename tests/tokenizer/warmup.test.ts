import { describe, expect, it } from 'vitest';
import { Tokenizer, Vocab } from '../../src/index.js';
import { compileRules } from '../../src/tokenizer/compile.js';
import { Pieces, Rule, splitChunk } from '../../src/tokenizer/split.js';
import { WARMUP_CHUNKS, warmUpSplitter } from '../../src/tokenizer/warmup.js';

describe('splitter warm-up', () => {
  it('its chunks have no whitespace and between them take every rule', () => {
    const R = compileRules();
    const out = new Pieces();
    const seen = new Set<number>();
    for (const s of WARMUP_CHUNKS) {
      expect(/\s/.test(s), s).toBe(false);
      for (const isLast of [false, true]) {
        splitChunk(s, R, isLast, out);
        let at = 0;
        for (let k = 0; k < out.n; k++) {
          expect(out.start[k]).toBe(at);
          at += out.len[k]!;
          seen.add(Math.min(out.rule[k]!, Rule.SPECIAL));
        }
        expect(at, s).toBe(s.length);
      }
    }
    expect([...seen].sort((a, b) => a - b)).toEqual([Rule.TOKEN, Rule.PREFIX, Rule.SUFFIX, Rule.INFIX, Rule.TOKEN_MATCH, Rule.URL_MATCH, Rule.SPECIAL]);
  });

  it('leaves rules, vocabulary and output unchanged', () => {
    const R = compileRules();
    const before = [R.specials.size, R.endSplit.size, R.maxSpecialLen];
    warmUpSplitter(R);
    expect([R.specials.size, R.endSplit.size, R.maxSpecialLen]).toEqual(before);
    const vocab = new Vocab();
    const size = vocab.strings.size;
    const tok = new Tokenizer(vocab);
    expect(vocab.strings.size - size).toBeLessThanOrEqual(1); // at most the empty string the tokenizer adds
    const text = "Hello (U.S.) world, don't e-mail julie@x.com :-) 555-1234!";
    expect(tok.tokenize(text).tokens().map((t) => t.text)).toEqual(new Tokenizer(new Vocab(), { cacheSize: 0 }).tokenize(text).tokens().map((t) => t.text));
  });
});
