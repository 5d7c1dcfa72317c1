import { describe, expect, it } from 'vitest';
import { Tokenizer, Vocab, alignTokens, docTokenSpans, evaluateTokenization, goldSpans, matchSpans, parseConllu, prf } from '../../src/index.js';

const conllu = `# text = I don't go.
1\tI\tI\tPRON\t_\t_\t0\troot\t_\t_
2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_
2\tdo\tdo\tAUX\t_\t_\t1\taux\t_\t_
3\tn't\tnot\tPART\t_\t_\t1\tadvmod\t_\t_
4\tgo\tgo\tVERB\t_\t_\t1\tdep\t_\tSpaceAfter=No
5\t.\t.\tPUNCT\t_\t_\t1\tpunct\t_\t_

# text = Del mar
1-2\tDel\t_\t_\t_\t_\t_\t_\t_\t_
1\tde\tde\tADP\t_\t_\t0\troot\t_\t_
2\tel\tel\tDET\t_\t_\t1\tdet\t_\t_
3\tmar\tmar\tNOUN\t_\t_\t1\tobj\t_\t_

`;
const [s1, s2] = parseConllu(conllu);

describe('goldSpans', () => {
  it('splits a multiword token whose words concatenate to its form', () => {
    expect(goldSpans(s1!.meta.text!, s1!)).toEqual([0, 1, 2, 4, 4, 7, 8, 10, 10, 11]);
  });
  it('keeps a multiword token as one unit when its words do not rejoin to the form', () => {
    expect(goldSpans(s2!.meta.text!, s2!)).toEqual([0, 3, 4, 7]);
  });
});

describe('matchSpans and prf', () => {
  it('counts exact span matches', () => {
    const c = matchSpans([0, 1, 2, 7, 8, 10, 10, 11], [0, 1, 2, 4, 4, 7, 8, 10, 10, 11]);
    expect(c).toEqual({ correct: 3, predicted: 4, gold: 5 });
    const r = prf(c.correct, c.predicted, c.gold);
    expect(r.precision).toBeCloseTo(0.75);
    expect(r.recall).toBeCloseTo(0.6);
    expect(r.f1).toBeCloseTo((2 * 0.75 * 0.6) / 1.35);
  });
  it('is zero, not NaN, on empty input', () => {
    expect(prf(0, 0, 0)).toEqual({ precision: 0, recall: 0, f1: 0 });
  });
});

describe('alignTokens', () => {
  it('finds token strings left to right and marks missing ones', () => {
    expect(alignTokens('a b a', ['a', 'a', 'zz'])).toEqual([0, 1, 4, 5, -1, -1]);
  });
});

describe('docTokenSpans', () => {
  it('leaves out whitespace tokens', () => {
    const doc = new Tokenizer(new Vocab()).tokenize('a\n b');
    expect(docTokenSpans(doc)).toEqual([0, 1, 3, 4]);
  });
});

describe('evaluateTokenization', () => {
  it('scores a tokenizer over sentences', async () => {
    const tok = new Tokenizer(new Vocab());
    const r = await evaluateTokenization([s1!, s2!], (t) => docTokenSpans(tok.tokenize(t)));
    // "I do n't go ." all correct; "Del mar": gold [Del][mar], predicted the same.
    expect(r).toMatchObject({ correct: 7, predicted: 7, gold: 7, sentences: 2, f1: 1 });
  });
});
