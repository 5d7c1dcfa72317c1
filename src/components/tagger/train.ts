/**
 * Training an averaged-perceptron tagger from gold sentences.
 *
 * Stages: classes (joint UPOS|XPOS pairs, rare pairs folded into their XPOS's main pair) ->
 * tag dictionary (frequent unambiguous forms) -> word types to attribute ids (once per type) ->
 * epochs over a seeded shuffle -> averaged weights -> pruning (drop rows whose largest weight is
 * below a threshold, drop unused strings) -> a {@link TaggerModel}.
 */
import { ArgumentError } from '../../core/errors.js';
import { resolveOptions, type OptionSchema } from '../../core/options.js';
import { StringStore } from '../../core/strings.js';
import { Rng } from '../../util/rng.js';
import { DEFAULT_TEMPLATES, END_STRING, N_FEATURE_ATTRS, PAD, START_STRING, wordAttributes, compileTemplates, normalizeWord, FeatureAttr, type Template } from './features.js';
import { FeatureTable, key1, MAX_VALUE1 } from './feature-table.js';
import { TaggerModel, type TagClass } from './model.js';
import { PerceptronTrainer } from './perceptron.js';
import { sparsify } from './kernel.js';

/** A gold word: form plus its tags. `ConlluWord` satisfies this. */
export interface GoldWord {
  form: string;
  upos: string;
  xpos: string;
}

/** A gold sentence. `ConlluSentence` satisfies this. */
export interface GoldSentence {
  words: readonly GoldWord[];
}

/** What {@link trainTagger} reports after each epoch. */
export interface EpochReport {
  epoch: number;
  /** Accuracy on the training positions during the epoch (joint class, greedy, unaveraged). */
  trainAccuracy: number;
  /** Dev accuracies with the averaged weights so far (when `dev` was given). */
  dev?: TagAccuracy;
  seconds: number;
}

/** UPOS and XPOS accuracy over a set of words. */
export interface TagAccuracy {
  upos: number;
  xpos: number;
  words: number;
}

/** Options of {@link trainTagger}. */
export interface TrainTaggerOptions {
  /** Passes over the data (default 5, 1..100). */
  epochs?: number;
  /** Seed of the per-epoch shuffle (default 1); equal seeds give identical models. */
  seed?: number;
  /** Feature templates (default {@link DEFAULT_TEMPLATES}). */
  templates?: readonly Template[];
  /** UPOS|XPOS pairs seen fewer times fold into their XPOS's most frequent pair (default 1: keep all). */
  minClassCount?: number;
  /** Tag dictionary: minimum frequency of a form (default 20). */
  dictMinCount?: number;
  /** Tag dictionary: minimum share of the form's main class (default 0.995). */
  dictMinRatio?: number;
  /**
   * Run-time tag dictionary (the one stored in the model): minimum frequency (default 10). Looser
   * than the training dictionary: it only fixes words the model already tags right, and every
   * fixed word is one less to score.
   */
  runDictMinCount?: number;
  /** Run-time tag dictionary: minimum share of the main class (default 0.98). */
  runDictMinRatio?: number;
  /**
   * Forms seen at least this often are decoded only over the classes they had in training
   * (default 10; 0 = off).
   */
  candMinCount?: number;
  /** Forms seen fewer times get the `!UNK` ambiguity class (default 1). */
  ambMinCount?: number;
  /** A class joins a form's ambiguity class from this share of its uses (default 0.05). */
  ambMinShare?: number;
  /**
   * Folds for jackknifed ambiguity classes (default 10; 1 = off): each training sentence sees the
   * lexicon built from the other folds, so rare words look as uncertain as they will at run time.
   */
  jackknife?: number;
  /** Rows whose largest averaged |weight| is below this are dropped (default 0.5). */
  prune?: number;
  /** Dev sentences scored after each epoch. */
  dev?: readonly GoldSentence[];
  /** Called after each epoch. */
  onEpoch?: (report: EpochReport) => void;
  /** Called every few hundred sentences with (sentences done, total this run). */
  onProgress?: (done: number, total: number) => void;
}

/** Defaults of {@link TrainTaggerOptions}. */
export const TRAIN_DEFAULTS = Object.freeze({ epochs: 5, seed: 1, minClassCount: 1, dictMinCount: 20, dictMinRatio: 0.995, runDictMinCount: 10, runDictMinRatio: 0.98, candMinCount: 10, ambMinCount: 1, ambMinShare: 0.05, jackknife: 10, prune: 0.5 });

const T = TRAIN_DEFAULTS;

/** Schema of {@link TrainTaggerOptions}: a call's options, so a bad one is an ArgumentError. */
export const TRAIN_SCHEMA: OptionSchema = Object.freeze({
  epochs: { type: 'integer', min: 1, max: 100, default: T.epochs, doc: 'passes over the data' },
  seed: { type: 'integer', default: T.seed, doc: 'seed of the per-epoch shuffle' },
  templates: { type: 'array', doc: 'feature templates (default DEFAULT_TEMPLATES)' },
  minClassCount: { type: 'integer', min: 0, default: T.minClassCount, doc: 'rarer UPOS|XPOS pairs fold into their XPOS' },
  dictMinCount: { type: 'integer', min: 0, default: T.dictMinCount, doc: 'tag dictionary: minimum form frequency' },
  dictMinRatio: { type: 'number', min: 0, max: 1, default: T.dictMinRatio, doc: "tag dictionary: minimum share of the form's main class" },
  runDictMinCount: { type: 'integer', min: 0, default: T.runDictMinCount, doc: 'run-time tag dictionary: minimum frequency' },
  runDictMinRatio: { type: 'number', min: 0, max: 1, default: T.runDictMinRatio, doc: 'run-time tag dictionary: minimum share' },
  candMinCount: { type: 'integer', min: 0, default: T.candMinCount, doc: 'forms this frequent decode over their training classes (0 = off)' },
  ambMinCount: { type: 'integer', min: 0, default: T.ambMinCount, doc: 'rarer forms get the !UNK ambiguity class' },
  ambMinShare: { type: 'number', min: 0, max: 1, default: T.ambMinShare, doc: 'share from which a class joins an ambiguity class' },
  jackknife: { type: 'integer', min: 1, default: T.jackknife, doc: 'folds for jackknifed ambiguity classes (1 = off)' },
  prune: { type: 'number', min: 0, default: T.prune, doc: 'drop rows whose largest averaged |weight| is below this' },
  dev: { type: 'array', doc: 'dev sentences scored after each epoch' },
  onEpoch: { type: 'function', doc: 'called after each epoch' },
  onProgress: { type: 'function', doc: 'called every few hundred sentences' },
} satisfies OptionSchema);

interface Seq {
  n: number;
  attrs: Int32Array;
  dict: Int32Array;
  gold: Int32Array;
}

function buildClasses(sentences: readonly GoldSentence[], minCount: number): { classes: TagClass[]; classOf: Map<string, number> } {
  const counts = new Map<string, number>();
  for (const s of sentences) for (const w of s.words) {
    const k = `${w.upos}\t${w.xpos}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const classes: TagClass[] = [];
  const classOf = new Map<string, number>();
  for (const [k, c] of sorted) {
    if (c < minCount && classes.length > 0) continue;
    const [upos, xpos] = k.split('\t') as [string, string];
    classOf.set(k, classes.length);
    classes.push({ upos, xpos });
  }
  // Fold rare pairs: same XPOS first, else same UPOS, else the most frequent class.
  for (const [k] of sorted) {
    if (classOf.has(k)) continue;
    const [upos, xpos] = k.split('\t') as [string, string];
    let target = classes.findIndex((c) => c.xpos === xpos);
    if (target < 0) target = classes.findIndex((c) => c.upos === upos);
    classOf.set(k, Math.max(0, target));
  }
  return { classes, classOf };
}

function buildTagdict(sentences: readonly GoldSentence[], classOf: Map<string, number>, minCount: number, minRatio: number): Map<string, number> {
  const counts = new Map<string, Map<number, number>>();
  for (const s of sentences) for (const w of s.words) {
    const c = classOf.get(`${w.upos}\t${w.xpos}`)!;
    let m = counts.get(w.form);
    if (!m) counts.set(w.form, (m = new Map()));
    m.set(c, (m.get(c) ?? 0) + 1);
  }
  const dict = new Map<string, number>();
  for (const form of [...counts.keys()].sort()) {
    const m = counts.get(form)!;
    let total = 0;
    let best = -1;
    let bestN = 0;
    for (const [c, n] of m) {
      total += n;
      if (n > bestN || (n === bestN && c < best)) {
        best = c;
        bestN = n;
      }
    }
    if (total >= minCount && bestN / total >= minRatio) dict.set(form, best);
  }
  return dict;
}

function buildLexicon(sentences: readonly GoldSentence[], classOf: Map<string, number>, minCount: number, minShare: number): Map<string, string> {
  const counts = new Map<string, Map<number, number>>();
  for (const s of sentences) for (const w of s.words) {
    const norm = normalizeWord(w.form);
    const c = classOf.get(`${w.upos}\t${w.xpos}`)!;
    let m = counts.get(norm);
    if (!m) counts.set(norm, (m = new Map()));
    m.set(c, (m.get(c) ?? 0) + 1);
  }
  const lex = new Map<string, string>();
  for (const norm of [...counts.keys()].sort()) {
    const m = counts.get(norm)!;
    let total = 0;
    for (const n of m.values()) total += n;
    if (total < minCount) continue;
    const cls = [...m].filter(([, n]) => n / total >= minShare).map(([c]) => c).sort((a, b) => a - b);
    lex.set(norm, `~${cls.join('.')}`);
  }
  return lex;
}

function buildCandidates(sentences: readonly GoldSentence[], classOf: Map<string, number>, minCount: number): Map<string, number[]> {
  const out = new Map<string, number[]>();
  if (minCount <= 0) return out;
  const counts = new Map<string, { n: number; cls: Set<number> }>();
  for (const s of sentences) for (const w of s.words) {
    let e = counts.get(w.form);
    if (!e) counts.set(w.form, (e = { n: 0, cls: new Set() }));
    e.n++;
    e.cls.add(classOf.get(`${w.upos}\t${w.xpos}`)!);
  }
  for (const form of [...counts.keys()].sort()) {
    const e = counts.get(form)!;
    if (e.n >= minCount) out.set(form, [...e.cls].sort((a, b) => a - b));
  }
  return out;
}

/** Encodes word forms into a padded sequence over `strings` (interning when `grow`). */
function encode(forms: readonly string[], strings: StringStore, growStrings: boolean, typeCache: Map<string, Int32Array>, tagdict: Map<string, number>, lexicon: Map<string, string>): { attrs: Int32Array; dict: Int32Array; stride: number } {
  const n = forms.length;
  const stride = n + 2 * PAD;
  const attrs = new Int32Array(N_FEATURE_ATTRS * stride);
  const dict = new Int32Array(stride).fill(-1);
  const startId = strings.idOf(START_STRING);
  const endId = strings.idOf(END_STRING);
  for (let a = 0; a < N_FEATURE_ATTRS; a++) {
    attrs[a * stride] = attrs[a * stride + 1] = startId;
    attrs[a * stride + n + PAD] = attrs[a * stride + n + PAD + 1] = endId;
  }
  for (let i = 0; i < n; i++) {
    const form = forms[i]!;
    let ids = typeCache.get(form);
    if (!ids) {
      ids = new Int32Array(wordAttributes(form, lexicon).map((s) => (growStrings ? strings.add(s) : Math.max(0, strings.idOf(s)))));
      typeCache.set(form, ids);
    }
    for (let a = 0; a < N_FEATURE_ATTRS; a++) attrs[a * stride + i + PAD] = ids[a]!;
    dict[i + PAD] = tagdict.get(form) ?? -1;
  }
  return { attrs, dict, stride };
}

/** Scores a model against gold sentences (gold tokens): UPOS and XPOS accuracy. */
export function scoreModel(model: TaggerModel, sentences: readonly GoldSentence[]): TagAccuracy {
  let words = 0;
  let upos = 0;
  let xpos = 0;
  for (const s of sentences) {
    const pred = model.tagWords(s.words.map((w) => w.form));
    s.words.forEach((w, i) => {
      const c = model.classes[pred[i]!]!;
      words++;
      if (c.upos === w.upos) upos++;
      if (c.xpos === w.xpos) xpos++;
    });
  }
  return { upos: words ? upos / words : 0, xpos: words ? xpos / words : 0, words };
}

/** Drops weak rows and strings no kept feature or dictionary entry uses; remaps ids. */
function prune(trainer: PerceptronTrainer, avg: Float32Array, strings: StringStore, templates: readonly Template[], threshold: number): { table: FeatureTable; weights: Float32Array; strings: string[] } {
  const nC = trainer.nC;
  const src = trainer.table;
  const keep: number[] = [];
  for (let r = 0; r < src.size; r++) {
    let max = 0;
    for (let c = 0; c < nC; c++) max = Math.max(max, Math.abs(avg[r * nC + c]!));
    if (max >= threshold) keep.push(r);
  }
  const isString = (t: number, atom: number): boolean => {
    const a = templates[t]![atom];
    return a !== undefined && a[0] !== FeatureAttr.TAG;
  };
  const used = new Uint8Array(strings.size);
  used[strings.idOf(START_STRING)] = 1;
  used[strings.idOf(END_STRING)] = 1;
  for (const r of keep) {
    const k1 = src.rowKey1[r]!;
    const t = k1 >>> 21;
    if (isString(t, 0)) used[k1 & MAX_VALUE1] = 1;
    if (isString(t, 1)) used[src.rowKey2[r]!] = 1;
  }
  const all = strings.toArray();
  const remap = new Int32Array(strings.size);
  const kept: string[] = [''];
  for (let id = 1; id < all.length; id++) if (used[id]) {
    remap[id] = kept.length;
    kept.push(all[id]!);
  }
  const table = new FeatureTable(keep.length);
  const weights = new Float32Array(keep.length * nC);
  for (const r of keep) {
    const k1 = src.rowKey1[r]!;
    const t = k1 >>> 21;
    const v1 = isString(t, 0) ? remap[k1 & MAX_VALUE1]! : k1 & MAX_VALUE1;
    const v2 = isString(t, 1) ? remap[src.rowKey2[r]!]! : src.rowKey2[r]!;
    const row = table.insert(key1(t, v1), v2);
    for (let c = 0; c < nC; c++) {
      const w = avg[r * nC + c]!;
      weights[row * nC + c] = Math.abs(w) >= threshold / 4 ? w : 0;
    }
  }
  return { table, weights, strings: kept };
}

/**
 * Trains a greedy averaged-perceptron tagger on gold sentences (Honnibal's design: word, affix,
 * shape and context-tag features, a tag dictionary, averaged weights), predicting joint
 * UPOS|XPOS classes. Deterministic for a given seed.
 * @example
 * const sents = []; for await (const s of readConllu('en_ewt-ud-train.conllu.gz')) sents.push(s);
 * const model = trainTagger(sents, { epochs: 5, seed: 1 });
 */
export function trainTagger(sentences: readonly GoldSentence[], options: TrainTaggerOptions = {}): TaggerModel {
  const o = { ...TRAIN_DEFAULTS, ...(resolveOptions(TRAIN_SCHEMA, options, { what: 'train' }) as TrainTaggerOptions) };
  if (sentences.length === 0) throw new ArgumentError('no training sentences', { key: 'sentences' });
  const templates = (options.templates ?? DEFAULT_TEMPLATES).map((t) => t.map((a) => [a[0], a[1]] as const));
  const tpl = compileTemplates(templates);

  const { classes, classOf } = buildClasses(sentences, o.minClassCount);
  const tagdict = buildTagdict(sentences, classOf, o.dictMinCount, o.dictMinRatio);
  const runDict = buildTagdict(sentences, classOf, o.runDictMinCount, o.runDictMinRatio);
  const candidates = buildCandidates(sentences, classOf, o.candMinCount);
  const lexicon = buildLexicon(sentences, classOf, o.ambMinCount, o.ambMinShare);
  const strings = new StringStore([START_STRING, END_STRING]);
  const folds = Math.max(1, Math.min(o.jackknife, sentences.length));
  const foldLexicons: Map<string, string>[] = [];
  const foldCaches: Map<string, Int32Array>[] = [];
  for (let f = 0; f < folds; f++) {
    foldLexicons.push(folds === 1 ? lexicon : buildLexicon(sentences.filter((_, i) => i % folds !== f), classOf, o.ambMinCount, o.ambMinShare));
    foldCaches.push(new Map());
  }
  const seqs: Seq[] = sentences.map((s, si) => {
    const forms = s.words.map((w) => w.form);
    const f = si % folds;
    const { attrs, dict, stride } = encode(forms, strings, true, foldCaches[f]!, tagdict, foldLexicons[f]!);
    const gold = new Int32Array(stride).fill(-1);
    s.words.forEach((w, i) => (gold[i + PAD] = classOf.get(`${w.upos}\t${w.xpos}`)!));
    return { n: forms.length, attrs, dict, gold };
  });
  if (strings.size > MAX_VALUE1) throw new ArgumentError(`too many distinct strings (${strings.size}) for the feature key layout`);

  const trainer = new PerceptronTrainer(tpl, classes.length);
  const rng = new Rng(o.seed);
  const order = seqs.map((_, i) => i);
  let tags = new Int32Array(256);
  const total = seqs.length * o.epochs;
  let done = 0;
  for (let epoch = 1; epoch <= o.epochs; epoch++) {
    const t0 = Date.now();
    rng.shuffle(order);
    let correct = 0;
    let count = 0;
    for (const idx of order) {
      const s = seqs[idx]!;
      if (tags.length < s.n + 2 * PAD) tags = new Int32Array(s.n * 2 + 2 * PAD);
      correct += trainer.trainSequence(s.attrs, s.n + 2 * PAD, s.dict, s.gold, tags, s.n);
      count += s.n;
      if (++done % 256 === 0) o.onProgress?.(done, total);
    }
    const report: EpochReport = { epoch, trainAccuracy: count ? correct / count : 0, seconds: (Date.now() - t0) / 1000 };
    if (o.dev && o.dev.length) {
      const m = new TaggerModel({ classes, templates, strings: strings.toArray(), table: trainer.table, weights: sparsify(trainer.averaged(), trainer.table.size, classes.length), tagdict: runDict, lexicon, candidates, meta: {} });
      report.dev = scoreModel(m, o.dev);
    }
    o.onEpoch?.(report);
  }
  o.onProgress?.(total, total);

  const pruned = prune(trainer, trainer.averaged(), strings, templates, o.prune);
  return new TaggerModel({
    classes,
    templates: templates as Template[],
    strings: pruned.strings,
    table: pruned.table,
    weights: sparsify(pruned.weights, pruned.table.size, classes.length),
    tagdict: runDict,
    lexicon,
    candidates,
    meta: {
      epochs: o.epochs,
      seed: o.seed,
      sentences: sentences.length,
      words: seqs.reduce((a, s) => a + s.n, 0),
      featuresBeforePruning: trainer.table.size,
    },
  });
}
