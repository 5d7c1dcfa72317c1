import { describe, expect, it } from 'vitest';
import { analyze, BinaryEncoder, ConfigError, CountEncoder, CountVectorizer, extractKeywords, HashingVectorizer, LabelCountEncoder, MinMaxScaler, padSequences, Vocabulary, StandardScaler, TfidfTransformer, TfidfVectorizer } from '../../src/index.js';

const docs = ['aa bb', 'aa cc'];
const make: Record<string, (o: object) => unknown> = {
  CountVectorizer: (o) => new CountVectorizer(o as never),
  TfidfVectorizer: (o) => new TfidfVectorizer(o as never),
  HashingVectorizer: (o) => new HashingVectorizer(o as never),
};

describe('checkOptions (through the vectorizer constructors)', () => {
  it.each(Object.keys(make))('%s rejects scikit-learn snake_case keys, naming the option meant', (name) => {
    const key = name === 'HashingVectorizer' ? 'n_features' : 'ngram_range';
    const meant = name === 'HashingVectorizer' ? 'nFeatures' : 'ngramRange';
    expect(() => make[name]!({ [key]: 1 })).toThrow(ConfigError);
    expect(() => make[name]!({ [key]: 1 })).toThrow(new RegExp(`did you mean "${meant}"`));
    expect(() => make[name]!({ lowercas: true })).toThrow(/unknown option "lowercas"; valid options: analyzer, lowercase/);
  });

  it.each(Object.keys(make))('%s rejects a boolean option given as a string and an unknown dtype', (name) => {
    expect(() => make[name]!({ binary: 'false' })).toThrow(/binary must be true or false/);
    expect(() => make[name]!({ lowercase: 0 })).toThrow(ConfigError);
    expect(() => make[name]!({ dtype: 'int8' })).toThrow(/dtype must be/);
    expect(() => make[name]!({ binary: undefined, dtype: 'float32' })).not.toThrow();
  });

  it('covers TfidfTransformer, TfidfVectorizer weighting options, extractKeywords and analyze', () => {
    expect(() => new TfidfTransformer({ smooth_idf: false } as never)).toThrow(/did you mean "smoothIdf"/);
    expect(() => new TfidfTransformer({ sublinearTf: 'yes' } as never)).toThrow(ConfigError);
    expect(() => new TfidfVectorizer({ max_df: 0.5 } as never)).toThrow(/did you mean "maxDf"/);
    expect(() => new TfidfVectorizer({ useIdf: 'false' } as never)).toThrow(/useIdf must be true or false/);
    expect(() => extractKeywords(docs, { stop_words: 'english' } as never)).toThrow(/did you mean "stopWords"/);
    expect(extractKeywords(docs, { top: 1, stopWords: null })[0]!.length).toBe(1);
    expect(() => analyze('aa bb', { stop_words: 'english' } as never)).toThrow(ConfigError);
    expect(analyze('the aa', { stopWords: 'english' })).toEqual(['aa']);
  });

  it('covers the scalers and count encoders: misspelt keys, wrong types and values outside the enum', () => {
    expect(() => new StandardScaler({ with_mean: false } as never)).toThrow(/did you mean "withMean"/);
    expect(() => new StandardScaler({ withStd: 'no' } as never)).toThrow(ConfigError);
    expect(() => new MinMaxScaler({ clip: 1 } as never)).toThrow(/clip must be true or false/);
    expect(() => new MinMaxScaler({ featureRange: [1, 0] })).toThrow(/featureRange must be \[lo, hi\]/);
    expect(() => new BinaryEncoder({ handle_unknown: 'error' } as never)).toThrow(/did you mean "handleUnknown"/);
    expect(() => new CountEncoder({ handleUnknown: 'ignore' } as never)).toThrow(/handleUnknown must be one of error, value, got "ignore"/);
    expect(() => new LabelCountEncoder({ order: 'up' } as never)).toThrow(ConfigError);
    expect(new LabelCountEncoder({ order: 'asc', unknownValue: NaN }).options).toEqual({ order: 'asc', handleUnknown: 'value', unknownValue: NaN });
  });

  it('covers Vocabulary and padSequences', () => {
    const v = Vocabulary.build([['a', 'b']]);
    expect(() => Vocabulary.build([['a']], { min_count: 2 } as never)).toThrow(/did you mean "minCount"/);
    expect(() => v.encode(['a'], { addBOS: true } as never)).toThrow(/did you mean "addBos"/);
    expect(() => v.decode([1], { skipSpecial: 'no' } as never)).toThrow(/skipSpecial must be true or false/);
    expect(() => padSequences([[1]], { padding: 'left' } as never)).toThrow(ConfigError);
    expect(() => padSequences([[1]], { max_len: 2 } as never)).toThrow(/did you mean "maxLen"/);
  });
});
