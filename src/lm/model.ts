/**
 * {@link NgramLM}: train an n-gram language model (modified Kneser-Ney equal to KenLM's lmplz, or
 * Witten-Bell, MLE, Laplace/add-k, stupid backoff), query it, generate from it, and read/write
 * ARPA and textloom's binary format.
 */
import type { Writable } from 'node:stream';
import { ArgumentError, FormatError } from '../core/errors.js';
import { writeFileAtomic } from '../io/atomic.js';
import { INSPECT } from '../util/inspect.js';
import { Rng } from '../util/rng.js';
import { arpaChunks, readArpa } from './arpa.js';
import { loadModel, saveModel, sniffModelFile } from './binary.js';
import { readCorpus, type SentenceInput, type SentenceSource, type TrainProgress } from './corpus.js';
import { countNgrams, type Counts } from './count.js';
import { mergeShardCounts } from './counts-merge.js';
import { NgramCounts } from './ngram-counts.js';
import type { Discount } from './discount.js';
import { backoffDistribution, buildChildIndex, sampleLog10, type ChildIndex } from './generate.js';
import { contextTotals, type ModelData } from './model-data.js';
import { backoffLog10 } from './query.js';
import { addKLog10 } from './smoothing/add-k.js';
import { resolveSmoothing, type SmoothingId, type SmoothingName } from './smoothing/index.js';
import { trainKneserNey } from './smoothing/kneser-ney.js';
import { mleLog10 } from './smoothing/mle.js';
import { stupidBackoffLog10 } from './smoothing/stupid-backoff.js';
import { trainWittenBell } from './smoothing/witten-bell.js';
import { BOS, EOS, UNK, type LmVocab } from './vocab.js';
import { checkLmOptions, LM_DEFAULTS, MAX_ORDER } from './options.js';

export { LM_DEFAULTS, MAX_ORDER };

/** Options of {@link NgramLM.train}. */
export interface TrainOptions {
  /** N-gram order, 1..16 (default 3). */
  order?: number;
  /**
   * Smoothing (default `'kn'`): `'kn'` / `'modified-kneser-ney'` (interpolated modified Kneser-Ney,
   * as KenLM lmplz), `'witten-bell'` / `'wb'` (interpolated), `'mle'`, `'laplace'` (add-1),
   * `'add-k'` (see `k`), `'stupid-backoff'` (see `alpha`; scores, not probabilities).
   */
  smoothing?: SmoothingName;
  /** Words seen fewer times become `<unk>`, an integer >= 1 (default 1: keep all; lmplz has no such pruning). */
  minCount?: number;
  /** A fixed vocabulary: other words become `<unk>` (default: every word of the corpus). */
  vocab?: Iterable<string>;
  /** The k of add-k (default 1; `'laplace'` always uses 1). Must be > 0. */
  k?: number;
  /** Stupid-backoff multiplier (default 0.4, Brants et al.). In (0, 1]. */
  alpha?: number;
  /**
   * Kneser-Ney discounts D(1), D(2), D(3+) to use for an order whose discounts cannot be estimated
   * (tiny corpora), like lmplz `--discount_fallback 0.5 1 1.5`. Default: throw instead.
   */
  discountFallback?: readonly [number, number, number];
  /** Called with progress reports (stage, done, total). */
  onProgress?: (p: TrainProgress) => void;
}

/** Options of {@link NgramLM.score}. */
export interface ScoreOptions {
  /** Logarithm base of the result: 10 (default, as KenLM) or `'e'` (natural log). */
  base?: 10 | 'e';
  /** Start with the `<s>` context (default true). */
  bos?: boolean;
  /** Score `</s>` at the end (default true). */
  eos?: boolean;
}

/** Result of {@link NgramLM.perplexity}, defined as KenLM's `query`. */
export interface PerplexityResult {
  /** 10^(-sum log10 p / tokens), OOVs (scored as `<unk>`) included. */
  perplexity: number;
  /** The same without the OOV tokens and their scores. */
  perplexityExcludingOov: number;
  /** Number of out-of-vocabulary tokens. */
  oov: number;
  /** Tokens scored: words plus one `</s>` per sentence. */
  tokens: number;
  /** Number of sentences. */
  sentences: number;
  /** Total log10 probability. */
  logProb: number;
}

/** Options of {@link NgramLM.generate}. */
export interface GenerateOptions {
  /** Stop after this many generated tokens, an integer >= 0 (default 50). Generation also stops at `</s>`. */
  maxTokens?: number;
  /** Seed, an integer; equal seeds give equal output (default 1). */
  seed?: number;
  /** Sampling temperature, a finite number > 0 (default 1; lower is greedier). */
  temperature?: number;
  /** Words to start from (after `<s>`). */
  prefix?: readonly string[] | string;
}

const WS = /\s+/;
function toTokens(s: SentenceInput): readonly string[] {
  if (typeof s === 'string') {
    const t = s.trim();
    return t ? t.split(WS) : [];
  }
  if (!Array.isArray(s)) throw new ArgumentError('a sentence must be an array of tokens or a string');
  return s;
}

/** The estimation options of `train` and `fromCounts`, checked, with their defaults. */
function resolveTrainOptions(options: Omit<TrainOptions, 'order'>): { smoothing: SmoothingId; k: number; alpha: number; discountFallback: readonly [number, number, number] | undefined } {
  const smoothing = resolveSmoothing(options.smoothing ?? LM_DEFAULTS.smoothing);
  let k = options.k ?? LM_DEFAULTS.k;
  if (options.smoothing === 'laplace') {
    if (options.k !== undefined && options.k !== 1) throw new ArgumentError(`'laplace' is add-1; use smoothing 'add-k' for k = ${options.k}`, { key: 'k' });
    k = 1;
  }
  const alpha = options.alpha ?? LM_DEFAULTS.alpha;
  const fb = options.discountFallback;
  if (fb !== undefined && (fb.length !== 3 || fb.some((x, i) => !(x >= 0 && x <= i + 1)))) {
    throw new ArgumentError('discountFallback must be three discounts [D1, D2, D3+] with 0 <= Dk <= k', { key: 'discountFallback' });
  }
  return { smoothing, k, alpha, discountFallback: fb };
}

/**
 * An n-gram language model.
 * @example
 * const lm = await NgramLM.train([['the', 'cat', 'sat'], ['the', 'dog', 'sat']], { order: 3, discountFallback: [0.5, 1, 1.5] });
 * lm.logProb('sat', ['the', 'cat']);           // log10 p(sat | the cat)
 * lm.perplexity([['the', 'cat', 'sat']]).perplexity;
 * await lm.toARPA('model.arpa');                // KenLM's query can load it
 */
export class NgramLM {
  /** The model order. */
  readonly order: number;
  /** Canonical smoothing id (`'arpa'` for a model read from an ARPA file). */
  readonly smoothing: SmoothingId;
  /** Kneser-Ney discounts per order (index n-1), when trained with `'kn'`. */
  readonly discounts: readonly Discount[] | undefined;
  private readonly data: ModelData;
  private readonly k: number;
  private readonly alpha: number;
  private readonly scoreIds: (seq: Uint32Array, end: number, ctxLen: number) => number;
  private children: ChildIndex | undefined;
  private seq = new Uint32Array(256);

  /** @internal use train, fromARPA or load. */
  constructor(data: ModelData, smoothing: SmoothingId, params: { k?: number; alpha?: number } = {}, discounts?: readonly Discount[]) {
    this.data = data;
    this.order = data.order;
    this.smoothing = smoothing;
    this.discounts = discounts;
    this.k = params.k ?? LM_DEFAULTS.k;
    this.alpha = params.alpha ?? LM_DEFAULTS.alpha;
    if (data.kind === 'backoff') this.scoreIds = (s, e, c) => backoffLog10(data, s, e, c);
    else if (smoothing === 'mle') this.scoreIds = (s, e, c) => mleLog10(data, s, e, c);
    else if (smoothing === 'add-k') this.scoreIds = (s, e, c) => addKLog10(data, s, e, c, this.k);
    else if (smoothing === 'stupid-backoff') this.scoreIds = (s, e, c) => stupidBackoffLog10(data, s, e, c, this.alpha);
    else throw new ArgumentError(`count-based model with unexpected smoothing ${smoothing}`);
  }

  /**
   * Trains a model on sentences (arrays, iterables or async iterables of token arrays; a string is
   * split on whitespace). Each sentence is framed by `<s>` and `</s>` as in KenLM. No sentence at
   * all is an ArgumentError.
   * @example const lm = await NgramLM.train(sentences, { order: 5, smoothing: 'kn' });
   */
  static async train(sentences: SentenceSource, options: TrainOptions = {}): Promise<NgramLM> {
    checkLmOptions(options, 'train');
    const order = options.order ?? LM_DEFAULTS.order;
    const { smoothing, k, alpha, discountFallback: fb } = resolveTrainOptions(options);
    const corpus = await readCorpus(sentences, { minCount: options.minCount ?? LM_DEFAULTS.minCount, vocab: options.vocab, onProgress: options.onProgress });
    // An empty corpus would give NaN scores (MLE) or an error about discounts (KN): say what it is.
    if (corpus.sentences === 0) throw new ArgumentError('NgramLM.train() got no sentences');
    const counts = countNgrams(corpus, order, options.onProgress);
    return NgramLM.estimate(counts, corpus.vocab, smoothing, { k, alpha, discountFallback: fb, onProgress: options.onProgress });
  }

  /**
   * Estimates a model from the counts of a corpus's shards, given in corpus order (see
   * {@link NgramCounts}). The result is the model `train` gives on the concatenated shards, to the
   * byte in its ARPA and `.tlm` files. The options are `train`'s, less `order` (the counts' own).
   * @example const lm = NgramLM.fromCounts(['part-0.tlc', 'part-1.tlc'].map((f) => NgramCounts.load(f)), { smoothing: 'kn' });
   */
  static fromCounts(shards: readonly NgramCounts[], options: Omit<TrainOptions, 'order'> = {}): NgramLM {
    checkLmOptions(options, 'train');
    if ((options as TrainOptions).order !== undefined) throw new ArgumentError('fromCounts takes the order of its counts; drop the order option', { key: 'order' });
    const { smoothing, k, alpha, discountFallback } = resolveTrainOptions(options);
    if (!Array.isArray(shards) || !shards.every((s) => s instanceof NgramCounts)) throw new ArgumentError('fromCounts needs an array of NgramCounts (NgramCounts.count or NgramCounts.load)');
    const merged = mergeShardCounts(
      shards.map((s) => s.data),
      { minCount: options.minCount ?? LM_DEFAULTS.minCount, vocab: options.vocab },
    );
    if (merged.sentences === 0) throw new ArgumentError('NgramLM.fromCounts() got no sentences');
    return NgramLM.estimate(merged.counts, merged.vocab, smoothing, { k, alpha, discountFallback, onProgress: options.onProgress });
  }

  /** The stages after counting, shared by `train` and `fromCounts`. */
  private static estimate(
    counts: Counts,
    vocab: LmVocab,
    smoothing: SmoothingId,
    p: { k: number; alpha: number; discountFallback: readonly [number, number, number] | undefined; onProgress: ((p: TrainProgress) => void) | undefined },
  ): NgramLM {
    const order = counts.order;
    const { k, alpha } = p;
    const fb = p.discountFallback;
    const links = { context: counts.context, suffix: counts.suffix };
    if (smoothing === 'kn') {
      const { data, discounts } = trainKneserNey(counts, links, vocab, fb, p.onProgress);
      return new NgramLM(data, 'kn', {}, discounts);
    }
    if (smoothing === 'witten-bell') return new NgramLM(trainWittenBell(counts, links, vocab, p.onProgress), 'witten-bell');
    let total = 0;
    for (const c of counts.counts[0]!) total += c;
    const data: ModelData = {
      kind: 'counts',
      order,
      vocab,
      tables: counts.tables,
      counts: counts.counts,
      ctxTotal: contextTotals(counts.tables, counts.counts, links.context),
      total,
    };
    return new NgramLM(data, smoothing, { k, alpha });
  }

  /** Vocabulary size, `<unk>`, `<s>` and `</s>` included. */
  get vocabSize(): number {
    return this.data.vocab.size;
  }

  /** The words, by id (`<unk>`, `<s>`, `</s>` first). */
  get words(): readonly string[] {
    return this.data.vocab.words;
  }

  /** Number of stored n-grams per order (index n-1), as in the ARPA header. */
  get ngramCounts(): number[] {
    return this.data.tables.map((t) => t.size);
  }

  /** A one-line summary: `NgramLM(order=3, vocab=12345, ngrams=[12345, 67890, 23456])`. */
  toString(): string {
    return `NgramLM(order=${this.order}, vocab=${this.vocabSize}, ngrams=[${this.ngramCounts.join(', ')}])`;
  }

  /** `util.inspect` / `console.log`: the {@link toString} summary. */
  [INSPECT](): string {
    return this.toString();
  }

  /** Whether `word` is in the vocabulary. */
  has(word: string): boolean {
    return this.data.vocab.has(word);
  }

  private ensure(n: number): Uint32Array {
    if (this.seq.length < n) this.seq = new Uint32Array(Math.max(n, this.seq.length * 2));
    return this.seq;
  }

  /**
   * log10 p(word | context). `context` lists the preceding words, oldest first (an array, or a
   * whitespace-separated string as `score` takes); start it with `'<s>'` for a sentence start.
   * Unknown words are `<unk>`.
   * @example lm.logProb('sat', ['<s>', 'the', 'cat'])
   */
  logProb(word: string, context: readonly string[] | string = []): number {
    if (typeof word !== 'string') throw new ArgumentError(`word must be a string, got ${JSON.stringify(word) ?? String(word)}`, { key: 'word' });
    // A string context is split into words, never read character by character.
    context = toTokens(context);
    const vocab = this.data.vocab;
    const seq = this.ensure(context.length + 1);
    for (let i = 0; i < context.length; i++) seq[i] = vocab.id(context[i]!);
    seq[context.length] = vocab.id(word);
    return this.scoreIds(seq, context.length, context.length);
  }

  /**
   * Total log score of a sentence (default: log10, with `<s>` context and `</s>`, as KenLM).
   * @example lm.score('the cat sat', { base: 'e' })
   */
  score(sentence: SentenceInput, options: ScoreOptions = {}): number {
    checkLmOptions(options, 'score');
    const r = this.scoreSentence(toTokens(sentence), options.bos ?? LM_DEFAULTS.bos, options.eos ?? LM_DEFAULTS.eos);
    const base = options.base ?? LM_DEFAULTS.base;
    if (base !== 10 && base !== 'e') throw new ArgumentError(`base must be 10 or 'e', got ${String(base)}`, { key: 'base' });
    return base === 'e' ? r.total * Math.LN10 : r.total;
  }

  /** Scores one sentence; returns total log10, OOV count and their log10 mass, tokens scored. */
  private scoreSentence(tokens: readonly string[], bos: boolean, eos: boolean): { total: number; oov: number; oovTotal: number; tokens: number } {
    const vocab = this.data.vocab;
    const off = bos ? 1 : 0;
    const len = off + tokens.length + (eos ? 1 : 0);
    const seq = this.ensure(len);
    if (bos) seq[0] = BOS;
    for (let i = 0; i < tokens.length; i++) seq[off + i] = vocab.id(tokens[i]!);
    if (eos) seq[len - 1] = EOS;
    let total = 0;
    let oov = 0;
    let oovTotal = 0;
    for (let i = off; i < len; i++) {
      const s = this.scoreIds(seq, i, i);
      total += s;
      if (seq[i] === UNK) {
        oov++;
        oovTotal += s;
      }
    }
    return { total, oov, oovTotal, tokens: len - off };
  }

  /**
   * Perplexity over sentences, as KenLM's `query` (`</s>` counted, OOVs scored as `<unk>`), with
   * and without OOVs. Returns a Promise when given an async iterable. No sentence at all is an
   * ArgumentError (the ratio would be NaN).
   * @example lm.perplexity([['the', 'cat']]).perplexity
   */
  perplexity(sentences: Iterable<SentenceInput>): PerplexityResult;
  perplexity(sentences: AsyncIterable<SentenceInput>): Promise<PerplexityResult>;
  perplexity(sentences: Iterable<SentenceInput> | AsyncIterable<SentenceInput>): PerplexityResult | Promise<PerplexityResult> {
    if (typeof sentences === 'string') throw new ArgumentError('perplexity() needs a list of sentences, not a string (wrap it: [text])');
    const acc = { total: 0, oov: 0, oovTotal: 0, tokens: 0, sentences: 0 };
    const add = (s: SentenceInput): void => {
      const r = this.scoreSentence(toTokens(s), true, true);
      acc.total += r.total;
      acc.oov += r.oov;
      acc.oovTotal += r.oovTotal;
      acc.tokens += r.tokens;
      acc.sentences++;
    };
    const finish = (): PerplexityResult => {
      // Every sentence has at least its </s>, so tokens > 0 unless there was no sentence at all.
      if (acc.sentences === 0) throw new ArgumentError('perplexity() got no sentences');
      return {
      perplexity: Math.pow(10, -acc.total / acc.tokens),
      perplexityExcludingOov: Math.pow(10, -(acc.total - acc.oovTotal) / (acc.tokens - acc.oov)),
      oov: acc.oov,
      tokens: acc.tokens,
      sentences: acc.sentences,
      logProb: acc.total,
      };
    };
    if (sentences && Symbol.asyncIterator in (sentences as object)) {
      return (async () => {
        for await (const s of sentences as AsyncIterable<SentenceInput>) add(s);
        return finish();
      })();
    }
    if (!sentences || !(Symbol.iterator in (sentences as object))) throw new ArgumentError('perplexity() needs an iterable of sentences');
    for (const s of sentences as Iterable<SentenceInput>) add(s);
    return finish();
  }

  /**
   * Samples a sentence: starts from `<s>` plus `prefix`, draws words from the model (never `<s>`
   * or `<unk>`) until `</s>` or `maxTokens`. Returns prefix plus generated words (no markers).
   * Reproducible: equal seeds give equal output.
   * @example lm.generate({ seed: 42, maxTokens: 20, temperature: 0.8, prefix: ['the'] }).join(' ')
   */
  generate(options: GenerateOptions = {}): string[] {
    checkLmOptions(options, 'generate');
    const maxTokens = options.maxTokens ?? LM_DEFAULTS.maxTokens;
    const temperature = options.temperature ?? LM_DEFAULTS.temperature;
    const prefix = options.prefix === undefined ? [] : toTokens(options.prefix);
    const seed = options.seed ?? LM_DEFAULTS.seed;
    // Rng keeps the low 32 bits: a string, NaN or fraction would silently become another seed.
    if (!Number.isSafeInteger(seed)) throw new ArgumentError(`seed must be an integer, got ${JSON.stringify(seed) ?? String(seed)}`, { key: 'seed' });
    const rng = new Rng(seed);
    const vocab = this.data.vocab;
    const out = [...prefix];
    const seq = new Uint32Array(1 + prefix.length + maxTokens + 1);
    seq[0] = BOS;
    for (let i = 0; i < prefix.length; i++) seq[1 + i] = vocab.id(prefix[i]!);
    const scores = new Float64Array(vocab.size);
    const d = this.data;
    if (d.kind === 'backoff') this.children ??= buildChildIndex(d);
    let end = 1 + prefix.length;
    for (let t = 0; t < maxTokens; t++) {
      const ctxLen = Math.min(end, this.order - 1);
      this.distribution(seq, end, ctxLen, scores);
      const w = sampleLog10(scores, vocab.size, temperature, rng);
      if (w < 0 || w === EOS) break;
      seq[end++] = w;
      out.push(vocab.words[w]!);
    }
    return out;
  }

  /**
   * log10 p(w | `seq[end-ctxLen .. end)`) for every word id w into `out` (uses `seq[end]` as
   * scratch for count-based models).
   */
  private distribution(seq: Uint32Array, end: number, ctxLen: number, out: Float64Array): void {
    const d = this.data;
    if (d.kind === 'backoff') {
      backoffDistribution(d, this.children!, seq, end, ctxLen, out);
      return;
    }
    for (let w = 0; w < d.vocab.size; w++) {
      seq[end] = w;
      out[w] = this.scoreIds(seq, end, ctxLen);
    }
  }

  /**
   * Writes the model as ARPA text to a file path (atomically) or a writable stream. Only models in
   * backoff form (`'kn'`, `'witten-bell'`, loaded ARPA) have an exact ARPA form; the count-based
   * smoothings throw an ArgumentError (use {@link NgramLM.save}).
   * @example await lm.toARPA('model.arpa'); // then: query model.arpa < test.txt
   */
  async toARPA(target: string | Writable): Promise<void> {
    const d = this.data;
    if (d.kind !== 'backoff') throw new ArgumentError(`a '${this.smoothing}' model has no exact ARPA form (only kn, witten-bell and ARPA models do); use save() instead`, { key: 'smoothing' });
    if (typeof target === 'string') {
      if (target.endsWith('.gz')) throw new ArgumentError('writing gzipped ARPA is not supported; write plain text and compress it', { file: target });
      await writeFileAtomic(target, arpaChunks(d));
      return;
    }
    for (const chunk of arpaChunks(d)) {
      if (!target.write(chunk)) await new Promise<void>((res, rej) => {
        const onErr = (e: Error): void => rej(e);
        target.once('error', onErr);
        target.once('drain', () => {
          target.off('error', onErr);
          res();
        });
      });
    }
  }

  /**
   * Reads an ARPA file (plain or `.gz`), e.g. one written by KenLM's lmplz. Errors name the line.
   * @example const lm = await NgramLM.fromARPA('wikitext2_o5.arpa.gz');
   */
  static async fromARPA(path: string): Promise<NgramLM> {
    return new NgramLM(await readArpa(path), 'arpa');
  }

  /**
   * Saves in textloom's binary format (`.tlm`: magic, version, CRC), atomically.
   * @example lm.save('model.tlm'); const again = NgramLM.load('model.tlm');
   */
  save(path: string): void {
    // The bytes are not compressed, and open() reads *.gz as gzipped ARPA: refuse the name.
    if (/\.gz$/i.test(path)) throw new ArgumentError('writing gzipped model files is not supported; save without .gz and compress the file', { file: path });
    saveModel(path, this.data, { smoothing: this.smoothing, params: { k: this.k, alpha: this.alpha, discounts: this.discounts?.map((d) => d.amount) } });
  }

  /** Loads a model written by {@link NgramLM.save}; checks magic, version and CRC. */
  static load(path: string): NgramLM {
    const { data, meta } = loadModel(path);
    const p = meta.params as { k?: number; alpha?: number; discounts?: [number, number, number, number][] };
    return new NgramLM(data, resolveStored(meta.smoothing), { k: p.k, alpha: p.alpha }, p.discounts?.map((amount) => ({ amount })));
  }

  /**
   * Opens a model file: `*.arpa` / `*.gz` as ARPA; any other name by its content, so an ARPA file
   * named `model.lm` (KenLM and SRILM habit) or a `.tlm` file under another name both open. A
   * KenLM binary (`build_binary` output) is a FormatError asking for its ARPA source.
   * @example const lm = await NgramLM.open(process.argv[2]);
   */
  static async open(path: string): Promise<NgramLM> {
    if (/\.arpa(\.gz)?$/i.test(path)) return NgramLM.fromARPA(path);
    const kind = sniffModelFile(path);
    if (kind === 'arpa') return NgramLM.fromARPA(path);
    if (kind === 'kenlm-binary') {
      throw new FormatError('this is a KenLM binary model (build_binary output), which textloom cannot read; open the ARPA file it was built from', { file: path, offset: 0 });
    }
    return NgramLM.load(path);
  }
}

function resolveStored(s: string): SmoothingId {
  return s === 'arpa' ? 'arpa' : resolveSmoothing(s);
}
