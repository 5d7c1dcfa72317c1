/**
 * `SenterModel`: the trained sentence segmenter's query object. A binary averaged perceptron over
 * hashed features (`features.ts`): one int16 weight per hashed key, a sentence starts at a
 * candidate when the summed weights are positive. Decoding is greedy left to right (the
 * sentence-length feature reads earlier decisions). Separate from the training state.
 */
import type { Doc } from '../../core/doc.js';
import type { Vocab } from '../../core/vocab.js';
import { Senter } from '../senter.js';
import { extractFeatures, fillType, Gap, lengthBucket, newTypeTable, N_FEATURES, WordClass, type Context, type TypeTable } from './features.js';

/** Word classes (bit per {@link WordClass}) of a word before a quiet candidate, and of the candidate. */
const QUIET_BEFORE = (1 << WordClass.Lower) | (1 << WordClass.Mixed);
const QUIET_AT = (1 << WordClass.Lower) | (1 << WordClass.Terminal) | (1 << WordClass.Clause) | (1 << WordClass.Closer) | (1 << WordClass.OtherPunct);

/** Scores a candidate's feature keys (the model's int16 weights, or the trainer's floats). */
export interface KeyScorer {
  /** Sum of the weights of `keys` (the first {@link N_FEATURES}). */
  score(keys: Uint32Array): number;
}

/** What {@link decodeDoc} needs per doc besides the scorer. */
export interface DecodeScratch {
  keys: Uint32Array;
  ctx: Context;
}

/** A fresh scratch (one per model or trainer, reused for every doc). */
export function newScratch(): DecodeScratch {
  return { keys: new Uint32Array(N_FEATURES), ctx: { i: 0, p: -1, p2: -1, n: -1, n2: -1, gap: Gap.None, rule: 0, len: 0 } };
}

/** Fills `t` with every type of `doc` and returns it (it may have grown). */
export function fillDocTypes(doc: Doc, t: TypeTable): TypeTable {
  const orth = doc.orth;
  for (let i = 0; i < doc.length; i++) {
    const o = orth[i]!;
    if (o >= t.done.length || !t.done[o]) t = fillType(t, doc.vocab, o);
  }
  return t;
}

/**
 * Greedy decoding of one doc into `doc.sentStart`. `rules[i]` is 1 where the rule splitter
 * starts a sentence. When `gold` is given (training), `onCandidate(keys, predicted, gold)` is
 * called for every candidate after the decision, so a trainer can update its weights; decoding
 * goes on from the predicted decision.
 * Whitespace tokens never start a sentence (they stay with the one before), nor does the first
 * word after leading whitespace; the doc's first token always does.
 */
export function decodeDoc(
  doc: Doc,
  t: TypeTable,
  rules: Int8Array,
  scorer: KeyScorer,
  s: DecodeScratch,
  gold?: Int8Array,
  onCandidate?: (keys: Uint32Array, predicted: boolean, gold: boolean) => void,
): void {
  const n = doc.length;
  if (n === 0) return;
  const orth = doc.orth;
  const ss = doc.sentStart;
  const space = t.space;
  const c = s.ctx;
  ss[0] = 1;
  let p = -1;
  let p2 = -1;
  let words = 0;
  // next: the first word after i (whitespace skipped), advanced lazily.
  let next = 0;
  for (let i = 0; i < n; i++) {
    const o = orth[i]!;
    if (space[o]) {
      if (i > 0) ss[i] = -1;
      continue;
    }
    if (p < 0) {
      if (i > 0) ss[i] = -1;
      p = i;
      words = 1;
      continue;
    }
    const before = orth[i - 1]!;
    let gap: Gap;
    if (space[before]) {
      const nl = t.newlines[before]!;
      gap = nl >= 2 ? Gap.BlankLine : nl === 1 ? Gap.Newline : Gap.Spaces;
    } else gap = doc.spaceAfter[i - 1] ? Gap.Space : Gap.None;
    if (next <= i) {
      next = i + 1;
      while (next < n && space[orth[next]!]) next++;
    }
    // A quiet candidate (a lower-case word, punctuation inside a sentence, after a lower-case
    // word, nothing but a space between) is not scored: two thirds of EWT's tokens, and 0.5% of
    // its sentence starts. Training skips them the same way.
    if (gap <= Gap.Space && rules[i] !== 1 && (QUIET_BEFORE >> t.cls[orth[p]!]!) & 1 && (QUIET_AT >> t.cls[o]!) & 1) {
      ss[i] = -1;
      words++;
      p2 = p;
      p = i;
      continue;
    }
    c.i = i;
    c.p = p;
    c.p2 = p2;
    c.n = next < n ? next : -1;
    let next2 = next + 1;
    while (next2 < n && space[orth[next2]!]) next2++;
    c.n2 = next2 < n ? next2 : -1;
    c.gap = gap;
    c.rule = rules[i] === 1 ? 1 : 0;
    c.len = lengthBucket(words);
    extractFeatures(doc, t, c, s.keys);
    const start = scorer.score(s.keys) > 0;
    if (gold && onCandidate) onCandidate(s.keys, start, gold[i] === 1);
    ss[i] = start ? 1 : -1;
    words = start ? 1 : words + 1;
    p2 = p;
    p = i;
  }
}

/** Int16 weights over a `2^bits` hashed table (the shipped form). */
class Int16Scorer implements KeyScorer {
  constructor(
    private readonly w: Int16Array,
    private readonly mask: number,
  ) {}
  score(keys: Uint32Array): number {
    const w = this.w;
    const m = this.mask;
    let s = 0;
    for (let f = 0; f < N_FEATURES; f++) s += w[keys[f]! & m]!;
    return s;
  }
}

/** Construction parts of a {@link SenterModel} (what the model file stores). */
export interface SenterModelParts {
  /** log2 of the weight table's size. */
  bits: number;
  /** Weights, `2^bits` of them; the real weight is `weights[k] * scale`. */
  weights: Int16Array;
  scale: number;
  /** Provenance (training data, epochs, seed, dev scores). */
  meta?: Record<string, unknown>;
}

/**
 * The trained sentence segmenter. `predictDoc` runs the rule splitter (whose answer is a
 * feature), then the perceptron, and writes `doc.sentStart`.
 * @example
 * const model = loadSenterModel('models/en_ewt_senter.tls');
 * model.predictDoc(doc); doc.sents.length
 */
export class SenterModel {
  readonly bits: number;
  readonly weights: Int16Array;
  readonly scale: number;
  readonly meta: Record<string, unknown>;
  private readonly scorer: Int16Scorer;
  private readonly rulesSenter = new Senter('senter_rules');
  private readonly tables = new WeakMap<Vocab, { t: TypeTable }>();
  private readonly scratch = newScratch();
  private rules = new Int8Array(1024);

  constructor(parts: SenterModelParts) {
    if (parts.weights.length !== 2 ** parts.bits) throw new RangeError(`weights must have 2^${parts.bits} entries, got ${parts.weights.length}`);
    this.bits = parts.bits;
    this.weights = parts.weights;
    this.scale = parts.scale;
    this.meta = parts.meta ?? {};
    this.scorer = new Int16Scorer(this.weights, (1 << this.bits) - 1);
  }

  /** The rule splitter's starts for `doc` (a view of a reused buffer, valid until the next call). */
  ruleStarts(doc: Doc): Int8Array {
    const n = doc.length;
    this.rulesSenter.process(doc);
    if (this.rules.length < n) this.rules = new Int8Array(Math.max(n, this.rules.length * 2));
    this.rules.set(doc.sentStart.subarray(0, n));
    return this.rules;
  }

  /** The type table of a vocab, filled with every type of `doc`. */
  private tableFor(doc: Doc): TypeTable {
    let entry = this.tables.get(doc.vocab);
    if (!entry) this.tables.set(doc.vocab, (entry = { t: newTypeTable() }));
    return (entry.t = fillDocTypes(doc, entry.t));
  }

  /** Sets `doc.sentStart` for every token (1: starts a sentence, -1: does not). */
  predictDoc(doc: Doc): void {
    if (doc.length === 0) return;
    const rules = this.ruleStarts(doc);
    decodeDoc(doc, this.tableFor(doc), rules, this.scorer, this.scratch);
  }
}
