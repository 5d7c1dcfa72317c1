import { describe, expect, it } from 'vitest';
import { ArgumentError, alignedAccuracy, evaluateTagging, goldWordSpans, parseConllu, tagAccuracy } from '../../src/index.js';

const SAMPLE = `# text = I don't know.
1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_
2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_
2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_
3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_
4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No
5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

`;

describe('tagAccuracy', () => {
  it('counts UPOS and XPOS matches separately', () => {
    expect(tagAccuracy([{ upos: 'NOUN', xpos: 'NN' }, { upos: 'VERB', xpos: 'VB' }], [{ upos: 'NOUN', xpos: 'NNS' }, { upos: 'AUX', xpos: 'VB' }])).toEqual({ uposAccuracy: 0.5, xposAccuracy: 0.5, tokens: 2 });
    expect(() => tagAccuracy([], [{ upos: 'X', xpos: 'X' }])).toThrow(RangeError);
  });
});

describe('goldWordSpans', () => {
  it('rebuilds the text and gives words inside a multiword token their own spans', () => {
    const { text, words } = goldWordSpans(parseConllu(SAMPLE)[0]!);
    expect(text).toBe("I don't know.");
    expect(words.map((w) => text.slice(w.start, w.end))).toEqual(['I', 'do', "n't", 'know', '.']);
  });
});

describe('alignedAccuracy', () => {
  it('credits a predicted token only when its span equals a gold word span', () => {
    const gold = [
      { start: 0, end: 1, upos: 'PRON', xpos: 'PRP' },
      { start: 2, end: 4, upos: 'AUX', xpos: 'VBP' },
      { start: 4, end: 7, upos: 'PART', xpos: 'RB' },
    ];
    const pred = [
      { start: 0, end: 1, upos: 'PRON', xpos: 'PRP' },
      { start: 2, end: 7, upos: 'AUX', xpos: 'VBP' },
    ];
    const r = alignedAccuracy(gold, pred);
    expect(r.tokens).toBe(3);
    expect(r.uposAccuracy).toBeCloseTo(1 / 3);
  });
});

describe('evaluateTagging', () => {
  it('scores gold tokens and own tokenization through the TokenTagger interface', () => {
    const sents = parseConllu(SAMPLE);
    const tagger = {
      tagWords: (words: readonly string[]) => ({ upos: words.map((w) => (w === 'know' ? 'VERB' : 'X')), xpos: words.map(() => 'X') }),
      tagText: (text: string) => [{ start: 0, end: text.length, upos: 'X', xpos: 'X' }],
    };
    const g = evaluateTagging(tagger, sents, { goldTokens: true });
    expect(g.uposAccuracy).toBeCloseTo(1 / 5);
    expect(g.sentences).toBe(1);
    // camelCase like the rest of the API, and the same keys as `eval tagger --json`.
    expect(Object.keys(g).sort()).toEqual(['sentences', 'tokens', 'tokensPerSecond', 'uposAccuracy', 'xposAccuracy']);
    expect(evaluateTagging(tagger, sents).uposAccuracy).toBe(0);
  });
  it('refuses to score no gold words (an accuracy over nothing is not 0)', () => {
    const tagger = { tagWords: () => ({ upos: [], xpos: [] }), tagText: () => [] };
    expect(() => evaluateTagging(tagger, [])).toThrow(ArgumentError);
    expect(() => evaluateTagging(tagger, [], { goldTokens: true })).toThrow(/no gold words/);
  });
});
