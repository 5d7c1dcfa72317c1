/**
 * The analyzer: text -> index terms with positions and character offsets, built on a textloom
 * pipeline. The pipeline tokenizes and (by default) stems into the `stem` extension column; the
 * analyzer then lower-cases, drops punctuation-only tokens and stop words, and reads each
 * remaining token's term from the stem column (or its lower-case form when there is none).
 *
 * Positions follow Lucene: a dropped stop word leaves a position gap (so phrases stay exact),
 * punctuation is not a token at all. Per word type the filter decision is cached by string id.
 *
 * Fast path: when the tokenizer offers `scan` (token ids without a Doc) and every enabled
 * component declares `perType` (its column depends only on the orth id, as the stemmer's does),
 * `analyze` skips Docs altogether and resolves each word type once into typed arrays indexed by
 * orth id (filter kind, term id, surface id, length). The output is identical to the Doc path.
 */
import type { Doc } from '../core/doc.js';
import { ConfigError } from '../core/errors.js';
import { ENGLISH_STOP_WORDS } from '../core/stop-words.js';
import { loadLanguage } from '../lang/load-language.js';
import { languageCodes } from '../lang/registry.js';
import { snowballLanguage } from '../lang/stemmer-table.js';
import type { PipelineConfig } from '../pipeline/config.js';
import type { PerTypeAttr, TokenScan } from '../pipeline/component.js';
import { createPipeline, type Nlp } from '../pipeline/pipeline.js';
import { grow } from '../util/typed.js';

/** Options of an {@link Analyzer}. */
export interface AnalyzerOptions {
  /**
   * Language code (`de`, `fr`, `es`, `pt`, `nl`, `it`, `en`, `zh`, `ja`, `xx`): the defaults of
   * `pipeline` and `stopWords` become that language's tokenizer, Snowball stemmer (where the
   * language has one: {@link languagePipeline}) and stop words. Default none (English).
   */
  language?: string;
  /** The pipeline (config or a built `Nlp`); default {@link DEFAULT_ANALYZER_PIPELINE} (or the `language`'s). */
  pipeline?: PipelineConfig | Nlp;
  /** Stop words: `'english'` (default, the core English list), a list, or `false` for none; with `language`, that language's list. */
  stopWords?: 'english' | readonly string[] | false;
  /** Extension column holding each token's term (default `'stem'`); `null` uses the lower-case form. */
  termAttr?: string | null;
  /** Drop tokens with no letter or digit (default true). */
  dropPunct?: boolean;
  /**
   * Index a token joined by a hyphen, slash or other symbol ("non-linear", "x/c", "m=2.5") as its
   * parts at consecutive positions, as Lucene's StandardTokenizer (UAX #29 word breaks) does; `.`,
   * `,`, `'` and `_` inside a token do not split it ("2.5", "10,000", "i.e"). Default true
   * (indexes saved before this option existed load with false).
   */
  splitCompounds?: boolean;
}

/** The default analyzer pipeline: the rule-based tokenizer, then Porter2 stems. */
export const DEFAULT_ANALYZER_PIPELINE: Readonly<PipelineConfig> = Object.freeze({
  tokenizer: { factory: 'tokenizer' },
  components: [{ name: 'stemmer', factory: 'stemmer', options: { algorithm: 'porter2' } }],
});

/**
 * The analyzer pipeline of a language: its tokenizer (config `lang`), then its Snowball stemmer
 * when it has one (de, en, es, fr, it, nl, pt; zh, ja and xx index lower-cased words).
 * @example languagePipeline('de') // { lang: 'de', tokenizer: { factory: 'tokenizer' }, components: [{ name: 'stemmer', factory: 'stemmer', options: { language: 'de' } }] }
 */
export function languagePipeline(language: string): PipelineConfig {
  const code = analyzerLanguage(language);
  const stem = snowballLanguage(code) !== undefined;
  return { lang: code, tokenizer: { factory: 'tokenizer' }, components: stem ? [{ name: 'stemmer', factory: 'stemmer', options: { language: code } }] : [] };
}

/** The language code of an analyzer's `language`; a ConfigError listing the known codes otherwise. */
function analyzerLanguage(language: unknown, key = 'analyzer.language'): string {
  const known = languageCodes();
  if (typeof language !== 'string' || !known.includes(language.toLowerCase())) {
    throw new ConfigError(`unknown language ${JSON.stringify(language)}; known: ${known.join(', ')}`, { key });
  }
  return language.toLowerCase();
}

/** Defaults of {@link AnalyzerOptions} (the pipeline default is {@link DEFAULT_ANALYZER_PIPELINE}). */
export const ANALYZER_DEFAULTS = Object.freeze({ stopWords: 'english' as const, termAttr: 'stem', dropPunct: true, splitCompounds: true });

/** JSON description of an analyzer, as saved in an index manifest. */
export interface AnalyzerSpec {
  /** The `language` the analyzer was built for (absent: none given). */
  language?: string;
  pipeline: PipelineConfig;
  stopWords: 'english' | string[] | false;
  termAttr: string | null;
  dropPunct: boolean;
  /** Absent in indexes saved before the option existed: read as false. */
  splitCompounds?: boolean;
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
// A character that splits a token into parts: anything but letters, marks, digits and the UAX #29
// mid-word joiners (`.` `,` `'` `’`) and connector `_`.
const SPLITTER = /[^\p{L}\p{M}\p{N}.,'’_]/u;
const PART = /[^\p{L}\p{M}\p{N}.,'’_]+/gu;
const LAST_PART = /[\p{L}\p{M}\p{N}.,'’_]*$/u;

/**
 * The part of `word` this analyzer indexes last: with `splitCompounds`, what follows the last
 * splitting character ("non-l" -> "l"), else the whole word.
 * @example lastCompoundPart('non-l', true) // 'l'
 */
export function lastCompoundPart(word: string, splitCompounds: boolean): string {
  return splitCompounds ? LAST_PART.exec(word)![0] : word;
}

// The parts of one compound word type: term string id (-1: a stop word, leaving a position gap),
// lower-case surface id, start offset and length within the token.
interface Compound {
  terms: Int32Array;
  surfaces: Int32Array;
  starts: Int32Array;
  lens: Int32Array;
}

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
  // orth id -> 1 keep, 2 drop (stop word: position gap), 3 drop (punct: no position), 4 compound
  // (emit the parts in compounds[compoundOf[orth] - 1]), 0 unknown
  private kind = new Uint8Array(1024);
  // orth id -> lower-case id + 1
  private lowerOf = new Uint32Array(1024);
  // Fast path (see the file comment): scanner, term source, orth id -> term id; orth id -> length (both paths).
  private readonly scan: ((text: string) => TokenScan) | null;
  private readonly termSource: PerTypeAttr | null;
  // The per-type writer of the term column, also on the Doc path (stems a compound's parts).
  private readonly partSource: PerTypeAttr | null;
  private compoundOf = new Int32Array(1024);
  private readonly compounds: Compound[] = [];
  private termOf = new Int32Array(1024);
  private lenOf = new Int32Array(1024);
  private readonly out: TokenStream = { n: 0, terms: new Int32Array(64), surfaces: new Int32Array(64), positions: new Int32Array(64), starts: new Int32Array(64), ends: new Int32Array(64) };

  private constructor(nlp: Nlp, spec: AnalyzerSpec) {
    this.nlp = nlp;
    this.spec = spec;
    this.stop = spec.stopWords === 'english' ? ENGLISH_STOP_WORDS : new Set(spec.stopWords || []);
    const tok = nlp.tokenizer;
    let fast = typeof tok.scan === 'function';
    let source: PerTypeAttr | null = null;
    // A component without perType after the source may rewrite the column: parts then fall back
    // to their lower-case form.
    let opaqueAfter = false;
    for (const name of nlp.pipeNames) {
      const per = nlp.getPipe(name).perType;
      if (!per) {
        fast = false;
        opaqueAfter = true;
      } else if (per.attr === spec.termAttr) {
        source = per; // the last writer of the term column wins
        opaqueAfter = false;
      }
    }
    this.scan = fast ? (text: string) => tok.scan!(text) : null;
    this.termSource = fast ? source : null;
    this.partSource = spec.termAttr && !opaqueAfter ? source : null;
  }

  /** Builds an analyzer; an unknown pipeline factory raises a ConfigError naming it. */
  static async create(options: AnalyzerOptions = {}): Promise<Analyzer> {
    // The language's data (a chunk of its own in a browser bundle) is loaded here, on first use.
    const lang = options.language === undefined ? undefined : await loadLanguage(analyzerLanguage(options.language));
    const p = options.pipeline ?? (lang ? languagePipeline(lang.code) : DEFAULT_ANALYZER_PIPELINE);
    const isNlp = typeof p === 'function' || typeof (p as { process?: unknown }).process === 'function';
    const nlp = isNlp ? (p as Nlp) : await createPipeline(structuredClone(p) as PipelineConfig);
    // A pipeline of another language would tokenize (and stem) the text in that language.
    const pipeLang = nlp.config.lang;
    if (lang && pipeLang !== undefined && pipeLang.toLowerCase() !== lang.code) {
      throw new ConfigError(`language "${lang.code}" but the pipeline's lang is "${pipeLang}"`, { key: 'analyzer.language' });
    }
    // The language's list is copied into the spec, so a saved index keeps the words it was built with.
    const stopWords = options.stopWords ?? (lang ? [...lang.stopWords].sort() : ANALYZER_DEFAULTS.stopWords);
    if (stopWords !== false && stopWords !== 'english' && !Array.isArray(stopWords)) {
      throw new ConfigError(`stopWords must be 'english', a list of words or false`, { key: 'analyzer.stopWords' });
    }
    // A string such as 'false' would read as true: the switches must be booleans.
    for (const k of ['dropPunct', 'splitCompounds'] as const) {
      const v = options[k];
      if (v !== undefined && typeof v !== 'boolean') throw new ConfigError(`${k} must be true or false, got ${JSON.stringify(v)}`, { key: `analyzer.${k}` });
    }
    if (options.termAttr !== undefined && options.termAttr !== null && (typeof options.termAttr !== 'string' || !options.termAttr)) {
      throw new ConfigError(`termAttr must be an extension column name or null, got ${JSON.stringify(options.termAttr)}`, { key: 'analyzer.termAttr' });
    }
    const spec: AnalyzerSpec = {
      ...(lang ? { language: lang.code } : {}),
      pipeline: structuredClone(nlp.config),
      stopWords: Array.isArray(stopWords) ? [...stopWords] : (stopWords as 'english' | false),
      termAttr: options.termAttr === undefined ? ANALYZER_DEFAULTS.termAttr : options.termAttr,
      dropPunct: options.dropPunct ?? ANALYZER_DEFAULTS.dropPunct,
      splitCompounds: options.splitCompounds ?? ANALYZER_DEFAULTS.splitCompounds,
    };
    return new Analyzer(nlp, spec);
  }

  /** Rebuilds an analyzer from a saved {@link AnalyzerSpec}. */
  static fromSpec(spec: AnalyzerSpec): Promise<Analyzer> {
    return Analyzer.create({ ...(spec.language !== undefined ? { language: spec.language } : {}), pipeline: spec.pipeline, stopWords: spec.stopWords, termAttr: spec.termAttr, dropPunct: spec.dropPunct, splitCompounds: spec.splitCompounds ?? false });
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
    else if (this.spec.splitCompounds && SPLITTER.test(lower)) k = this.splitType(orth, lower);
    // Same term choice as analyzeDoc: the column's value, or the lower-case form when it is empty.
    const term = k === 1 && this.scan ? (this.termSource ? this.termSource.idOf(orth) : 0) || lid : 0;
    const size = Math.max(orth, lid, term) + 1;
    this.kind = grow(this.kind, size);
    this.lowerOf = grow(this.lowerOf, size);
    this.kind[orth] = k;
    this.lowerOf[orth] = lid + 1;
    this.lenOf = grow(this.lenOf, size);
    this.lenOf[orth] = text.length;
    if (this.scan) {
      this.termOf = grow(this.termOf, size);
      this.termOf[orth] = term;
    }
    return k;
  }

  // Resolves a compound word type into its parts (once per type); returns its kind (4, or 3 when
  // no part has a letter or digit).
  private splitType(orth: number, lower: string): number {
    const strings = this.nlp.vocab.strings;
    const terms: number[] = [];
    const surfaces: number[] = [];
    const starts: number[] = [];
    const lens: number[] = [];
    let any = false;
    let at = 0;
    for (const piece of lower.split(PART)) {
      const start = lower.indexOf(piece, at);
      at = start + piece.length;
      if (!piece || !HAS_ALNUM.test(piece)) continue;
      const sid = strings.add(piece);
      const stop = this.stop.has(piece);
      terms.push(stop ? -1 : (this.partSource ? this.partSource.idOf(sid) : 0) || sid);
      surfaces.push(sid);
      starts.push(start);
      lens.push(piece.length);
      any ||= !stop;
    }
    if (!terms.length) return 3;
    if (!any) return 2;
    this.compounds.push({ terms: Int32Array.from(terms), surfaces: Int32Array.from(surfaces), starts: Int32Array.from(starts), lens: Int32Array.from(lens) });
    this.compoundOf = grow(this.compoundOf, orth + 1);
    this.compoundOf[orth] = this.compounds.length;
    return 4;
  }

  // Appends a compound's parts to `out` from index m at positions after `pos` (the last position
  // goes to lastPos), leaving room for `rest` more tokens; returns the new m.
  private emitCompound(orth: number, at: number, m: number, pos: number, rest: number): number {
    const c = this.compounds[this.compoundOf[orth]! - 1]!;
    const out = this.reserve(m + c.terms.length + rest);
    for (let j = 0; j < c.terms.length; j++) {
      pos++;
      const t = c.terms[j]!;
      if (t < 0) continue;
      out.terms[m] = t;
      out.surfaces[m] = c.surfaces[j]!;
      out.positions[m] = pos;
      out.starts[m] = at + c.starts[j]!;
      out.ends[m] = at + c.starts[j]! + c.lens[j]!;
      m++;
    }
    this.lastPos = pos;
    return m;
  }

  private lastPos = -1;

  /** Runs the pipeline and the filters over `text` (without a Doc when the fast path applies). */
  analyze(text: string): TokenStream {
    if (this.scan) return this.analyzeScan(this.scan(text));
    return this.analyzeDoc(this.nlp.process(text));
  }

  private analyzeScan(sc: TokenScan): TokenStream {
    return this.filter(sc.n, sc.orth, sc.idx, null);
  }

  // The one filter loop of both paths: stop words leave a position gap, punctuation none,
  // compounds emit their parts. A token's term is the per-type table's on the fast path
  // (`docTerm` null), `docTerm(i, orth)` on the Doc path.
  private filter(n: number, orth: ArrayLike<number>, idx: ArrayLike<number>, docTerm: ((i: number, o: number) => number) | null): TokenStream {
    let out = this.reserve(n);
    let m = 0;
    let pos = -1;
    for (let i = 0; i < n; i++) {
      const o = orth[i]!;
      let k = o < this.kind.length ? this.kind[o]! : 0;
      if (k === 0) k = this.classify(o);
      if (k === 3) continue;
      if (k === 4) {
        m = this.emitCompound(o, idx[i]!, m, pos, n - i - 1);
        pos = this.lastPos;
        out = this.out;
        continue;
      }
      pos++;
      if (k === 2) continue;
      const at = idx[i]!;
      out.terms[m] = docTerm === null ? this.termOf[o]! : docTerm(i, o);
      out.surfaces[m] = this.lowerOf[o]! - 1;
      out.positions[m] = pos;
      out.starts[m] = at;
      out.ends[m] = at + this.lenOf[o]!;
      m++;
    }
    out.n = m;
    return out;
  }

  // Makes room for n entries (grow keeps the ones written).
  private reserve(n: number): TokenStream {
    const out = this.out;
    if (out.terms.length < n) {
      out.terms = grow(out.terms, n);
      out.surfaces = grow(out.surfaces, n);
      out.positions = grow(out.positions, n);
      out.starts = grow(out.starts, n);
      out.ends = grow(out.ends, n);
    }
    return out;
  }

  /** Filters an already processed Doc into terms (see {@link analyze}). */
  analyzeDoc(doc: Doc): TokenStream {
    const attr = this.spec.termAttr;
    const col = attr ? (doc.getExtension(attr) as unknown as { ids?: Uint32Array; get(i: number): unknown } | undefined) : undefined;
    const ids = col?.ids;
    const strings = this.nlp.vocab.strings;
    // The column's value, or the lower-case form where it is empty (as classify's term choice).
    const docTerm = ids
      ? (i: number, o: number) => ids[i]! || this.lowerOf[o]! - 1
      : col
        ? (i: number, o: number) => {
            const v = col.get(i);
            return typeof v === 'string' && v ? strings.add(v) : this.lowerOf[o]! - 1;
          }
        : (_: number, o: number) => this.lowerOf[o]! - 1;
    return this.filter(doc.length, doc.orth, doc.idx, docTerm);
  }

  /** The terms of `text` as strings (convenience; allocates). */
  terms(text: string): string[] {
    // Query words come back again and again (a search analyzes each word for ranking and for the
    // count): their terms are kept, a bounded number of words at a time.
    const known = this.termsOf.get(text);
    if (known) return known.slice();
    const s = this.analyze(text);
    const strings = this.strings;
    const r: string[] = [];
    for (let i = 0; i < s.n; i++) r.push(strings.get(s.terms[i]!));
    if (text.length <= 64) {
      if (this.termsOf.size >= 4096) this.termsOf.clear();
      this.termsOf.set(text, r.slice());
    }
    return r;
  }

  private readonly termsOf = new Map<string, string[]>();

  /** Normalizes a prefix or fuzzy query word: lower case only (like Lucene, no stemming). */
  normalize(word: string): string {
    return word.toLowerCase();
  }
}
