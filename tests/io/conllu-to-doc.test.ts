import { describe, expect, it } from 'vitest';
import { conlluToDoc, FormatError, parseConllu } from '../../src/index.js';

const TWO = parseConllu(`# text = I don't know.
1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_
2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_
2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_
3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_
4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No
5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

# text = Go.
1\tGo\tgo\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No
2\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_

`);

describe('conlluToDoc', () => {
  it('makes one token per word with gold tags, heads, labels and sentences', () => {
    const doc = conlluToDoc(TWO);
    expect(doc.text).toBe("I don't know. Go.");
    expect(doc.tokens().map((t) => [t.text, t.head.text, t.dep, t.pos, t.tag, t.lemma])).toEqual([
      ['I', 'know', 'nsubj', 'PRON', 'PRP', 'I'],
      ['do', 'know', 'aux', 'AUX', 'VBP', 'do'],
      ["n't", 'know', 'advmod', 'PART', 'RB', 'not'],
      ['know', 'know', 'root', 'VERB', 'VB', 'know'],
      ['.', 'know', 'punct', 'PUNCT', '.', '.'],
      ['Go', 'Go', 'root', 'VERB', 'VB', 'go'],
      ['.', 'Go', 'punct', 'PUNCT', '.', '.'],
    ]);
    expect(doc.sents.map(String)).toEqual(["I don't know.", 'Go.']);
    expect([...doc.token(3).children].map(String)).toEqual(['I', 'do', "n't", '.']);
  });

  it('refuses a cycle with the sentence line', () => {
    // The reader refuses cycles too; a sentence built by hand reaches conlluToDoc's own check.
    const bad = parseConllu('# text = a b\n1\ta\ta\tX\tX\t_\t0\troot\t_\t_\n2\tb\tb\tX\tX\t_\t1\tdep\t_\t_\n\n');
    bad[0]!.words[0]!.head = 2;
    expect(() => conlluToDoc(bad)).toThrow(FormatError);
    expect(() => conlluToDoc(bad)).toThrow(/cycle/);
  });
});
