import { describe, expect, it } from 'vitest';
import * as api from '../../src/index.js';
import { ArgumentError, ConfigError, TextloomError } from '../../src/core/errors.js';
import { checkOptionKeys, checkOptions, checkOptionValue, describeOption, resolveOptions, schemaDefaults, type OptionSchema } from '../../src/core/options.js';
import { getComponentFactory, getTokenizerFactory } from '../../src/pipeline/registry.js';
import { ANALOGY_DEFAULTS, ANALOGY_SCHEMA, checkWord2VecOptions, LOAD_SCHEMA, MOST_SIMILAR_DEFAULTS, MOST_SIMILAR_SCHEMA, PAIRS_DEFAULTS, PAIRS_SCHEMA, SAVE_SCHEMA, WMD_DEFAULTS, WMD_SCHEMA, WORD2VEC_DEFAULTS, WORD2VEC_SCHEMA } from '../../src/embeddings/options.js';
import { Word2Vec } from '../../src/embeddings/word2vec.js';
import { ANALYZER_DEFAULTS, ANALYZER_SCHEMA, BINARY_ENCODER_SCHEMA, COUNT_DEFAULTS, COUNT_ENCODER_DEFAULTS, COUNT_ENCODER_SCHEMA, COUNT_SCHEMA, HASHING_DEFAULTS, HASHING_SCHEMA, KEYWORD_DEFAULTS, KEYWORD_SCHEMA, LABEL_COUNT_ENCODER_SCHEMA, MIN_MAX_SCALER_DEFAULTS, MIN_MAX_SCALER_SCHEMA, PAD_DEFAULTS, PAD_SCHEMA, STANDARD_SCALER_DEFAULTS, STANDARD_SCALER_SCHEMA, TFIDF_DEFAULTS, VOCABULARY_BUILD_SCHEMA, VOCABULARY_DEFAULTS, ENCODE_SCHEMA, DECODE_SCHEMA, TFIDF_SCHEMA, TFIDF_VECTORIZER_SCHEMA } from '../../src/vectorize/options.js';
import { LM_DEFAULTS, LM_GENERATE_SCHEMA, LM_SCORE_SCHEMA, LM_TRAIN_SCHEMA } from '../../src/lm/options.js';
import { TEXTCAT_DEFAULTS, TEXTCAT_SCHEMA } from '../../src/components/textcat/textcat.js';
import { TRAIN_DEFAULTS, TRAIN_SCHEMA } from '../../src/components/tagger/train.js';
import { w2vTrain } from '../../src/cli/commands/w2v-train.js';
import { lmTrain } from '../../src/cli/commands/lm-train.js';
import { lmGenerate } from '../../src/cli/commands/lm-generate.js';
import { trainTextcat } from '../../src/cli/commands/train-textcat.js';
import { trainTaggerCommand } from '../../src/cli/commands/train-tagger.js';
import { w2vSimilar } from '../../src/cli/commands/w2v-similar.js';
import { w2vEval } from '../../src/cli/commands/w2v-eval.js';
import { tfidfKeywords } from '../../src/cli/commands/tfidf-keywords.js';
import { searchCommand } from '../../src/cli/commands/search.js';
import type { Command } from '../../src/cli/command.js';

const SCHEMA: OptionSchema = {
  order: { type: 'integer', min: 1, max: 16, default: 3 },
  minCount: { type: 'integer', min: 1 },
  rate: { type: 'number', min: 0, exclusiveMin: true, max: 1 },
  share: { type: 'number', min: 0, max: 0.5, exclusiveMax: true },
  mode: { type: 'string', enum: ['fast', 'exact'], default: 'fast' },
  norm: { type: 'string', enum: ['l1', 'l2'], nullable: true },
  lower: { type: 'boolean', default: true },
  words: { type: 'string[]' },
  list: { type: 'array' },
  obj: { type: 'object' },
  fn: { type: 'function' },
  anything: { type: 'any' },
};

function thrown(f: () => unknown): TextloomError {
  try {
    f();
  } catch (e) {
    if (e instanceof TextloomError) return e;
    throw e;
  }
  throw new Error('did not throw');
}

describe('checkOptionKeys', () => {
  it('names the camelCase option a snake_case or miscased key stands for, else lists the valid ones', () => {
    expect(() => checkOptionKeys({ min_count: 2 }, ['order', 'minCount'], { what: 'train' })).toThrow('unknown train option "min_count"; did you mean "minCount"?');
    expect(() => checkOptionKeys({ MINCOUNT: 2 }, ['order', 'minCount'])).toThrow(/did you mean "minCount"/);
    expect(() => checkOptionKeys({ nope: 1 }, ['order', 'minCount'])).toThrow(/unknown option "nope"; valid options: order, minCount/);
    expect(() => checkOptionKeys({ nope: 1 }, [])).toThrow(/unknown option "nope" \(there are no options\)/);
    expect(() => checkOptionKeys({ nope: undefined }, ['order'])).not.toThrow();
  });

  it('raises an ArgumentError for a call and a ConfigError for a configuration, keyed under keyPrefix', () => {
    const a = thrown(() => checkOptionKeys({ x: 1 }, ['y'], { keyPrefix: 'bm25' }));
    expect(a).toBeInstanceOf(ArgumentError);
    expect(a.key).toBe('bm25.x');
    const c = thrown(() => checkOptionKeys({ x: 1 }, ['y'], { config: true, keyPrefix: 'components[0].options' }));
    expect(c).toBeInstanceOf(ConfigError);
    expect(c.key).toBe('components[0].options.x');
  });
});

describe('describeOption', () => {
  it('says what a valid value is', () => {
    expect(describeOption({ type: 'integer', min: 1 })).toBe('an integer >= 1');
    expect(describeOption({ type: 'integer', min: 1, max: 16 })).toBe('an integer in [1, 16]');
    expect(describeOption({ type: 'number', min: 0, exclusiveMin: true })).toBe('a finite number > 0');
    expect(describeOption({ type: 'number', min: 0, exclusiveMin: true, max: 1 })).toBe('a finite number in (0, 1]');
    expect(describeOption({ type: 'number', min: 0, max: 0.5, exclusiveMax: true })).toBe('a finite number in [0, 0.5)');
    expect(describeOption({ type: 'number', max: 1, exclusiveMax: true })).toBe('a finite number < 1');
    expect(describeOption({ type: 'string', enum: ['l1', 'l2'], nullable: true })).toBe('one of l1, l2 or null');
    expect(describeOption({ type: 'boolean' })).toBe('true or false');
    expect(describeOption({ type: 'string[]' })).toBe('a list of strings');
  });
});

describe('checkOptionValue', () => {
  it('checks type, integer, range and enum, naming the key and the value given', () => {
    expect(() => checkOptionValue(SCHEMA.order!, 0, 'order')).toThrow('order must be an integer in [1, 16], got 0');
    expect(() => checkOptionValue(SCHEMA.order!, 2.5, 'order')).toThrow(/got 2\.5/);
    expect(() => checkOptionValue(SCHEMA.order!, '3', 'order')).toThrow('order must be an integer in [1, 16], got "3"');
    expect(() => checkOptionValue(SCHEMA.rate!, 0, 'rate')).toThrow('rate must be a finite number in (0, 1], got 0');
    expect(() => checkOptionValue(SCHEMA.rate!, NaN, 'rate')).toThrow(/got NaN/);
    expect(() => checkOptionValue(SCHEMA.rate!, Infinity, 'rate')).toThrow(/got Infinity/);
    expect(() => checkOptionValue(SCHEMA.share!, 0.5, 'share')).toThrow(/in \[0, 0\.5\)/);
    expect(() => checkOptionValue(SCHEMA.mode!, 'slow', 'mode')).toThrow('mode must be one of fast, exact, got "slow"');
    expect(() => checkOptionValue(SCHEMA.lower!, 'false', 'lower')).toThrow('lower must be true or false, got "false"');
    expect(() => checkOptionValue(SCHEMA.words!, ['a', 1], 'words')).toThrow(/a list of strings/);
    expect(() => checkOptionValue(SCHEMA.obj!, [], 'obj')).toThrow(/an object/);
    expect(() => checkOptionValue(SCHEMA.fn!, 'f', 'fn')).toThrow(/a function/);
    for (const [k, v] of [['order', 16], ['rate', 1], ['share', 0], ['mode', 'exact'], ['norm', null], ['norm', 'l1'], ['words', []], ['list', [1]], ['obj', {}], ['fn', () => 1], ['anything', null]] as const) {
      expect(() => checkOptionValue(SCHEMA[k]!, v, k)).not.toThrow();
    }
    // null only where the spec allows it.
    expect(() => checkOptionValue(SCHEMA.mode!, null, 'mode')).toThrow(/got null/);
  });
});

describe('checkOptions', () => {
  it('rejects a non-object, unknown keys and bad values; ignores undefined values', () => {
    expect(() => checkOptions(SCHEMA, 5, { what: 'train' })).toThrow('train options must be an object, got number');
    expect(() => checkOptions(SCHEMA, null)).toThrow(/got null/);
    expect(() => checkOptions(SCHEMA, [1])).toThrow(/got a list/);
    expect(() => checkOptions(SCHEMA, { min_count: 1 })).toThrow(/did you mean "minCount"/);
    expect(() => checkOptions(SCHEMA, { minCount: 0 })).toThrow('minCount must be an integer >= 1, got 0');
    expect(() => checkOptions(SCHEMA, { minCount: undefined, order: undefined })).not.toThrow();
    expect(() => checkOptions(SCHEMA, undefined)).not.toThrow();
  });

  it('chooses the error class by the caller (config: true for configurations) and keys it under keyPrefix', () => {
    const a = thrown(() => checkOptions(SCHEMA, { order: 99 }, { what: 'train' }));
    expect(a).toBeInstanceOf(ArgumentError);
    expect(a.key).toBe('order');
    const c = thrown(() => checkOptions(SCHEMA, { order: 99 }, { config: true, keyPrefix: 'components[2].options' }));
    expect(c).toBeInstanceOf(ConfigError);
    expect([c.key, c.detail]).toEqual(['components[2].options.order', 'order must be an integer in [1, 16], got 99']);
  });
});

describe('resolveOptions', () => {
  it('fills the defaults of the schema; an option given as undefined takes its default', () => {
    expect(resolveOptions(SCHEMA, {})).toEqual({ order: 3, mode: 'fast', lower: true });
    expect(resolveOptions(SCHEMA, { order: undefined, minCount: 2 })).toEqual({ order: 3, minCount: 2, mode: 'fast', lower: true });
    expect(resolveOptions(SCHEMA, undefined)).toEqual({ order: 3, mode: 'fast', lower: true });
    expect(() => resolveOptions(SCHEMA, { order: 0 }, { config: true })).toThrow(ConfigError);
  });

  it('schemaDefaults lists the defaults', () => {
    expect(schemaDefaults(SCHEMA)).toEqual({ order: 3, mode: 'fast', lower: true });
  });
});

// ---- every module's defaults: frozen, and the schemas point at them ----

describe('*_DEFAULTS objects', () => {
  const exported = Object.entries(api).filter(([name]) => name.endsWith('_DEFAULTS'));

  it('are exported through the public API and frozen', () => {
    expect(exported.length).toBeGreaterThan(25);
    for (const [name, v] of exported) expect(Object.isFrozen(v), name).toBe(true);
  });

  it('freeze their nested objects and lists too', () => {
    for (const [name, v] of exported) {
      for (const [k, inner] of Object.entries(v as object)) if (inner !== null && typeof inner === 'object') expect(Object.isFrozen(inner), `${name}.${k}`).toBe(true);
    }
  });
});

/** Each schema default must be the DEFAULTS field itself (written once), and each DEFAULTS field the schema has must be its default. */
function expectSchemaDefaults(schema: OptionSchema, defaults: object, factoryOnly: readonly string[] = []): void {
  const d = defaults as Record<string, unknown>;
  for (const [k, spec] of Object.entries(schema)) {
    if (spec.default === undefined) continue;
    if (factoryOnly.includes(k)) continue;
    expect(Object.prototype.hasOwnProperty.call(d, k), `default of "${k}" is not in its DEFAULTS object`).toBe(true);
    expect(spec.default, k).toBe(d[k]);
  }
  for (const k of Object.keys(d)) if (k in schema) expect(schema[k]!.default, `schema of "${k}" lacks its default`).toBe(d[k]);
}

describe('schemas', () => {
  it('are frozen', () => {
    for (const s of [WORD2VEC_SCHEMA, MOST_SIMILAR_SCHEMA, WMD_SCHEMA, ANALOGY_SCHEMA, PAIRS_SCHEMA, SAVE_SCHEMA, LOAD_SCHEMA, ANALYZER_SCHEMA, COUNT_SCHEMA, TFIDF_SCHEMA, TFIDF_VECTORIZER_SCHEMA, KEYWORD_SCHEMA, HASHING_SCHEMA, MIN_MAX_SCALER_SCHEMA, STANDARD_SCALER_SCHEMA, BINARY_ENCODER_SCHEMA, COUNT_ENCODER_SCHEMA, LABEL_COUNT_ENCODER_SCHEMA, VOCABULARY_BUILD_SCHEMA, ENCODE_SCHEMA, DECODE_SCHEMA, PAD_SCHEMA, LM_TRAIN_SCHEMA, LM_SCORE_SCHEMA, LM_GENERATE_SCHEMA, TEXTCAT_SCHEMA, TRAIN_SCHEMA]) {
      expect(Object.isFrozen(s)).toBe(true);
    }
  });

  it.each([
    ['word2vec', WORD2VEC_SCHEMA, WORD2VEC_DEFAULTS],
    ['mostSimilar', MOST_SIMILAR_SCHEMA, MOST_SIMILAR_DEFAULTS],
    ['wmDistance', WMD_SCHEMA, WMD_DEFAULTS],
    ['analogies', ANALOGY_SCHEMA, ANALOGY_DEFAULTS],
    ['word pairs', PAIRS_SCHEMA, PAIRS_DEFAULTS],
    ['analyzer', ANALYZER_SCHEMA, ANALYZER_DEFAULTS],
    ['CountVectorizer', COUNT_SCHEMA, { ...ANALYZER_DEFAULTS, ...COUNT_DEFAULTS }],
    ['TfidfTransformer', TFIDF_SCHEMA, TFIDF_DEFAULTS],
    ['TfidfVectorizer', TFIDF_VECTORIZER_SCHEMA, { ...ANALYZER_DEFAULTS, ...COUNT_DEFAULTS, ...TFIDF_DEFAULTS }],
    ['extractKeywords', KEYWORD_SCHEMA, { ...ANALYZER_DEFAULTS, ...COUNT_DEFAULTS, ...TFIDF_DEFAULTS, ...KEYWORD_DEFAULTS }],
    ['HashingVectorizer', HASHING_SCHEMA, { ...ANALYZER_DEFAULTS, ...HASHING_DEFAULTS }],
    ['MinMaxScaler', MIN_MAX_SCALER_SCHEMA, MIN_MAX_SCALER_DEFAULTS],
    ['StandardScaler', STANDARD_SCALER_SCHEMA, STANDARD_SCALER_DEFAULTS],
    ['BinaryEncoder', BINARY_ENCODER_SCHEMA, COUNT_ENCODER_DEFAULTS],
    ['CountEncoder', COUNT_ENCODER_SCHEMA, COUNT_ENCODER_DEFAULTS],
    ['LabelCountEncoder', LABEL_COUNT_ENCODER_SCHEMA, COUNT_ENCODER_DEFAULTS],
    ['Vocabulary.build', VOCABULARY_BUILD_SCHEMA, VOCABULARY_DEFAULTS],
    ['Vocabulary.encode', ENCODE_SCHEMA, VOCABULARY_DEFAULTS],
    ['Vocabulary.decode', DECODE_SCHEMA, VOCABULARY_DEFAULTS],
    ['padSequences', PAD_SCHEMA, PAD_DEFAULTS],
    ['NgramLM.train', LM_TRAIN_SCHEMA, LM_DEFAULTS],
    ['NgramLM.score', LM_SCORE_SCHEMA, LM_DEFAULTS],
    ['NgramLM.generate', LM_GENERATE_SCHEMA, LM_DEFAULTS],
    ['TextCategorizer.train', TEXTCAT_SCHEMA, TEXTCAT_DEFAULTS],
    ['trainTagger', TRAIN_SCHEMA, TRAIN_DEFAULTS],
  ] as const)('%s: every schema default is its DEFAULTS field', (_name, schema, defaults) => {
    expectSchemaDefaults(schema, defaults);
  });

  it('registered factories take their defaults from the components\' DEFAULTS objects', () => {
    expectSchemaDefaults(getComponentFactory('senter').options, api.SENTER_DEFAULTS);
    expectSchemaDefaults(getComponentFactory('stemmer').options, api.STEMMER_DEFAULTS);
    expectSchemaDefaults(getComponentFactory('tagger').options, api.TAGGER_DEFAULTS);
    expectSchemaDefaults(getComponentFactory('lemmatizer').options, api.LEMMATIZER_DEFAULTS);
    expectSchemaDefaults(getComponentFactory('vectors').options, api.VECTORS_COMPONENT_DEFAULTS);
    // patterns, patternsFile and phraseTokenizer exist only in a config.
    expectSchemaDefaults(getComponentFactory('entity_ruler').options, api.ENTITY_RULER_DEFAULTS, ['patterns', 'patternsFile', 'phraseTokenizer']);
    expectSchemaDefaults(getTokenizerFactory('tokenizer').options, api.TOKENIZER_DEFAULTS);
  });
});

describe('checkWord2VecOptions', () => {
  it('rejects what Word2Vec.train rejects, with the same class and key', async () => {
    const bad: Record<string, unknown>[] = [
      { epochs: 0 }, { vectorSize: 1.5 }, { window: 0 }, { minCount: 0 }, { maxVocabSize: -1 }, { negative: -1 }, { threads: 0 },
      { batchWords: 0 }, { maxSentenceLength: 0 }, { noiseTableSize: 0 }, { seed: 1.5 }, { sample: -1 }, { alpha: 0 },
      { noiseTable: 'flat' }, { sg: 'true' }, { min_count: 2 }, { onProgress: 1 },
    ];
    for (const o of bad) {
      const e = thrown(() => checkWord2VecOptions(o));
      expect(e, JSON.stringify(o)).toBeInstanceOf(ArgumentError);
      const t = await Word2Vec.train('no-such-corpus.txt', o as never).then(
        () => undefined,
        (x: unknown) => x,
      );
      expect(t, JSON.stringify(o)).toBeInstanceOf(ArgumentError);
      expect((t as ArgumentError).key, JSON.stringify(o)).toBe(e.key);
    }
    expect(() => checkWord2VecOptions({ ...WORD2VEC_DEFAULTS, alpha: 0.1, minAlpha: 0, noiseTable: 'cumulative', pipeline: 'en_core', onProgress: () => {} })).not.toThrow();
  });
});

// ---- command-line flags take their defaults from the same objects ----

/** The API option a flag sets: its declared `option` (first of a list) or its camelCase name. */
function optionOf(flag: string, spec: { option?: string | readonly string[] }): string {
  const o = spec.option;
  if (typeof o === 'string') return o;
  if (Array.isArray(o)) return o[0] as string;
  return flag.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
}

function expectFlagDefaults(cmd: Command, defaults: object, minMatched: number, convert: Record<string, (v: unknown) => unknown> = {}): void {
  const d = defaults as Record<string, unknown>;
  let matched = 0;
  for (const [flag, spec] of Object.entries(cmd.flags ?? {})) {
    const key = optionOf(flag, spec as { option?: string });
    if (spec.default === undefined || !(key in d)) continue;
    matched++;
    const want = convert[key] ? convert[key](d[key]) : d[key];
    expect(spec.default, `--${flag} of ${cmd.name}`).toEqual(want);
  }
  expect(matched).toBeGreaterThanOrEqual(minMatched);
}

describe('command-line flag defaults', () => {
  it('equal the library defaults they stand for', () => {
    expectFlagDefaults(w2vTrain, WORD2VEC_DEFAULTS, 10, { hs: (v) => (v ? 1 : 0) });
    expectFlagDefaults(lmTrain, LM_DEFAULTS, 4);
    expectFlagDefaults(lmGenerate, LM_DEFAULTS, 3);
    expectFlagDefaults(trainTextcat, TEXTCAT_DEFAULTS, 5);
    expectFlagDefaults(trainTaggerCommand, TRAIN_DEFAULTS, 2);
    expectFlagDefaults(w2vSimilar, MOST_SIMILAR_DEFAULTS, 1);
    expectFlagDefaults(w2vEval, ANALOGY_DEFAULTS, 1);
    expectFlagDefaults(tfidfKeywords, { ...KEYWORD_DEFAULTS, ngramRange: ANALYZER_DEFAULTS.ngramRange }, 2, { ngramRange: (v) => (v as number[]).join(',') });
    expectFlagDefaults(searchCommand, api.SEARCH_DEFAULTS, 1);
  });
});
