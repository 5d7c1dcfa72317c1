/**
 * The analyzer: text -> index terms with positions and character offsets, built on a textloom
 * pipeline. The pipeline tokenizes and (by default) stems into the `stem` extension column; the
 * analyzer then lower-cases, drops punctuation-only tokens and stop words, and reads each
 * remaining token's term from the stem column (or its lower-case form when there is none).
 *
 * Positions follow Lucene: a dropped stop word leaves a position gap (so phrases stay exact),
 * punctuation is not a token at all. Per word type the filter decision is cached by string id.
 */
import type { Doc } from '../core/doc.js';
import { ConfigError } from '../core/errors.js';
import { ENGLISH_STOP_WORDS } from '../core/stop-words.js';
import type { PipelineConfig } from '../pipeline/config.js';
import { createPipeline, type Nlp } from '../pipeline/pipeline.js';
import { grow } from '../util/typed.js';

/** Options of an {@link Analyzer}. */
export interface AnalyzerOptions {
  /** The pipeline (config or a built `Nlp`); default {@link DEFAULT_ANALYZER_PIPELINE}. */
  pipeline?: PipelineConfig | Nlp;
  /** Stop words: `'english'` (default, the core English list), a list, or `false` for none. */
  stopWords?: 'english' | readonly string[] | false;
  /** Extension column holding each token's term (default `'stem'`); `null` uses the lower-case form. */
  termAttr?: string | null;
  /** Drop tokens with no letter or digit (default true). */
  dropPunct?: boolean;
}

/** The default analyzer pipeline: the rule-based tokenizer, then Porter2 stems. */
export const DEFAULT_ANALYZER_PIPELINE: Readonly<PipelineConfig> = Object.freeze({
  tokenizer: { factory: 'tokenizer' },
  components: [{ name: 'stemmer', factory: 'stemmer', options: { algorithm: 'porter2' } }],
});

/** Defaults of {@link AnalyzerOptions} (the pipeline default is {@link DEFAULT_ANALYZER_PIPELINE}). */
export const ANALYZER_DEFAULTS = Object.freeze({ stopWords: 'english' as const, termAttr: 'stem', dropPunct: true });

/** JSON description of an analyzer, as saved in an index manifest. */
export interface AnalyzerSpec {
  pipeline: PipelineConfig;
  stopWords: 'english' | string[] | false;
  termAttr: string | null;
  dropPunct: boolean;
}

/**
 * The output of {@link Analyzer.analyze}: parallel arrays of `n` entries (reused between calls).
 * `terms` holds string ids in {@link Analyzer.strings}.
 */
export interface TokenStream {
  n: number;
  terms: Int32Array;
  /** Lower-case surface form (string id) of each term's token, for suggestions. */
  surfaces: Int32Array;
  positions: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
}

const HAS_ALNUM = /[\p{L}\p{N}]/u;

/**
 * Turns text into index terms. Build with {@link Analyzer.create}.
 * @example
 * const a = await Analyzer.create({ pipeline: { tokenizer: { factory: 'whitespace' }, components: [{ name: 'stemmer' }] } });
 * a.terms('The wings of aircraft') // ['wing', 'aircraft']
 */
export class Analyzer {
  /** The pipeline doing tokenization and stemming. */
  readonly nlp: Nlp;
  /** The JSON spec this analyzer was built from. */
  readonly spec: AnalyzerSpec;
  private readonly stop: ReadonlySet<string>;
  // orth id -> 1 keep, 2 drop (stop word: position gap), 3 drop (punct: no position), 0 unknown
  private kind = new Uint8Array(1024);
  // orth id -> lower-case id + 1
  private lowerOf = new Uint32Array(1024);
  private readonly out: TokenStream = { n: 0, terms: new Int32Array(64), surfaces: new Int32Array(64), positions: new Int32Array(64), starts: new Int32Array(64), ends: new Int32Array(64) };

  private constructor(nlp: Nlp, spec: AnalyzerSpec) {
    this.nlp = nlp;
    this.spec = spec;
    this.stop = spec.stopWords === 'english' ? ENGLISH_STOP_WORDS : new Set(spec.stopWords || []);
  }

  /** Builds an analyzer; an unknown pipeline factory raises a ConfigError naming it. */
  static async create(options: AnalyzerOptions = {}): Promise<Analyzer> {
    const p = options.pipeline ?? DEFAULT_ANALYZER_PIPELINE;
    const isNlp = typeof p === 'function' || typeof (p as { process?: unknown }).process === 'function';
    const nlp = isNlp ? (p as Nlp) : await createPipeline(structuredClone(p) as PipelineConfig);
    const stopWords = options.stopWords ?? ANALYZER_DEFAULTS.stopWords;
    if (stopWords !== false && stopWords !== 'english' && !Array.isArray(stopWords)) {
      throw new ConfigError(`stopWords must be 'english', a list of words or false`, { key: 'analyzer.stopWords' });
    }
    const spec: AnalyzerSpec = {
      pipeline: structuredClone(nlp.config),
      stopWords: Array.isArray(stopWords) ? [...stopWords] : (stopWords as 'english' | false),
      termAttr: options.termAttr === undefined ? ANALYZER_DEFAULTS.termAttr : options.termAttr,
      dropPunct: options.dropPunct ?? ANALYZER_DEFAULTS.dropPunct,
    };
    return new Analyzer(nlp, spec);
  }

  /** Rebuilds an analyzer from a saved {@link AnalyzerSpec}. */
  static fromSpec(spec: AnalyzerSpec): Promise<Analyzer> {
    return Analyzer.create({ pipeline: spec.pipeline, stopWords: spec.stopWords, termAttr: spec.termAttr, dropPunct: spec.dropPunct });
  }

  /** The string store that term ids of {@link analyze} refer to. */
  get strings() {
    return this.nlp.vocab.strings;
  }

  private classify(orth: number): number {
    const strings = this.nlp.vocab.strings;
    const text = strings.get(orth);
    const lower = text.toLowerCase();
    const lid = strings.add(lower);
    let k = 1;
    if (this.spec.dropPunct && !HAS_ALNUM.test(text)) k = 3;
    else if (this.stop.has(lower)) k = 2;
    this.kind = grow(this.kind, Math.max(orth, lid) + 1);
    this.lowerOf = grow(this.lowerOf, Math.max(orth, lid) + 1);
    this.kind[orth] = k;
    this.lowerOf[orth] = lid + 1;
    return k;
  }

  /** Runs the pipeline and the filters over a Doc made from `text`. */
  analyze(text: string): TokenStream {
    return this.analyzeDoc(this.nlp.process(text));
  }

  /** Filters an already processed Doc into terms (see {@link analyze}). */
  analyzeDoc(doc: Doc): TokenStream {
    const out = this.out;
    const n = doc.length;
    if (out.terms.length < n) {
      out.terms = grow(out.terms, n);
      out.surfaces = grow(out.surfaces, n);
      out.positions = grow(out.positions, n);
      out.starts = grow(out.starts, n);
      out.ends = grow(out.ends, n);
    }
    const attr = this.spec.termAttr;
    const col = attr ? (doc.getExtension(attr) as unknown as { ids?: Uint32Array; get(i: number): unknown } | undefined) : undefined;
    const ids = col?.ids;
    const strings = this.nlp.vocab.strings;
    const orths = doc.orth;
    const idx = doc.idx;
    let m = 0;
    let pos = -1;
    for (let i = 0; i < n; i++) {
      const o = orths[i]!;
      let k = o < this.kind.length ? this.kind[o]! : 0;
      if (k === 0) k = this.classify(o);
      if (k === 3) continue;
      pos++;
      if (k === 2) continue;
      let term: number;
      if (ids) term = ids[i]! || this.lowerOf[o]! - 1;
      else if (col) {
        const v = col.get(i);
        term = typeof v === 'string' && v ? strings.add(v) : this.lowerOf[o]! - 1;
      } else term = this.lowerOf[o]! - 1;
      out.terms[m] = term;
      out.surfaces[m] = this.lowerOf[o]! - 1;
      out.positions[m] = pos;
      out.starts[m] = idx[i]!;
      out.ends[m] = idx[i]! + strings.get(o).length;
      m++;
    }
    out.n = m;
    return out;
  }

  /** The terms of `text` as strings (convenience; allocates). */
  terms(text: string): string[] {
    const s = this.analyze(text);
    const strings = this.strings;
    const r: string[] = [];
    for (let i = 0; i < s.n; i++) r.push(strings.get(s.terms[i]!));
    return r;
  }

  /** Normalizes a prefix or fuzzy query word: lower case only (like Lucene, no stemming). */
  normalize(word: string): string {
    return word.toLowerCase();
  }
}
