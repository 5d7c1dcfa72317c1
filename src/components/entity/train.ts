/**
 * Trains the entity recognizer: a greedy averaged perceptron over BILUO classes that learns from
 * its own history (features of earlier words read the classes it predicted, as at run time).
 * Stages: sentences -> flat attribute/gold arrays (once) -> epochs over documents in a seeded
 * order -> averaged, pruned, int16-quantized packed weights ({@link EntityModel}).
 */
import { ArgumentError } from '../../core/errors.js';
import { iobToSpans, spansToBiluo } from '../../core/iob.js';
import { Rng } from '../../util/rng.js';
import { spanPrf, type SpanScores } from '../../eval/metrics/spans.js';
import { allowed, Attr, BOS_ATTRS, classNames, EOS_ATTRS, extractFeatures, N_ATTRS, N_FEATURES, PAD, sentenceMode, strHash, wordAttrs } from './features.js';
import { bestAllowed } from './kernel.js';
import { EntityModel } from './model.js';

/** One training or evaluation sentence: words with IOB2 tags, and the document it belongs to. */
export interface EntitySentence {
  words: readonly string[];
  tags: readonly string[];
  /** Document id: consecutive sentences with the same id share the document memory. */
  doc?: string;
}

/** Per-epoch report. */
export interface EntityEpochReport {
  epoch: number;
  /** Training-set token accuracy of the (non-averaged) model during the epoch. */
  trainAccuracy: number;
  /** Exact-span scores of the averaged model on the dev sentences. */
  dev?: SpanScores;
  seconds: number;
}

/** Options of {@link trainEntityModel}. */
export interface TrainEntityOptions {
  /** Passes over the data (default 12, 1..1000). */
  epochs?: number;
  /** Shuffle seed: equal seeds give identical models (default 1). */
  seed?: number;
  /** Entity labels to learn (default: every label in the training tags, in first-seen order). */
  labels?: readonly string[];
  /** log2 of the feature hash table (default 20, 16..24). */
  hashBits?: number;
  /** Averaged weights with |w| below this fraction of the largest are dropped (default 0.002). */
  prune?: number;
  /** Word -> packed cluster and capitalization class (`buildLexicon`) for the lexicon features (default none). */
  lexicon?: Map<string, number> | null;
  /** Tags per word of each training sentence (e.g. textloom's tagger on the words); default none. */
  posTags?: (sentence: EntitySentence, index: number) => readonly string[];
  /** Dev sentences scored after each epoch. */
  dev?: readonly EntitySentence[];
  /**
   * With dev sentences, return the epoch's averaged model that scored best on them (early
   * stopping) instead of the last one (default true).
   */
  keepBest?: boolean;
  /** Tags for the dev sentences (as `posTags`). */
  devPosTags?: (sentence: EntitySentence, index: number) => readonly string[];
  /** Called after each training sentence with the number done so far (over all epochs). */
  onProgress?: (done: number) => void;
  onEpoch?: (report: EntityEpochReport) => void;
  /** Extra provenance stored in the model's meta. */
  meta?: Record<string, unknown>;
}

/** Defaults of {@link TrainEntityOptions}. */
export const TRAIN_ENTITY_DEFAULTS = Object.freeze({ epochs: 12, seed: 1, hashBits: 20, prune: 0.002 });

/** Groups sentence indices into documents (runs of equal `doc`; a sentence without one is its own). */
function documents(sentences: readonly EntitySentence[]): number[][] {
  const docs: number[][] = [];
  let last: string | undefined;
  sentences.forEach((s, i) => {
    if (s.doc !== undefined && s.doc !== '' && s.doc === last && docs.length) docs[docs.length - 1]!.push(i);
    else docs.push([i]);
    last = s.doc;
  });
  return docs;
}

/**
 * Scores a model on gold sentences: exact-span precision, recall and F1, per label and micro
 * (as seqeval and conlleval count chunks; an `I-` after `O` starts an entity).
 */
export function evaluateEntityModel(model: EntityModel, gold: readonly EntitySentence[], posTags?: (s: EntitySentence, i: number) => readonly string[]): SpanScores {
  const goldSpans = gold.map((s) => iobToSpans(s.tags).spans);
  const pred: ReturnType<EntityModel['predictWords']> = [];
  for (const d of documents(gold)) {
    const sents = d.map((i) => gold[i]!.words);
    const tags = posTags ? d.map((i) => posTags(gold[i]!, i)) : undefined;
    pred.push(...model.predictWords(sents, tags));
  }
  return spanPrf(goldSpans, pred);
}

/**
 * Trains an entity model on IOB2-tagged sentences (see {@link TrainEntityOptions}).
 * @example const model = trainEntityModel(sentences, { epochs: 10, seed: 1, dev }); saveEntityModel(model, 'ner.tlner');
 */
export function trainEntityModel(sentences: readonly EntitySentence[], options: TrainEntityOptions = {}): EntityModel {
  const epochs = options.epochs ?? TRAIN_ENTITY_DEFAULTS.epochs;
  const seed = options.seed ?? TRAIN_ENTITY_DEFAULTS.seed;
  const hashBits = options.hashBits ?? TRAIN_ENTITY_DEFAULTS.hashBits;
  const prune = options.prune ?? TRAIN_ENTITY_DEFAULTS.prune;
  if (!Number.isInteger(epochs) || epochs < 1 || epochs > 1000) throw new ArgumentError(`epochs must be an integer in 1..1000, got ${epochs}`, { key: 'epochs' });
  if (!Number.isInteger(hashBits) || hashBits < 16 || hashBits > 24) throw new ArgumentError(`hashBits must be an integer in 16..24, got ${hashBits}`, { key: 'hashBits' });
  if (!(prune >= 0 && prune < 1)) throw new ArgumentError(`prune must be in [0, 1), got ${prune}`, { key: 'prune' });
  if (sentences.length === 0) throw new ArgumentError('no training sentences', { key: 'sentences' });
  const lexicon = options.lexicon ?? null;

  // Stage 1: flatten. Gold BILUO classes and word attributes, one padded block per sentence.
  const goldSpans = sentences.map((s, k) => {
    if (s.words.length !== s.tags.length) throw new ArgumentError(`sentence ${k} has ${s.words.length} words but ${s.tags.length} tags`, { key: `sentences[${k}]` });
    return iobToSpans(s.tags).spans;
  });
  const labels = options.labels ? [...options.labels] : [...new Set(goldSpans.flat().map((s) => s.label))];
  if (labels.length === 0) throw new ArgumentError('the training data has no entities', { key: 'sentences' });
  if (labels.length > 63) throw new ArgumentError(`at most 63 labels, got ${labels.length}`, { key: 'labels' });
  const labelIdx = new Map(labels.map((l, i) => [l, i]));
  const classes = classNames(labels);
  const nC = classes.length;
  const classIdx = new Map(classes.map((c, i) => [c, i]));
  const starts = new Int32Array(sentences.length + 1);
  for (let k = 0; k < sentences.length; k++) starts[k + 1] = starts[k]! + sentences[k]!.words.length + 2 * PAD;
  const total = starts[sentences.length]!;
  const at = new Int32Array(total * N_ATTRS);
  const pos = new Int32Array(total);
  const gold = new Int32Array(total);
  const attrCache = new Map<string, Int32Array>();
  sentences.forEach((s, k) => {
    const base = starts[k]!;
    const n = s.words.length;
    at.set(BOS_ATTRS, base * N_ATTRS);
    at.set(BOS_ATTRS, (base + 1) * N_ATTRS);
    at.set(EOS_ATTRS, (base + n + PAD) * N_ATTRS);
    at.set(EOS_ATTRS, (base + n + PAD + 1) * N_ATTRS);
    const spans = goldSpans[k]!.filter((sp) => labelIdx.has(sp.label));
    const biluo = spansToBiluo(n, spans);
    const pt = options.posTags?.(s, k);
    for (let i = 0; i < n; i++) {
      const w = s.words[i]!;
      let a = attrCache.get(w);
      if (!a) {
        a = new Int32Array(N_ATTRS);
        wordAttrs(w, lexicon, a, 0);
        attrCache.set(w, a);
      }
      at.set(a, (base + i + PAD) * N_ATTRS);
      gold[base + i + PAD] = classIdx.get(biluo[i]!)!;
      pos[base + i + PAD] = pt ? strHash(pt[i]!) : 0;
    }
  });

  // Stage 2: epochs. Dense weights per (bucket, class) with lazy averaging.
  const size = 1 << hashBits;
  const mask = size - 1;
  const w = new Float32Array(size * nC);
  const tot = new Float64Array(size * nC);
  const stamp = new Float64Array(size * nC);
  let clock = 1;
  const feats = new Uint32Array(N_FEATURES);
  const scores = new Float32Array(nC);
  const tags = new Int32Array(Math.max(...sentences.map((s) => s.words.length)) + 2 * PAD);
  const mem = new Int32Array(tags.length);
  const docs = documents(sentences);
  const rng = new Rng(seed);
  const order = docs.map((_, i) => i);
  let done = 0;
  const update = (f: Uint32Array, c: number, delta: number): void => {
    for (let j = 0; j < N_FEATURES; j++) {
      const k = f[j]! * nC + c;
      tot[k] += (clock - stamp[k]!) * w[k]!;
      stamp[k] = clock;
      w[k] += delta;
    }
  };
  const averaged = (): EntityModel => pack(w, tot, stamp, clock, size, nC, prune, { labels, hashBits, lexicon, usesTags: !!options.posTags, meta: { ...options.meta, epochs, seed, hashBits, prune, trainSentences: sentences.length } });
  let model: EntityModel | null = null;
  let best: { model: EntityModel; f1: number; epoch: number } | null = null;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const t0 = Date.now();
    for (let i = order.length - 1; i > 0; i--) {
      const j = rng.nextU32() % (i + 1);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let right = 0;
    let seen = 0;
    for (const d of order) {
      const docMem = new Map<number, number>();
      for (const k of docs[d]!) {
        const base = starts[k]!;
        const n = sentences[k]!.words.length;
        const sAt = at.subarray(base * N_ATTRS, (base + n + 2 * PAD) * N_ATTRS);
        const sPos = pos.subarray(base, base + n + 2 * PAD);
        tags.fill(-1, 0, n + 2 * PAD);
        for (let i = 0; i < n; i++) mem[i + PAD] = docMem.get(sAt[(i + PAD) * N_ATTRS + Attr.LOWER]!) ?? 0;
        const mode = sentenceMode(sAt, n);
        for (let p = PAD; p < n + PAD; p++) {
          extractFeatures(sAt, sPos, tags, mem, mode, p, mask, feats);
          scores.fill(0);
          for (let j = 0; j < N_FEATURES; j++) {
            const row = feats[j]! * nC;
            for (let c = 0; c < nC; c++) scores[c] += w[row + c]!;
          }
          const last = p === n + PAD - 1;
          const g = gold[base + p]!;
          const guess = bestAllowed(scores, nC, tags[p - 1]!, last);
          // Learn only where the gold class is reachable from the predicted history.
          if (guess !== g && allowed(tags[p - 1]!, g, last)) {
            update(feats, g, 1);
            update(feats, guess, -1);
          }
          if (guess === g) right++;
          seen++;
          clock++;
          tags[p] = guess;
        }
        // Remember predicted entity words for later sentences of the document.
        for (let p = PAD; p < n + PAD; p++) {
          const c = tags[p]!;
          if (c > 0) docMem.set(sAt[p * N_ATTRS + Attr.LOWER]!, ((c - 1) >> 2) + 1);
        }
        options.onProgress?.(++done);
      }
    }
    model = averaged();
    const report: EntityEpochReport = { epoch, trainAccuracy: seen ? right / seen : 0, seconds: (Date.now() - t0) / 1000 };
    if (options.dev && options.dev.length) {
      report.dev = evaluateEntityModel(model, options.dev, options.devPosTags);
      if (!best || report.dev.f1 > best.f1) best = { model, f1: report.dev.f1, epoch };
    }
    options.onEpoch?.(report);
  }
  if (best && (options.keepBest ?? true)) {
    best.model.meta.bestEpoch = best.epoch;
    return best.model;
  }
  return model!;
}

/** Averages, prunes and quantizes the weights into packed per-bucket rows. */
function pack(w: Float32Array, tot: Float64Array, stamp: Float64Array, clock: number, size: number, nC: number, prune: number, parts: { labels: string[]; hashBits: number; lexicon: Map<string, number> | null; usesTags: boolean; meta: Record<string, unknown> }): EntityModel {
  const avg = new Float32Array(size * nC);
  let max = 0;
  for (let k = 0; k < avg.length; k++) {
    const v = (tot[k]! + (clock - stamp[k]!) * w[k]!) / clock;
    avg[k] = v;
    if (Math.abs(v) > max) max = Math.abs(v);
  }
  const scale = max > 0 ? 32767 / max : 1;
  const cut = max * prune;
  const rowStart = new Uint32Array(size + 1);
  let nnz = 0;
  for (let b = 0; b < size; b++) {
    rowStart[b] = nnz;
    for (let c = 0; c < nC; c++) {
      const v = avg[b * nC + c]!;
      if (Math.abs(v) > cut && Math.round(v * scale) !== 0) nnz++;
    }
  }
  rowStart[size] = nnz;
  const data = new Int32Array(nnz);
  let j = 0;
  for (let b = 0; b < size; b++) {
    for (let c = 0; c < nC; c++) {
      const v = avg[b * nC + c]!;
      const q = Math.round(v * scale);
      if (Math.abs(v) > cut && q !== 0) data[j++] = (q << 8) | c;
    }
  }
  return new EntityModel({ ...parts, rowStart, data });
}
