import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import '../../src/components/register.js';
import { ConfigError } from '../../src/core/errors.js';
import { Analyzer, languagePipeline } from '../../src/search/analyzer.js';
import { SearchIndex } from '../../src/search/search-index.js';

const root = mkdtempSync(path.join(tmpdir(), 'tl-search-lang-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const GERMAN = [
  { id: 'haus', text: 'Das Haus am See ist alt.' },
  { id: 'garten', text: 'Im Garten wachsen Blumen und Bäume.' },
  { id: 'katze', text: 'Die Katze schläft auf dem Sofa.' },
];
const FRENCH = [
  { id: 'maison', text: "La maison de l'architecte est grande." },
  { id: 'chanson', text: 'Elles chantaient continuellement des chansons.' },
  { id: 'jardin', text: 'Un jardin plein de fleurs.' },
];
const ids = (index: SearchIndex, q: string) => index.search(q).map((r) => r.id);

describe('SearchIndex.create({ language })', () => {
  it('German: inflected forms find each other (Häuser finds Haus, Baum finds Bäume)', async () => {
    const index = await SearchIndex.create({ fields: ['text'], language: 'de' });
    index.addAll(GERMAN);
    expect(ids(index, 'Häuser')).toEqual(['haus']);
    expect(ids(index, 'Baum')).toEqual(['garten']);
    expect(ids(index, 'Katzen schlafen')).toEqual(['katze']);
    // German stop words are not indexed: "und" finds nothing.
    expect(ids(index, 'und')).toEqual([]);
  });
  it('the English default does not conflate them', async () => {
    const index = await SearchIndex.create({ fields: ['text'] });
    index.addAll(GERMAN);
    expect(ids(index, 'Häuser')).toEqual([]);
  });
  it('French: elided articles split off, plural and verb forms stemmed', async () => {
    const index = await SearchIndex.create({ fields: ['text'], language: 'fr' });
    index.addAll(FRENCH);
    expect(ids(index, 'maisons')).toEqual(['maison']);
    expect(ids(index, 'architectes')).toEqual(['maison']);
    expect(ids(index, 'chanter chanson')).toEqual(['chanson']);
    expect(ids(index, 'continuel')).toEqual(['chanson']);
  });
  it('keeps the language through save and load', async () => {
    const index = await SearchIndex.create({ fields: ['text'], language: 'de' });
    index.addAll(GERMAN);
    const dir = path.join(root, 'de');
    await index.save(dir);
    const loaded = await SearchIndex.load(dir);
    expect(ids(loaded, 'Häuser')).toEqual(['haus']);
    expect(loaded.search('Gärten')).toEqual(index.search('Gärten'));
  });
  it('applies to analyzer options without their own language, not to those with one', async () => {
    const index = await SearchIndex.create({ fields: ['de', 'fr'], language: 'de', fieldAnalyzers: { fr: { language: 'fr' } } });
    index.add({ id: '1', de: 'Häuser', fr: 'maisons' });
    expect(index.search('de:Haus').length).toBe(1);
    expect(index.search('fr:maison').length).toBe(1);
  });
  it('rejects an unknown language code, listing the known ones', async () => {
    const err = await SearchIndex.create({ fields: ['text'], language: 'sv' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).key).toBe('language');
    expect((err as ConfigError).message).toMatch(/unknown language "sv"; known: en, de, fr, es, pt, nl, it, zh, ja, xx/);
    await expect(SearchIndex.create({ fields: ['text'], analyzer: { language: 'klingon' } })).rejects.toMatchObject({ key: 'analyzer.language' });
  });
  it('rejects a language with a built analyzer, and a pipeline of another language', async () => {
    const built = await Analyzer.create();
    await expect(SearchIndex.create({ fields: ['text'], language: 'de', analyzer: built })).rejects.toThrow(/built Analyzer/);
    await expect(Analyzer.create({ language: 'de', pipeline: languagePipeline('fr') })).rejects.toThrow('language "de" but the pipeline\'s lang is "fr"');
  });
});

describe('Analyzer.create({ language })', () => {
  it('uses the language tokenizer, stop words and Snowball stemmer', async () => {
    const de = await Analyzer.create({ language: 'de' });
    expect(de.terms('Die Häuser und die Gärten, z.B. am See.')).toEqual(['haus', 'gart', 'z.b.', 'see']);
    expect(de.spec.language).toBe('de');
    const es = await Analyzer.create({ language: 'es' });
    expect(es.terms('Las canciones del pueblo')).toEqual(['cancion', 'puebl']);
  });
  it('indexes lower-cased words for a language without a Snowball stemmer', async () => {
    expect(languagePipeline('ja').components).toEqual([]);
    const ja = await Analyzer.create({ language: 'ja', stopWords: false });
    expect(ja.terms('東京に行きました').length).toBeGreaterThan(1);
  });
  it('takes explicit stop words over the language list', async () => {
    const de = await Analyzer.create({ language: 'de', stopWords: false });
    expect(de.terms('die Häuser')).toEqual(['die', 'haus']);
  });
});
