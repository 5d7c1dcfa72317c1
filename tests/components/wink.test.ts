import { describe, expect, it } from 'vitest';
import { createPipeline, winkAnalyze, winkNlp } from '../../src/index.js';
import { winkEntities } from '../../src/components/wink.js';

describe('winkNlp', () => {
  it('creates one instance per process', () => {
    expect(winkNlp()).toBe(winkNlp());
  });
});

describe('winkAnalyze', () => {
  it('aligns wink tokens to textloom tokens by offsets, never dropping one', async () => {
    const nlp = await createPipeline({ tokenizer: { factory: 'whitespace' } });
    const doc = nlp("I can't go to New-York, said Dr. Smith.");
    const a = winkAnalyze(doc);
    expect(a.pos).toHaveLength(doc.length);
    expect(a.pos.every((p) => typeof p === 'string' && p.length > 0)).toBe(true);
    expect(a.pos[0]).toBe('PRON');
    expect(winkAnalyze(doc)).toBe(winkAnalyze(doc));
  });
});

describe('winkEntities', () => {
  it('finds the same entities without the shared run (entities-only instance) as with it', async () => {
    const nlp = await createPipeline({ tokenizer: { factory: 'tokenizer' } });
    const text = 'She paid $5 million on Jan. 5th, 2020. Mail bob@example.com by 5 pm! 20% off #win';
    const alone = winkEntities(nlp(text));
    const doc = nlp(text);
    const shared = winkAnalyze(doc).entities;
    expect(alone).toEqual(shared);
    expect(winkEntities(doc)).toBe(shared);
    expect(alone.map((e) => e.label)).toEqual(expect.arrayContaining(['MONEY', 'DATE', 'EMAIL', 'PERCENT', 'HASHTAG']));
  });
});

describe('wink backends', () => {
  it('tag, lemmatize and find entities through the pipeline', async () => {
    const nlp = await createPipeline({
      tokenizer: { factory: 'tokenizer' },
      components: [{ name: 'tagger', options: { backend: 'wink' } }, { name: 'lemmatizer', options: { backend: 'wink' } }, { name: 'ner' }],
    });
    const doc = nlp('She paid $5 million on Jan. 5th, 2020 and mailed bob@example.com #win');
    expect(doc.tokens().every((t) => t.pos !== '')).toBe(true);
    expect(doc.token(1).lemma).toBe('pay');
    const ents = doc.ents.map((e) => [e.text, e.label]);
    expect(ents).toContainEqual(['$5 million', 'MONEY']);
    expect(ents).toContainEqual(['bob@example.com', 'EMAIL']);
    expect(ents.find(([, l]) => l === 'DATE')?.[0]).toContain('Jan. 5th');
  });
  it('whitespace tokens are SPACE with themselves as lemma, never a neighbour\'s tag or lemma', async () => {
    const nlp = await createPipeline({
      tokenizer: { factory: 'tokenizer' },
      components: [{ name: 'tagger', options: { backend: 'wink' } }, { name: 'lemmatizer', options: { backend: 'wink' } }],
    });
    const doc = nlp('Hello  world. It is\nraining here.');
    const spaces = doc.tokens().filter((t) => t.isSpace);
    expect(spaces.map((t) => t.text)).toEqual([' ', '\n']);
    for (const t of spaces) {
      expect(t.pos).toBe('SPACE');
      expect(t.lemma).toBe(t.text);
    }
  });
});
