import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildLemmaTables, Doc, FormatError, lemmatize, Lemmatizer, loadLemmaTables, saveLemmaTables, type LemmaTables } from '../../../src/index.js';
import { ewtTest, ewtTrain } from '../tagger/data.js';

const empty: LemmaTables = { index: new Map(), exceptions: new Map() };

describe('lemmatize', () => {
  it('applies suffix rules per UPOS, preferring outputs that are known lemmas', () => {
    expect(lemmatize('Cats', 'NOUN', empty)).toBe('cat');
    expect(lemmatize('boxes', 'NOUN', empty)).toBe('boxe');
    const tables: LemmaTables = { index: new Map([['NOUN', new Set(['box'])], ['VERB', new Set(['make'])]]), exceptions: new Map([['VERB', new Map([['went', 'go']])]]) };
    expect(lemmatize('boxes', 'NOUN', tables)).toBe('box');
    expect(lemmatize('making', 'VERB', tables)).toBe('make');
    expect(lemmatize('Went', 'VERB', tables)).toBe('go');
    expect(lemmatize('London', 'PROPN', tables)).toBe('London');
    expect(lemmatize('The', 'DET', tables)).toBe('the');
    expect(lemmatize('happier', 'ADJ', empty)).toBe('happi');
  });
});

describe('buildLemmaTables', () => {
  it('derives exceptions only where the rules miss, and scores well on EWT test', () => {
    const tables = buildLemmaTables(ewtTrain().flatMap((s) => s.words));
    expect(tables.exceptions.get('VERB')?.get('went')).toBe('go');
    expect(tables.exceptions.get('NOUN')?.has('cats')).toBeFalsy();
    let n = 0;
    let ok = 0;
    for (const s of ewtTest()) for (const w of s.words) {
      n++;
      if (lemmatize(w.form, w.upos, tables) === w.lemma) ok++;
    }
    expect(ok / n).toBeGreaterThan(0.97);
  });
});

describe('saveLemmaTables / loadLemmaTables', () => {
  it('round-trips (gzipped) and rejects other versions', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lem-'));
    const tables = buildLemmaTables([{ form: 'went', lemma: 'go', upos: 'VERB' }, { form: 'cats', lemma: 'cat', upos: 'NOUN' }]);
    saveLemmaTables(tables, join(dir, 't.json.gz'));
    const back = loadLemmaTables(join(dir, 't.json.gz'));
    expect(lemmatize('went', 'VERB', back)).toBe('go');
    expect(back.index.get('NOUN')?.has('cat')).toBe(true);
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ formatVersion: 9, index: {}, exceptions: {} }));
    expect(() => loadLemmaTables(join(dir, 'bad.json'))).toThrow(FormatError);
    writeFileSync(join(dir, 'worse.json'), '{');
    expect(() => loadLemmaTables(join(dir, 'worse.json'))).toThrow(/invalid lemma tables/);
  });
});

describe('Lemmatizer.process', () => {
  it('lemmatizes every token from its text and UPOS with the shipped tables', () => {
    const lem = Lemmatizer.load();
    const doc = Doc.fromWords(['She', 'was', 'studying', 'mice']);
    ['PRON', 'AUX', 'VERB', 'NOUN'].forEach((p, i) => (doc.pos[i] = doc.vocab.add(p)));
    lem.process(doc);
    expect(doc.tokens().map((t) => t.lemma)).toEqual(['she', 'be', 'study', 'mouse']);
  });
});
