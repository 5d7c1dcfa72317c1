/**
 * The trained parser as a query object: labels, tags, label candidates and the two hashed weight
 * tables. Parses sentences given as word hashes and tag ids, and Docs in place (`head`, `dep`,
 * and `sentStart` when no sentence boundaries were set). Separate from the training state
 * (`train.ts`).
 */
import type { Doc } from '../../core/doc.js';
import { ArgumentError } from '../../core/errors.js';
import type { Vocab } from '../../core/vocab.js';
import { extractFeatures, extractRightLabelFeatures, N_FEATURES, N_LABEL_FEATURES, N_RIGHT_LABEL_FEATURES, shapeCluster, wordHash } from './features.js';
import { BeamSearch, MAX_BEAM, type BeamScorer } from './beam.js';
import { bestLabelQ, candidateRanks, labelLineMask, scoreActionsQ } from './kernel.js';
import { baseOf, deprojectivize, LIFT_SEPARATOR } from './projectivize.js';
import { LEFT, N_ACTIONS, ParseState, REDUCE, RIGHT, SHIFT } from './transitions.js';

/** The label of the root's dependent. */
export const ROOT_LABEL = 'root';
/** The label given to words the parser leaves without a head (attached at the end). */
export const FALLBACK_LABEL = 'dep';

/** Everything a {@link ParserModel} is built from (what the model file stores). */
export interface ParserModelParts {
  /** Label id -> label; lifted labels are `label||headLabel`. Contains ROOT_LABEL and FALLBACK_LABEL. */
  labels: string[];
  /** Tag id -> XPOS tag; id 0 is '' (unknown tag). */
  tags: string[];
  /** Label candidates: for key `(headTag * nTags + depTag) * 2 + dir`, labels `cands[candStart[key]..candStart[key+1])`; the last two keys (`nTags² * 2 + dir`) hold every label seen in that direction. */
  candStart: Int32Array;
  cands: Int32Array;
  /** log2 of the action table's rows and of the label table's size. */
  actionBits: number;
  labelBits: number;
  /** The action table, int8: weight = value / actionScale. */
  actionWeights: Int8Array;
  actionScale: number;
  /** The label table, int8: weight = value / labelScale. */
  labelWeights: Int8Array;
  labelScale: number;
  /** Word clusters: word hashes (`wordHash`, ascending) and their cluster codes (0..1023); empty without clusters. */
  clusterWords: Int32Array;
  clusterCodes: Uint16Array;
  /** Free-form provenance (data, epochs, seed, scores). */
  meta: Record<string, unknown>;
  /** Beam width of the decoder (default 1: greedy); a model trained with a beam of k parses with a beam of k. */
  beam?: number;
}

interface VocabCache {
  /** orth id -> word hash (0 = not computed yet). */
  words: Int32Array;
  /** orth id -> cluster code (valid once `words` is set). */
  clus: Int32Array;
  /** string id -> tag id + 1 (0 = not looked up yet). */
  tags: Int32Array;
  /** label id -> string id. */
  labels: Uint32Array;
}

/**
 * A trained arc-eager dependency parser (greedy, averaged perceptron, pseudo-projective).
 * @example const p = Parser.load(); p.model.parseWords(['I', 'saw', 'her'], ['PRP', 'VBD', 'PRP']) // { heads: [2, 0, 2], labels: ['nsubj', 'root', 'obj'] }
 */
export class ParserModel {
  readonly labels: string[];
  readonly tags: string[];
  readonly candStart: Int32Array;
  readonly cands: Int32Array;
  readonly actionBits: number;
  readonly labelBits: number;
  readonly actionWeights: Int8Array;
  readonly actionScale: number;
  readonly labelWeights: Int8Array;
  readonly labelScale: number;
  readonly clusterWords: Int32Array;
  readonly clusterCodes: Uint16Array;
  readonly meta: Record<string, unknown>;
  /** Beam width of the decoder: 1 is the greedy decoder; a wider beam searches the `beam` best action sequences (see `beam.ts`). */
  readonly beam: number;
  /** Label id -> id of its base (undecorated) label; -> id of the recorded head label or -1. */
  readonly base: Int32Array;
  readonly liftedFrom: Int32Array;
  readonly rootLabel: number;
  readonly fallbackLabel: number;
  private readonly tagIds = new Map<string, number>();
  private readonly clusterOf = new Map<number, number>();
  /** Label-table rank of each entry of `cands`. */
  private readonly candPos: Int32Array;
  private readonly labelLines = new Int32Array(Math.max(N_LABEL_FEATURES, N_RIGHT_LABEL_FEATURES));
  private readonly labelRots = new Int32Array(Math.max(N_LABEL_FEATURES, N_RIGHT_LABEL_FEATURES));
  private readonly rfeats = new Int32Array(N_RIGHT_LABEL_FEATURES);
  private readonly actionMask: number;
  private readonly labelMask: number;
  private readonly nTags: number;
  private readonly state = new ParseState();
  private readonly feats = new Int32Array(N_FEATURES);
  private readonly scores = new Int32Array(N_ACTIONS);
  private words = new Int32Array(64);
  private tagBuf = new Int32Array(64);
  private clusBuf = new Int32Array(64);
  private heads = new Int32Array(64);
  private labelBuf = new Int32Array(64);
  private scratch = new Int32Array(128);
  private readonly caches = new WeakMap<Vocab, VocabCache>();
  private beamSearch: BeamSearch | undefined;
  private scorerQ: BeamScorer | undefined;
  private readonly scoresQ = new Int32Array(N_ACTIONS);

  constructor(parts: ParserModelParts) {
    const beam = parts.beam ?? 1;
    if (!Number.isInteger(beam) || beam < 1 || beam > MAX_BEAM) throw new ArgumentError(`beam width must be an integer in 1..${MAX_BEAM}, got ${beam}`, { key: 'beam' });
    this.beam = beam;
    this.labels = parts.labels;
    this.tags = parts.tags;
    this.candStart = parts.candStart;
    this.cands = parts.cands;
    this.actionBits = parts.actionBits;
    this.labelBits = parts.labelBits;
    this.actionWeights = parts.actionWeights;
    this.labelWeights = parts.labelWeights;
    this.actionScale = parts.actionScale;
    this.labelScale = parts.labelScale;
    this.clusterWords = parts.clusterWords;
    this.clusterCodes = parts.clusterCodes;
    for (let i = 0; i < parts.clusterWords.length; i++) this.clusterOf.set(parts.clusterWords[i]!, parts.clusterCodes[i]!);
    this.candPos = candidateRanks(parts.candStart, parts.cands, parts.tags.length, parts.labels.length);
    this.meta = parts.meta;
    this.actionMask = (1 << parts.actionBits) - 1;
    this.labelMask = labelLineMask(parts.labelBits);
    this.nTags = parts.tags.length;
    parts.tags.forEach((t, i) => this.tagIds.set(t, i));
    const ids = new Map(parts.labels.map((l, i) => [l, i]));
    this.base = new Int32Array(parts.labels.length);
    this.liftedFrom = new Int32Array(parts.labels.length).fill(-1);
    parts.labels.forEach((l, i) => {
      this.base[i] = ids.get(baseOf(l)) ?? i;
      const sep = l.indexOf(LIFT_SEPARATOR);
      if (sep >= 0) this.liftedFrom[i] = ids.get(l.slice(sep + LIFT_SEPARATOR.length)) ?? -1;
    });
    this.rootLabel = ids.get(ROOT_LABEL) ?? 0;
    this.fallbackLabel = ids.get(FALLBACK_LABEL) ?? this.rootLabel;
  }

  /**
   * Cluster code of a word form whose hash (`wordHash(form)`) is `h`: its cluster, else the code
   * of its shape (numbers, symbols, capitalized words, ...; see `shapeCluster`).
   */
  clusterOfWord(form: string, h: number): number {
    return this.clusterOf.get(h) ?? shapeCluster(form);
  }

  /** Tag id of an XPOS tag (0 when the model has not seen it). */
  tagId(tag: string): number {
    return this.tagIds.get(tag) ?? 0;
  }

  /** Label candidates range for an arc: [from, to) in `cands`. */
  private candRange(headTag: number, depTag: number, dir: number): number {
    const key = (headTag * this.nTags + depTag) * 2 + dir;
    if (this.candStart[key + 1]! > this.candStart[key]!) return key;
    return this.nTags * this.nTags * 2 + dir;
  }

  private ensure(n: number): void {
    if (this.words.length > n + 1) return;
    const c = (n + 1) * 2;
    this.words = new Int32Array(c);
    this.tagBuf = new Int32Array(c);
    this.clusBuf = new Int32Array(c);
    this.heads = new Int32Array(c);
    this.labelBuf = new Int32Array(c);
    this.scratch = new Int32Array(c * 3 + 6);
  }

  /**
   * Parses words 1..n of `words` (hashes, see `wordHash`), `tags` (tag ids) and `clus` (cluster
   * codes, see {@link ParserModel.clusterOfWord}) into `heads`
   * (0 = root) and `labels` (label ids), all indexed 1..n. With `multiRoot` the root may take
   * several dependents (a text whose sentences are not known).
   */
  parseIds(words: Int32Array, tags: Int32Array, clus: Int32Array, n: number, heads: Int32Array, labels: Int32Array, multiRoot = false): void {
    if (this.beam > 1) {
      this.parseBeam(words, tags, clus, n, heads, labels, multiRoot);
      return;
    }
    const st = this.state;
    st.reset(n);
    st.multiRoot = multiRoot;
    const feats = this.feats;
    const scores = this.scores;
    const aw = this.actionWeights;
    const lw = this.labelWeights;
    while (!st.done) {
      // With the buffer empty only REDUCE is legal: nothing to score.
      if (st.b > n) {
        this.reduce(words, tags, clus);
        continue;
      }
      // Only SHIFT is legal on the root alone once it has its dependent: nothing to score.
      if (st.sp === 1 && st.rootChild !== -1 && !multiRoot) {
        st.apply(SHIFT, this.fallbackLabel, this.base[this.fallbackLabel]!, this.rootLabel);
        continue;
      }
      extractFeatures(st, words, tags, clus, feats);
      scoreActionsQ(feats, N_FEATURES, aw, this.actionMask, scores);
      let best = -1;
      for (let a = 0; a < N_ACTIONS; a++) if (st.legal(a) && (best < 0 || scores[a]! > scores[best]!)) best = a;
      const s0 = st.s0;
      if (best === LEFT) {
        const key = this.candRange(tags[st.b]!, tags[s0]!, 0);
        const lab = this.cands[bestLabelQ(feats, N_LABEL_FEATURES, lw, this.labelMask, this.candPos, this.candStart[key]!, this.candStart[key + 1]!, this.labelLines, this.labelRots)]!;
        st.apply(LEFT, lab, this.base[lab]!, this.rootLabel);
      } else if (best === REDUCE) this.reduce(words, tags, clus);
      // A right arc's label waits for its dependent's REDUCE (pending: -1), when its subtree is complete.
      else st.apply(best, best === RIGHT ? -1 : this.fallbackLabel, -1, this.rootLabel);
    }
    for (let i = 1; i <= n; i++) {
      heads[i] = st.head[i]!;
      labels[i] = st.label[i]!;
    }
    deprojectivize(heads, labels, n, this.base, this.liftedFrom, this.scratch.length >= 3 * (n + 2) ? this.scratch : (this.scratch = new Int32Array(3 * (n + 2))));
  }

  // Beam search (width `beam`) over the int8 tables, then the best state's arcs, lowered.
  private parseBeam(words: Int32Array, tags: Int32Array, clus: Int32Array, n: number, heads: Int32Array, labels: Int32Array, multiRoot: boolean): void {
    const search = (this.beamSearch ??= new BeamSearch(this.beam));
    search.search(words, tags, clus, n, multiRoot, this.beamScorer());
    const st = search.states[0]!;
    for (let i = 1; i <= n; i++) {
      heads[i] = st.head[i]!;
      labels[i] = st.label[i]!;
    }
    deprojectivize(heads, labels, n, this.base, this.liftedFrom, this.scratch.length >= 3 * (n + 2) ? this.scratch : (this.scratch = new Int32Array(3 * (n + 2))));
  }

  /**
   * The scorer a {@link BeamSearch} uses with this model: the int8 action scores and the label
   * classifier's choices, as the greedy decoder makes them (so a beam of 1 parses as it does).
   */
  beamScorer(): BeamScorer {
    if (this.scorerQ) return this.scorerQ;
    const scoresQ = this.scoresQ;
    return (this.scorerQ = {
      base: this.base,
      rootLabel: this.rootLabel,
      fallbackLabel: this.fallbackLabel,
      actionScores: (feats, scores) => {
        scoreActionsQ(feats, N_FEATURES, this.actionWeights, this.actionMask, scoresQ);
        for (let a = 0; a < N_ACTIONS; a++) scores[a] = scoresQ[a]!;
      },
      leftLabel: (st, feats, _words, tags) => {
        const key = this.candRange(tags[st.b]!, tags[st.s0]!, 0);
        return this.cands[bestLabelQ(feats, N_LABEL_FEATURES, this.labelWeights, this.labelMask, this.candPos, this.candStart[key]!, this.candStart[key + 1]!, this.labelLines, this.labelRots)]!;
      },
      rightLabel: (st, words, tags, clus) => {
        const s0 = st.s0;
        const h = st.head[s0]!;
        extractRightLabelFeatures(st, h, s0, words, tags, clus, this.rfeats);
        const key = this.candRange(tags[h]!, tags[s0]!, 1);
        return this.cands[bestLabelQ(this.rfeats, N_RIGHT_LABEL_FEATURES, this.labelWeights, this.labelMask, this.candPos, this.candStart[key]!, this.candStart[key + 1]!, this.labelLines, this.labelRots)]!;
      },
    });
  }

  /**
   * The same model decoding with a beam of `k` (1: greedy); the tables are shared, not copied.
   * A model trained with a beam is best decoded with the width it was trained with.
   */
  withBeam(k: number): ParserModel {
    return new ParserModel({ labels: this.labels, tags: this.tags, candStart: this.candStart, cands: this.cands, actionBits: this.actionBits, labelBits: this.labelBits, actionWeights: this.actionWeights, actionScale: this.actionScale, labelWeights: this.labelWeights, labelScale: this.labelScale, clusterWords: this.clusterWords, clusterCodes: this.clusterCodes, meta: this.meta, beam: k });
  }

  /**
   * Parses a sentence of word forms with their XPOS tags.
   * @returns heads (1-based word numbers, 0 = root) and labels, one per word.
   */
  parseWords(forms: readonly string[], tags: readonly string[]): { heads: number[]; labels: string[] } {
    const n = forms.length;
    this.ensure(n);
    for (let i = 0; i < n; i++) {
      this.words[i + 1] = wordHash(forms[i]!);
      this.clusBuf[i + 1] = this.clusterOfWord(forms[i]!, this.words[i + 1]!);
      this.tagBuf[i + 1] = this.tagId(tags[i] ?? '');
    }
    this.parseIds(this.words, this.tagBuf, this.clusBuf, n, this.heads, this.labelBuf);
    const heads: number[] = [];
    const labels: string[] = [];
    for (let i = 1; i <= n; i++) {
      heads.push(this.heads[i]!);
      labels.push(this.labels[this.labelBuf[i]!]!);
    }
    return { heads, labels };
  }

  /** REDUCE on the current state; a right dependent leaving the stack gets its label first. */
  private reduce(words: Int32Array, tags: Int32Array, clus: Int32Array): void {
    const st = this.state;
    const s0 = st.s0;
    const h = st.head[s0]!;
    if (h > 0 && st.label[s0] === -1) {
      extractRightLabelFeatures(st, h, s0, words, tags, clus, this.rfeats);
      const key = this.candRange(tags[h]!, tags[s0]!, 1);
      const lab = this.cands[bestLabelQ(this.rfeats, N_RIGHT_LABEL_FEATURES, this.labelWeights, this.labelMask, this.candPos, this.candStart[key]!, this.candStart[key + 1]!, this.labelLines, this.labelRots)]!;
      st.setRightLabel(s0, lab, this.base[lab]!);
    }
    st.apply(REDUCE, this.fallbackLabel, this.base[this.fallbackLabel]!, this.rootLabel);
  }

  private cacheFor(vocab: Vocab): VocabCache {
    let c = this.caches.get(vocab);
    if (!c) {
      c = { words: new Int32Array(1024), clus: new Int32Array(1024), tags: new Int32Array(1024), labels: new Uint32Array(this.labels.length) };
      this.labels.forEach((l, i) => (c!.labels[i] = vocab.strings.add(l)));
      this.caches.set(vocab, c);
    }
    return c;
  }

  /**
   * Parses a Doc in place: each sentence when boundaries are set, else the whole Doc, whose
   * sentence starts are then taken from the parse (a word starts a sentence when no arc crosses
   * the boundary before it). Writes `head` (offset to the head; 0 for a sentence's root) and `dep`.
   */
  parseDoc(doc: Doc): void {
    const n = doc.length;
    if (n === 0) return;
    const c = this.cacheFor(doc.vocab);
    const vocab = doc.vocab;
    const orth = doc.orth;
    const tagCol = doc.tag;
    const head = doc.head;
    const dep = doc.dep;
    const hasSents = doc.hasSents;
    const ss = doc.sentStart;
    let start = 0;
    while (start < n) {
      let end = n;
      if (hasSents) {
        end = start + 1;
        while (end < n && ss[end] !== 1) end++;
      }
      const len = end - start;
      this.ensure(len);
      const words = this.words;
      const tags = this.tagBuf;
      const clus = this.clusBuf;
      for (let i = 0; i < len; i++) {
        const o = orth[start + i]!;
        if (o >= c.words.length) {
          c.words = grow32(c.words, o + 1);
          c.clus = grow32(c.clus, c.words.length);
        }
        let wh = c.words[o]!;
        if (wh === 0) {
          const form = vocab.strings.get(o);
          wh = c.words[o] = wordHash(form) || 1;
          c.clus[o] = this.clusterOfWord(form, wh);
        }
        words[i + 1] = wh;
        clus[i + 1] = c.clus[o]!;
        const t = tagCol[start + i]!;
        if (t >= c.tags.length) c.tags = grow32(c.tags, t + 1);
        let ti = c.tags[t]!;
        if (ti === 0) ti = c.tags[t] = (t === 0 ? 0 : this.tagId(vocab.strings.get(t))) + 1;
        tags[i + 1] = ti - 1;
      }
      this.parseIds(words, tags, clus, len, this.heads, this.labelBuf, !hasSents);
      for (let i = 1; i <= len; i++) {
        const h = this.heads[i]!;
        head[start + i - 1] = h === 0 ? 0 : h - i;
        dep[start + i - 1] = c.labels[this.labelBuf[i]!]!;
      }
      if (!hasSents) this.setSentStarts(doc, len);
      start = end;
    }
  }

  // Sentence starts from a whole-doc parse: a boundary where no arc crosses; several roots in
  // one such segment are joined under the first.
  private setSentStarts(doc: Doc, n: number): void {
    const heads = this.heads;
    const ss = doc.sentStart;
    const head = doc.head;
    const dep = doc.dep;
    const c = this.caches.get(doc.vocab)!;
    // minFrom[i]: smallest word any arc from words >= i reaches (suffix minimum).
    const minFrom = this.scratch.length >= n + 2 ? this.scratch : (this.scratch = new Int32Array(2 * (n + 2)));
    minFrom[n + 1] = n + 1;
    for (let i = n; i >= 1; i--) {
      const h = heads[i]!;
      minFrom[i] = Math.min(minFrom[i + 1]!, i, h === 0 ? i : h);
    }
    let maxReach = 0;
    let segRoot = -1;
    for (let i = 1; i <= n; i++) {
      const isStart = i === 1 || (maxReach < i && minFrom[i]! >= i);
      if (isStart) segRoot = -1;
      ss[i - 1] = isStart ? 1 : -1;
      const h = heads[i]!;
      if (h === 0) {
        if (segRoot < 0) segRoot = i;
        else {
          head[i - 1] = segRoot - i;
          dep[i - 1] = c.labels[this.fallbackLabel]!;
        }
      }
      maxReach = Math.max(maxReach, i, h);
    }
  }
}

function grow32(a: Int32Array, need: number): Int32Array {
  const b = new Int32Array(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}
