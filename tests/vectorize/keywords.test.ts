import { describe, expect, it } from 'vitest';
import { TfidfVectorizer, extractKeywords, topTerms } from '../../src/index.js';
import { DOCSTRING_CORPUS } from './helpers.js';

describe('topTerms', () => {
  it('returns the highest-weighted terms of a row, ties alphabetical', () => {
    const tv = new TfidfVectorizer();
    const X = tv.fitTransform(DOCSTRING_CORPUS);
    const names = tv.getFeatureNamesOut();
    const top = topTerms(X.row(1), 2, names);
    expect(top.map((t) => t.term)).toEqual(['document', 'second']);
    expect(top[0]!.score).toBeCloseTo(0.6876236, 7);
    // third row: and, one, third tie at 0.51184851 -> alphabetical
    expect(topTerms(X.row(2), 3, names).map((t) => t.term)).toEqual(['and', 'one', 'third']);
    expect(topTerms(X.toDense()[2]!, 1, names)[0]!.term).toBe('and');
    expect(() => topTerms(X.row(0), -1, names)).toThrow(/non-negative/);
  });
});

describe('extractKeywords', () => {
  it('fits tf-idf and returns top keywords per document', () => {
    const kw = extractKeywords(['the jury said the election was fair', 'the election produced no evidence', 'the jury praised the city'], { top: 2, stopWords: 'english' });
    expect(kw.length).toBe(3);
    expect(kw[0]!.map((k) => k.term)).toEqual(['fair', 'said']);
    expect(kw[2]!.map((k) => k.term)).toEqual(['city', 'praised']);
  });
});
