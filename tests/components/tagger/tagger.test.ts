import { describe, expect, it } from 'vitest';
import { createPipeline, Doc, load, Tagger } from '../../../src/index.js';
import { hasEval, needsEval } from '../../eval-data.js';
import { EWT_TEST, ewtTest } from './data.js';

describe('Tagger.load', () => {
  it('loads the shipped EWT model and tags gold tokens with PTB and UD tags', () => {
    const tagger = Tagger.load();
    const doc = Doc.fromWords(['I', 'saw', 'her', 'duck', '.'], { spaces: [true, true, true, false, false] });
    tagger.process(doc);
    expect(doc.tokens().map((t) => t.tag)).toEqual(['PRP', 'VBD', 'PRP$', 'NN', '.']);
    expect(doc.tokens().map((t) => t.pos)).toEqual(['PRON', 'VERB', 'PRON', 'NOUN', 'PUNCT']);
    expect(tagger.model.meta.epochs).toBe(10);
  });
});

describe.skipIf(!hasEval(EWT_TEST))(needsEval(EWT_TEST, 'Tagger.load: accuracy on EWT test'), () => {
  it('reaches the shipped accuracy on the first 400 EWT test sentences (gold tokens)', () => {
    const tagger = Tagger.load();
    let n = 0;
    let u = 0;
    let x = 0;
    for (const s of ewtTest().slice(0, 400)) {
      const tags = tagger.tagWords(s.words.map((w) => w.form));
      s.words.forEach((w, i) => {
        n++;
        if (tags[i]!.upos === w.upos) u++;
        if (tags[i]!.xpos === w.xpos) x++;
      });
    }
    expect(u / n).toBeGreaterThan(0.94);
    expect(x / n).toBeGreaterThan(0.935);
  });
});

describe('Tagger.process', () => {
  it('decodes each sentence on its own when boundaries are set, and handles empty docs', () => {
    const tagger = Tagger.load();
    const doc = Doc.fromWords(['Run', '.', 'Run', '.']);
    doc.sentStart[2] = 1;
    tagger.process(doc);
    expect(doc.token(0).tag).toBe(doc.token(2).tag);
    const empty = new Doc(doc.vocab, '');
    tagger.process(empty);
    expect(empty.length).toBe(0);
  });
});

describe('tagger component', () => {
  it('runs in en_core with the rule tokenizer and lemmatizer', async () => {
    const nlp = await load('en_core');
    const doc = nlp("The children weren't running to the women.");
    expect(doc.tokens().map((t) => t.pos)).toEqual(['DET', 'NOUN', 'AUX', 'PART', 'VERB', 'ADP', 'DET', 'NOUN', 'PUNCT']);
    expect(doc.tokens().map((t) => t.lemma)).toEqual(['the', 'child', 'be', 'not', 'run', 'to', 'the', 'woman', '.']);
  });

  it('rejects an unknown backend and a missing model file with the key named', async () => {
    await expect(createPipeline({ tokenizer: { factory: 'whitespace' }, components: [{ name: 'tagger', options: { backend: 'hmm' } }] })).rejects.toThrow(/components\[0\]\.options\.backend/);
    await expect(createPipeline({ tokenizer: { factory: 'whitespace' }, components: [{ name: 'tagger', options: { model: 'nope.tlt' } }] })).rejects.toThrow(/nope\.tlt/);
  });
});

describe('Tagger.process: whitespace tokens', () => {
  it('gives them spaCy\'s _SP / SPACE and tags the words as if they were absent', async () => {
    const nlp = await createPipeline({ tokenizer: { factory: 'tokenizer' }, components: [{ name: 'tagger' }] });
    const spaced = nlp('The   dog\nbarks  loudly .');
    const plain = nlp('The dog barks loudly .');
    const words = spaced.tokens().filter((t) => !t.isSpace);
    expect(words.map((t) => t.text)).toEqual(plain.tokens().map((t) => t.text));
    expect(words.map((t) => t.tag)).toEqual(plain.tokens().map((t) => t.tag));
    for (const t of spaced.tokens().filter((x) => x.isSpace)) expect([t.tag, t.pos]).toEqual(['_SP', 'SPACE']);
    expect(spaced.tokens().filter((t) => t.isSpace)).toHaveLength(3);
  });
});
