import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/errors.js';
import { analyze } from '../../src/vectorize/analyzer.js';
import { CountVectorizer } from '../../src/vectorize/count.js';
import { HashingVectorizer } from '../../src/vectorize/hashing.js';
import { TfidfVectorizer } from '../../src/vectorize/tfidf.js';

describe('analyze with language', () => {
  it('German: the language tokenizer, stop words and Snowball stems', () => {
    expect(analyze('Die Häuser und die Gärten, z.B. am See.', { language: 'de' })).toEqual(['haus', 'gart', 'z.b.', 'see']);
    // stopWords null keeps every word; a list replaces the language's.
    expect(analyze('Die Häuser', { language: 'de', stopWords: null })).toEqual(['die', 'haus']);
    expect(analyze('Die Häuser', { language: 'de', stopWords: ['haus', 'häuser'] })).toEqual(['die']);
  });
  it('French: elision split off before stemming; word n-grams over the stems', () => {
    expect(analyze("L'architecte chantait", { language: 'fr' })).toEqual(['architect', 'chant']);
    expect(analyze('maisons blanches', { language: 'fr', ngramRange: [1, 2] })).toEqual(['maison', 'blanch', 'maison blanch']);
  });
  it('a language without a Snowball stemmer keeps lower-cased words', () => {
    expect(analyze('東京に行きました', { language: 'ja', stopWords: null }).length).toBeGreaterThan(1);
  });
  it('rejects an unknown code (listing the known ones) and options it cannot honour', () => {
    expect(() => analyze('x', { language: 'sv' })).toThrow(ConfigError);
    expect(() => analyze('x', { language: 'sv' })).toThrow(/unknown language "sv"; known: en, de, fr/);
    expect(() => analyze('x', { language: 'de', analyzer: 'char' })).toThrow(/word analyzer/);
    expect(() => analyze('x', { language: 'de', tokenPattern: '\\w+' })).toThrow(/tokenPattern/);
    expect(() => analyze('x', { language: 'de', lowercase: false })).toThrow(/lowercase/);
  });
});

describe('vectorizers with language', () => {
  const docs = ['Die Häuser am See.', 'Das Haus ist alt.', 'Ein Garten mit Bäumen.'];
  it('CountVectorizer counts Haus and Häuser as one term', () => {
    const cv = new CountVectorizer({ language: 'de' });
    const m = cv.fitTransform(docs);
    expect(cv.getFeatureNamesOut()).toEqual(['alt', 'baum', 'gart', 'haus', 'see']);
    const haus = cv.getFeatureNamesOut().indexOf('haus');
    expect([0, 1, 2].map((r) => m.get(r, haus))).toEqual([1, 1, 0]);
  });
  it('TfidfVectorizer and HashingVectorizer take it too', () => {
    const tv = new TfidfVectorizer({ language: 'de' });
    tv.fit(docs);
    expect(tv.getFeatureNamesOut()).toContain('haus');
    const hv = new HashingVectorizer({ language: 'de', nFeatures: 64, alternateSign: false, norm: null });
    const a = hv.transform(['Häuser']);
    const b = hv.transform(['Haus']);
    expect(a.toDense()).toEqual(b.toDense());
  });
});
