import { describe, expect, it } from 'vitest';
import { createPipeline } from '../../src/pipeline/pipeline.js';
import { Analyzer, DEFAULT_ANALYZER_PIPELINE } from '../../src/search/analyzer.js';
import { WS } from './helpers.js';

describe('Analyzer.analyze', () => {
  it('lower-cases, stems, drops stop words with a position gap and punctuation without one', async () => {
    const a = await Analyzer.create(WS);
    const ts = a.analyze('The Wings , of the Aircraft .');
    const terms = Array.from({ length: ts.n }, (_, i) => a.strings.get(ts.terms[i]!));
    expect(terms).toEqual(['wing', 'aircraft']);
    // The(0) Wings(1) ,(-) of(2) the(3) Aircraft(4) .(-)
    expect(Array.from(ts.positions.subarray(0, ts.n))).toEqual([1, 4]);
    expect(Array.from(ts.starts.subarray(0, ts.n))).toEqual([4, 19]);
    expect(Array.from(ts.ends.subarray(0, ts.n))).toEqual([9, 27]);
  });
  it('honours stopWords and termAttr options', async () => {
    const none = await Analyzer.create({ ...WS, stopWords: false });
    expect(none.terms('the wings')).toEqual(['the', 'wing']);
    const custom = await Analyzer.create({ ...WS, stopWords: ['wings'] });
    expect(custom.terms('the wings')).toEqual(['the']);
    const surface = await Analyzer.create({ ...WS, termAttr: null });
    expect(surface.terms('The Wings')).toEqual(['wings']);
  });
});

describe('Analyzer.create', () => {
  it('accepts a built Nlp and records its config in the spec', async () => {
    const nlp = await createPipeline({ tokenizer: { factory: 'whitespace' }, components: [{ name: 'stemmer', options: { algorithm: 'porter' } }] });
    const a = await Analyzer.create({ pipeline: nlp });
    expect(a.nlp).toBe(nlp);
    expect(a.terms('generously')).toEqual(['gener']);
    const b = await Analyzer.fromSpec(a.spec);
    expect(b.terms('generously')).toEqual(['gener']);
  });
  it('rejects non-boolean switches and a bad termAttr (splitCompounds: "false" used to split)', async () => {
    await expect(Analyzer.create({ ...WS, splitCompounds: 'false' as never })).rejects.toThrow(/splitCompounds must be true or false/);
    await expect(Analyzer.create({ ...WS, dropPunct: 0 as never })).rejects.toThrow(/dropPunct must be true or false/);
    await expect(Analyzer.create({ ...WS, termAttr: 5 as never })).rejects.toThrow(/termAttr/);
    expect((await Analyzer.create({ ...WS, splitCompounds: false })).terms('non-linear')).toEqual(['non-linear']);
  });
  it('defaults to the rule-based tokenizer with Porter2 stems', async () => {
    expect(DEFAULT_ANALYZER_PIPELINE.tokenizer).toEqual({ factory: 'tokenizer' });
    expect(DEFAULT_ANALYZER_PIPELINE.components![0]).toMatchObject({ factory: 'stemmer', options: { algorithm: 'porter2' } });
  });
});

describe('Analyzer.analyze (fast path)', () => {
  const text = "The Wings' lift, in a propeller-slipstream (see Fig. 3): aircraft WINGS fly; the end etc.";
  const dump = (a: Analyzer, ts: ReturnType<Analyzer['analyze']>) => ({
    terms: Array.from(ts.terms.subarray(0, ts.n), (t) => a.strings.get(t)),
    surfaces: Array.from(ts.surfaces.subarray(0, ts.n), (t) => a.strings.get(t)),
    positions: Array.from(ts.positions.subarray(0, ts.n)),
    starts: Array.from(ts.starts.subarray(0, ts.n)),
    ends: Array.from(ts.ends.subarray(0, ts.n)),
  });
  it('gives the same stream as the Doc path with the default pipeline', async () => {
    const a = await Analyzer.create();
    const b = await Analyzer.create();
    const fast = dump(a, a.analyze(text));
    const slow = dump(b, b.analyzeDoc(b.nlp.process(text)));
    expect(fast).toEqual(slow);
    expect(fast.terms).toContain('slipstream');
    expect(dump(a, a.analyze(text))).toEqual(fast); // cached per type: same again
  });
  it('falls back to Docs when a component does not declare perType', async () => {
    const nlp = await createPipeline({ tokenizer: { factory: 'tokenizer' }, components: [{ name: 'stemmer' }] });
    // Overwrites the stem column: only the Doc path can see it.
    nlp.addPipe({
      name: 'mark',
      process(doc) {
        const col = doc.extension<string>('stem', 'string');
        for (let i = 0; i < doc.length; i++) col.set(i, 'x');
      },
    });
    const a = await Analyzer.create({ pipeline: nlp });
    const b = await Analyzer.create();
    const got = dump(a, a.analyze(text));
    const ref = dump(b, b.analyze(text));
    expect(got.terms).toEqual(ref.terms.map(() => 'x'));
    expect(got.positions).toEqual(ref.positions);
  });
});

describe('Analyzer.analyze (compounds)', () => {
  const dump = (a: Analyzer, text: string) => {
    const ts = a.analyze(text);
    return Array.from({ length: ts.n }, (_, i) => [a.strings.get(ts.terms[i]!), ts.positions[i], ts.starts[i], ts.ends[i]]);
  };
  it('indexes a word joined by a hyphen, slash or symbol as its parts at consecutive positions', async () => {
    const a = await Analyzer.create();
    // non-linear(0,1) x/c(2,3) m=2.5(4,5) 10,000(6); "a" of a/b is a stop word: a gap at 7
    expect(dump(a, 'non-linear x/c m=2.5 10,000 a/b')).toEqual([
      ['non', 0, 0, 3],
      ['linear', 1, 4, 10],
      ['x', 2, 11, 12],
      ['c', 3, 13, 14],
      ['m', 4, 15, 16],
      ['2.5', 5, 17, 20],
      ['10,000', 6, 21, 27],
      ['b', 8, 30, 31],
    ]);
    // parts are stemmed like words
    expect(a.terms('wind-tunnels static/')).toEqual(['wind', 'tunnel', 'static']);
  });
  it('keeps compounds whole with splitCompounds: false, and for indexes saved before the option', async () => {
    const a = await Analyzer.create({ splitCompounds: false });
    expect(a.terms('non-linear x/c')).toEqual(['non-linear', 'x/c']);
    const { splitCompounds: _, ...old } = (await Analyzer.create()).spec;
    expect((await Analyzer.fromSpec(old)).terms('non-linear')).toEqual(['non-linear']);
  });
  it('gives the same stream on the Doc path', async () => {
    const a = await Analyzer.create();
    const b = await Analyzer.create();
    const text = 'the non-linear load/deflection curve of a re-entry body, x/c = 0.5';
    const ts = b.analyzeDoc(b.nlp.process(text));
    const slow = Array.from({ length: ts.n }, (_, i) => [b.strings.get(ts.terms[i]!), ts.positions[i], ts.starts[i], ts.ends[i]]);
    expect(dump(a, text)).toEqual(slow);
  });
});
