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
  it('defaults to the rule-based tokenizer with Porter2 stems', async () => {
    expect(DEFAULT_ANALYZER_PIPELINE.tokenizer).toEqual({ factory: 'tokenizer' });
    expect(DEFAULT_ANALYZER_PIPELINE.components![0]).toMatchObject({ factory: 'stemmer', options: { algorithm: 'porter2' } });
  });
});
