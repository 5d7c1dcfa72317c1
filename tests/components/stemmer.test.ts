import { describe, expect, it } from 'vitest';
import '../../src/components/register.js';
import { porter2 } from '../../src/components/porter2.js';
import { Stemmer, loadStemFunction, stemFunction } from '../../src/components/stemmer.js';
import { Doc } from '../../src/core/doc.js';
import { Vocab } from '../../src/core/vocab.js';
import { createPipeline } from '../../src/pipeline/pipeline.js';

// The sample vocabulary shown with the published Snowball English (Porter2) algorithm.
const PUBLISHED = `consign consign consigned consign consigning consign consignment consign consist consist consisted consist
consistency consist consistent consist consistently consist consisting consist consists consist consolation consol
consolations consol consolatory consolatori console consol consoled consol consoles consol consolidate consolid
consolidated consolid consolidating consolid consoling consol consolingly consol consols consol consonant conson
consort consort consorted consort consorting consort conspicuous conspicu conspicuously conspicu conspiracy conspiraci
conspirator conspir conspirators conspir conspire conspir conspired conspir conspiring conspir constable constabl
constables constabl constance constanc constancy constanc constant constant knack knack knackeries knackeri knacks knack
knag knag knave knave knaves knave knavish knavish kneaded knead kneading knead knee knee kneel kneel kneeled kneel
kneeling kneel kneels kneel knees knee knell knell knelt knelt knew knew knick knick knif knif knife knife knight knight
knightly knight knights knight knit knit knits knit knitted knit knitting knit knives knive knob knob knobs knob knock
knock knocked knock knocker knocker knockers knocker knocking knock knocks knock knopp knopp knot knot knots knot`
  .split(/\s+/)
  .filter(Boolean);

describe('porter2', () => {
  it('stems the published sample words', () => {
    for (let i = 0; i < PUBLISHED.length; i += 2) expect([PUBLISHED[i], porter2(PUBLISHED[i]!)]).toEqual([PUBLISHED[i], PUBLISHED[i + 1]]);
  });
  it('applies the rules the algorithm description illustrates', () => {
    const cases: Record<string, string> = {
      // step 1a
      caresses: 'caress', ties: 'tie', cries: 'cri', gas: 'gas', gaps: 'gap', kiwis: 'kiwi', this: 'this',
      // step 1b
      hoping: 'hope', luxuriating: 'luxuri', hopping: 'hop', agreed: 'agre', feed: 'feed',
      // step 1c
      cry: 'cri', by: 'by', say: 'say',
      // R1 exceptions and special words
      generously: 'generous', communism: 'communism', arsenal: 'arsenal', skies: 'sky', dying: 'die', news: 'news',
      // steps 2-5
      relational: 'relat', conditional: 'condit', hopefulness: 'hope', electricity: 'electr', adjustable: 'adjust',
      // invariant after 1a
      succeed: 'succeed', herring: 'herring',
    };
    for (const [w, s] of Object.entries(cases)) expect([w, porter2(w)]).toEqual([w, s]);
  });
  it('leaves words of two letters or fewer alone', () => {
    expect(porter2('is')).toBe('is');
    expect(porter2('a')).toBe('a');
  });
});

describe('stemFunction', () => {
  it('loads porter and lancaster from natural', () => {
    expect(stemFunction('porter')('generously')).toBe('gener');
    expect(stemFunction('lancaster')('generously')).toBe('gen');
  });
  it('loads them with a dynamic import too, and builds a pipeline with them', async () => {
    expect((await loadStemFunction('porter'))('generously')).toBe('gener');
    expect((await loadStemFunction('lancaster'))('generously')).toBe('gen');
    expect(await loadStemFunction('porter2')).toBe(porter2);
    const nlp = await createPipeline({ tokenizer: { factory: 'whitespace' }, components: [{ name: 'stemmer', options: { algorithm: 'lancaster' } }] });
    expect(nlp('generously running').token(0).ext('stem')).toBe('gen');
  });
});

describe('Stemmer.process', () => {
  it('writes the stem extension column through a pipeline', async () => {
    const nlp = await createPipeline({ tokenizer: { factory: 'whitespace' }, components: [{ name: 'stemmer' }] });
    const doc = nlp('Running knights CONSOLINGLY');
    expect([0, 1, 2].map((i) => doc.token(i).ext('stem'))).toEqual(['run', 'knight', 'consol']);
  });
  it('honours algorithm and attr options and rejects unknown algorithms', async () => {
    const nlp = await createPipeline({ tokenizer: { factory: 'whitespace' }, components: [{ name: 'stemmer', options: { algorithm: 'porter', attr: 'p' } }] });
    expect(nlp('generously').token(0).ext('p')).toBe('gener');
    await expect(createPipeline({ tokenizer: { factory: 'whitespace' }, components: [{ name: 'stemmer', options: { algorithm: 'krovetz' } }] })).rejects.toThrow(/algorithm/);
  });
  it('stems with a language\'s Snowball stemmer, by code or name', async () => {
    const de = await createPipeline({ tokenizer: { factory: 'whitespace' }, components: [{ name: 'stemmer', options: { language: 'de' } }] });
    const doc = de('Häuser Kenntnisse');
    expect([doc.token(0).ext('stem'), doc.token(1).ext('stem')]).toEqual(['haus', 'kenntnis']);
    const fr = await createPipeline({ tokenizer: { factory: 'whitespace' }, components: [{ name: 'stemmer', options: { language: 'French' } }] });
    expect(fr('continuellement').token(0).ext('stem')).toBe('continuel');
    expect(new Stemmer(new Vocab(), { algorithm: 'porter2', language: 'es', lowercase: true, attr: 'stem' }).stemWord('canciones')).toBe('cancion');
  });
  it('stems in the pipeline\'s language (config lang) unless told otherwise', async () => {
    const de = await createPipeline({ lang: 'de', tokenizer: { factory: 'whitespace' }, components: [{ name: 'stemmer' }] });
    expect(de('Häuser').token(0).ext('stem')).toBe('haus');
    const en = await createPipeline({ lang: 'de', tokenizer: { factory: 'whitespace' }, components: [{ name: 'stemmer', options: { language: 'en' } }] });
    expect(en('running').token(0).ext('stem')).toBe('run');
    // zh has no Snowball stemmer: the algorithm (porter2) applies.
    const zh = await createPipeline({ lang: 'zh', tokenizer: { factory: 'whitespace' }, components: [{ name: 'stemmer' }] });
    expect(zh('running').token(0).ext('stem')).toBe('run');
  });
  it('rejects an unknown language, listing the known ones, and a language with a natural algorithm', async () => {
    const config = (options: Record<string, unknown>) => ({ tokenizer: { factory: 'whitespace' }, components: [{ name: 'stemmer', options }] });
    await expect(createPipeline(config({ language: 'sv' }))).rejects.toThrow('no Snowball stemmer for language "sv"; known: de, en, es, fr, it, nl, pt');
    await expect(createPipeline(config({ language: 'sv' }))).rejects.toMatchObject({ key: 'stemmer.language' });
    await expect(createPipeline(config({ language: 'de', algorithm: 'lancaster' }))).rejects.toThrow('choose either algorithm "lancaster" or language "de"');
    await expect(createPipeline(config({ language: 7 }))).rejects.toThrow(/language/);
  });
  it('stemWord caches per word type', () => {
    const s = new Stemmer(new Vocab());
    expect(s.stemWord('flows')).toBe('flow');
    expect(s.stemWord('flows')).toBe('flow');
  });
});

describe('Stemmer.perType', () => {
  it('declares its column and gives, per orth id, the stem id that process writes', async () => {
    const nlp = await createPipeline({ tokenizer: { factory: 'whitespace' }, components: [{ name: 'stemmer', options: { algorithm: 'porter2', attr: 'st' } }] });
    const per = nlp.getPipe('stemmer').perType!;
    expect(per.attr).toBe('st');
    const doc = nlp('Running RUNS generously ran');
    const strings = nlp.vocab.strings;
    for (let i = 0; i < doc.length; i++) expect(strings.get(per.idOf(doc.orth[i]!))).toBe(doc.token(i).ext('st'));
    expect(strings.get(per.idOf(strings.add('Running')))).toBe('run');
  });
});

describe('Stemmer.process across vocabs', () => {
  it('reads and writes a Doc from another vocab through that vocab', () => {
    const stemmer = new Stemmer(new Vocab());
    stemmer.stemWord('cats');
    const doc = Doc.fromWords(['running', 'dogs'], { vocab: new Vocab() });
    stemmer.process(doc);
    expect([doc.token(0).ext('stem'), doc.token(1).ext('stem')]).toEqual(['run', 'dog']);
  });
});
