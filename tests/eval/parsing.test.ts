import { describe, expect, it } from 'vitest';
import { countParse, createPipeline, Doc, evaluateParser, parseConllu, parseScores, type ConlluSentence, type ParseWord } from '../../src/index.js';
import { ewtFixture } from '../components/tagger/data.js';
import { goldParser } from './gold-parser.js';

const w = (form: string, start: number, head: number, deprel: string, mwt = -1): ParseWord => ({ form, start, end: start + form.length, mwt, head, deprel });

// "I don't know." in whitespace-free offsets: I|don't|know|.
const GOLD = {
  words: [w('I', 0, 3, 'nsubj'), { ...w('do', 1, 3, 'aux', 0) }, { ...w("n't", 1, 3, 'advmod', 0) }, w('know', 6, -1, 'root'), w('.', 10, 3, 'punct')],
  multiwords: [{ start: 1, end: 6 }],
};

describe('countParse / parseScores', () => {
  it('scores a perfect parse as 1 everywhere', () => {
    const r = parseScores(countParse(GOLD, GOLD));
    expect([r.uas.f1, r.las.f1, r.lasFull.f1, r.words.f1, r.tokens.f1]).toEqual([1, 1, 1, 1, 1]);
  });

  it('aligns system words to a gold multiword token and compares universal and full labels', () => {
    const sys = { words: [w('I', 0, 3, 'nsubj'), w('do', 1, 3, 'aux'), w("n't", 3, 3, 'advmod:neg'), w('know', 6, -1, 'root'), w('.', 10, 0, 'punct')] };
    const c = countParse(GOLD, sys);
    expect([c.aligned, c.uas, c.las, c.lasFull]).toEqual([5, 4, 4, 3]);
    const r = parseScores(c);
    expect(r.uas.f1).toBeCloseTo(0.8);
    expect(r.lasFull.f1).toBeCloseTo(0.6);
    expect(r.tokens).toMatchObject({ gold: 4, system: 5, correct: 3 });
    const byLabel = Object.fromEntries(r.labels.map((l) => [l.label, [l.gold, l.system, l.correct]]));
    expect(byLabel).toEqual({ nsubj: [1, 1, 1], aux: [1, 1, 1], advmod: [1, 0, 0], 'advmod:neg': [0, 1, 0], root: [1, 1, 1], punct: [1, 1, 0] });
  });

  it('counts a tokenization error against precision and recall, not aligned accuracy', () => {
    // gold "I like e-mail ." as I like e - mail . ; system I like e-mail .
    const gold = { words: [w('I', 0, 1, 'nsubj'), w('like', 1, -1, 'root'), w('e', 5, 4, 'compound'), w('-', 6, 4, 'punct'), w('mail', 7, 1, 'obj'), w('.', 11, 1, 'punct')] };
    const sys = { words: [w('I', 0, 1, 'nsubj'), w('like', 1, -1, 'root'), w('e-mail', 5, 1, 'obj'), w('.', 11, 1, 'punct')] };
    const r = parseScores(countParse(gold, sys));
    expect(r.uas).toMatchObject({ gold: 6, system: 4, correct: 3, precision: 0.75, recall: 0.5, alignedAccuracy: 1 });
    expect(r.uas.f1).toBeCloseTo(0.6);
    expect(r.las.correct).toBe(3);
  });

  it('an arc to an unaligned system word is wrong even when its position matches', () => {
    const gold = { words: [w('ab', 0, 1, 'nsubj'), w('c', 2, -1, 'root')] };
    const sys = { words: [w('a', 0, 2, 'nsubj'), w('b', 1, 2, 'dep'), w('c', 2, -1, 'root')] };
    const c = countParse(gold, sys);
    expect([c.aligned, c.uas]).toEqual([1, 1]);
  });
});

const RAW = parseConllu(`# newdoc id = d1
# text = I don't like e-mail.
1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_
2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_
2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_
3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_
4\tlike\tlike\tVERB\tVB\t_\t0\troot\t_\t_
5\te-mail\te-mail\tNOUN\tNN\t_\t4\tobj\t_\tSpaceAfter=No
6\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

# text = Go home.
1\tGo\tgo\tVERB\tVB\t_\t0\troot\t_\t_
2\thome\thome\tADV\tRB\t_\t1\tobj\t_\tSpaceAfter=No
3\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_

`);

describe('evaluateParser on raw text', () => {
  it('counts tokenization and sentence errors through the alignment', () => {
    // The system splits e-mail into three tokens and misses the sentence break.
    const words = ['I', 'do', "n't", 'like', 'e', '-', 'mail', '.', 'Go', 'home', '.'];
    const parser = {
      parseWords: () => {
        throw new Error('not used');
      },
      parseText: (text: string) => {
        const doc = Doc.fromWords(words, {
          spaces: [true, false, true, true, false, false, false, true, true, false, false],
          heads: [3, 3, 3, 3, 6, 6, 3, 3, 3, 8, 8],
          deps: ['nsubj', 'aux', 'advmod', 'root', 'compound', 'punct', 'obj', 'punct', 'parataxis', 'obj', 'punct'],
        });
        expect(doc.text).toBe(text);
        return doc;
      },
    };
    const r = evaluateParser(parser, RAW);
    expect(r.words).toMatchObject({ gold: 9, system: 11, correct: 8 });
    expect(r.tokens).toMatchObject({ gold: 8, system: 11, correct: 6 });
    expect(r.sentences).toMatchObject({ gold: 2, system: 1, correct: 0 });
    expect(r.uas).toMatchObject({ correct: 7, precision: 7 / 11, recall: 7 / 9 });
    expect(r.las.correct).toBe(7);
    expect(r.uas.alignedAccuracy).toBeCloseTo(7 / 8);
    expect([r.documents, r.sentenceCount, r.goldTokens]).toEqual([1, 2, false]);
  });

  it('refuses gold words that do not spell the text', () => {
    const bad = parseConllu('# text = ab\n1\tax\tax\tX\tX\t_\t0\troot\t_\t_\n\n');
    expect(() => evaluateParser({ parseWords: () => Doc.fromWords(['x']), parseText: (t) => Doc.fromWords([t]) }, bad)).toThrow(/do not spell/);
  });
});

describe('evaluateParser on gold tokens through a pipeline', () => {
  const gold: ConlluSentence[] = ewtFixture().slice(0, 150);
  const words = gold.flatMap((s) => s.words);
  const run = async (opts: { relabelPunct?: boolean; detToRoot?: boolean }) => {
    const nlp = await createPipeline({ tokenizer: { factory: 'tokenizer' }, components: [] } as never);
    nlp.addPipe(goldParser(gold, opts));
    return evaluateParser({ parseWords: (ws, sp) => nlp(Doc.fromWords(ws, { spaces: [...sp], vocab: nlp.vocab })), parseText: (t) => nlp(t) }, gold, { goldTokens: true });
  };

  it('scores copied gold trees 1', async () => {
    const r = await run({});
    expect([r.uas.f1, r.las.f1, r.lasFull.f1]).toEqual([1, 1, 1]);
    expect(r.goldWords).toBe(words.length);
  });

  it('loses exactly the relabelled punctuation in LAS, not in UAS', async () => {
    const r = await run({ relabelPunct: true });
    const punct = words.filter((x) => x.deprel === 'punct').length;
    expect(punct).toBeGreaterThan(0);
    expect(r.uas.f1).toBe(1);
    expect(r.las.correct).toBe(words.length - punct);
    expect(r.labels.find((l) => l.label === 'punct')).toMatchObject({ gold: punct, system: 0, correct: 0 });
  });

  it('loses exactly the re-attached determiners in UAS', async () => {
    const r = await run({ detToRoot: true });
    let moved = 0;
    for (const s of gold) {
      const root = s.words.find((x) => x.head === 0)!.id;
      moved += s.words.filter((x) => x.deprel === 'det' && x.head !== root).length;
    }
    expect(moved).toBeGreaterThan(0);
    expect(r.uas.correct).toBe(words.length - moved);
    expect(r.las.correct).toBe(words.length - moved);
  });
});

