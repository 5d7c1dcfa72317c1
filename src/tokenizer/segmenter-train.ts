/**
 * Trains a {@link SegmenterModel}: a binary averaged perceptron over the gaps of gold-segmented
 * sentences, decoded greedily left to right as at prediction time (the previous-decision feature
 * sees the model's own decisions). Sentences are shuffled per epoch by a seeded generator, so
 * equal inputs and seeds give byte-equal models.
 */
import { ArgumentError } from '../core/errors.js';
import { resolveOptions, type OptionSchema } from '../core/options.js';
import { Rng } from '../util/rng.js';
import { CodePoints, CT, GAP_FEATURES, gapFeatures, LEXICON_MAX, wordHash, type Lexicon } from './segmenter-features.js';
import { SegmenterModel } from './segmenter-model.js';

/** One training sentence: its text and the UTF-16 offsets where its words start. */
export interface SegmentedSentence {
  text: string;
  /** Start offset of each word in `text`, ascending. */
  starts: readonly number[];
}

/** Options of {@link trainSegmenter}. */
export interface SegmenterTrainOptions {
  /** BCP 47 locale of the ICU segmentation used as a feature (default `und`). */
  locale?: string;
  /** Passes over the sentences (default 10). */
  epochs?: number;
  /** Shuffling seed (default 1). */
  seed?: number;
  /** The weight table has 2^bits entries (default 20). */
  bits?: number;
  /** Called after each epoch with its training accuracy over the gaps. */
  onEpoch?: (epoch: number, accuracy: number) => void;
}

/** Folds of the jackknifed lexicon: a sentence's lexicon features see only the other folds' words. */
const FOLDS = 10;

// The lexicon as a sentence of fold `fold` sees it during training: words seen in another fold.
class FoldLexicon implements Lexicon {
  fold = 0;
  constructor(private readonly masks: Map<number, number>) {}
  get size(): number {
    return this.masks.size;
  }
  has(hash: number): boolean {
    const m = this.masks.get(hash);
    return m !== undefined && (m & ~(1 << this.fold)) !== 0;
  }
}

/** Defaults of {@link SegmenterTrainOptions}. */
export const SEGMENTER_TRAIN_DEFAULTS = Object.freeze({ locale: 'und', epochs: 10, seed: 1, bits: 20 });

const SCHEMA: OptionSchema = {
  locale: { type: 'string', default: SEGMENTER_TRAIN_DEFAULTS.locale },
  epochs: { type: 'integer', min: 1, default: SEGMENTER_TRAIN_DEFAULTS.epochs },
  seed: { type: 'integer', default: SEGMENTER_TRAIN_DEFAULTS.seed },
  bits: { type: 'integer', min: 8, max: 24, default: SEGMENTER_TRAIN_DEFAULTS.bits },
  onEpoch: { type: 'function' },
};

/**
 * Trains a word-boundary model on gold-segmented sentences (for UD treebanks: each sentence's
 * `# text` with the offsets of its word forms).
 * @example
 * const model = trainSegmenter([{ text: '我喜欢北京', starts: [0, 1, 3] }], { locale: 'zh', epochs: 5 });
 */
export function trainSegmenter(sentences: readonly SegmentedSentence[], options: SegmenterTrainOptions = {}): SegmenterModel {
  const o = resolveOptions(SCHEMA, options, { what: 'trainSegmenter' }) as unknown as Required<Omit<SegmenterTrainOptions, 'onEpoch'>> & SegmenterTrainOptions;
  if (sentences.length === 0) throw new ArgumentError('no training sentences', { key: 'sentences' });
  const segmenter = new Intl.Segmenter(o.locale, { granularity: 'word' });
  const model = new SegmenterModel(o.bits);
  const mask = (1 << o.bits) - 1;
  const w = model.weights;
  const total = new Float64Array(w.length);
  const stamp = new Uint32Array(w.length);
  const feats = new Uint32Array(GAP_FEATURES);
  const c = new CodePoints();
  // Word list (2 to LEXICON_MAX code points) with the folds each word occurs in.
  const masks = new Map<number, number>();
  const cps: number[] = [];
  sentences.forEach((s, si) => {
    for (let w = 0; w < s.starts.length; w++) {
      const word = s.text.slice(s.starts[w], w + 1 < s.starts.length ? s.starts[w + 1] : s.text.length).trimEnd();
      cps.length = 0;
      for (const ch of word) cps.push(ch.codePointAt(0)!);
      if (cps.length < 2 || cps.length > LEXICON_MAX) continue;
      const h = wordHash(cps, 0, cps.length);
      masks.set(h, (masks.get(h) ?? 0) | (1 << si % FOLDS));
    }
  });
  const foldLexicon = new FoldLexicon(masks);
  let gold = new Uint8Array(256);
  const order = Array.from(sentences.keys());
  const rng = new Rng(o.seed);
  let t = 1;
  for (let epoch = 1; epoch <= o.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rng.next() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let right = 0;
    let seen = 0;
    for (const si of order) {
      const s = sentences[si]!;
      foldLexicon.fold = si % FOLDS;
      c.fill(s.text, segmenter, foldLexicon);
      if (gold.length < c.n + 1) gold = new Uint8Array(c.n * 2 + 2);
      gold.fill(0, 0, c.n + 1);
      // Word starts (UTF-16) -> code-point indices by a merge walk over `c.start`.
      let k = 0;
      for (const at of s.starts) {
        while (k < c.n && c.start[k]! < at) k++;
        if (k < c.n && c.start[k] === at) gold[k] = 1;
      }
      let prev = 1;
      for (let g = 1; g < c.n; g++) {
        if (c.type[g - 1] === CT.SPACE || c.type[g] === CT.SPACE) {
          prev = 1;
          continue;
        }
        gapFeatures(c, g, prev, feats, mask);
        let score = 0;
        for (let f = 0; f < GAP_FEATURES; f++) score += w[feats[f]!]!;
        const guess = score > 0 ? 1 : 0;
        const y = gold[g]!;
        seen++;
        if (guess === y) right++;
        else {
          const d = y === 1 ? 1 : -1;
          for (let f = 0; f < GAP_FEATURES; f++) {
            const h = feats[f]!;
            total[h] += (t - stamp[h]!) * w[h]!;
            stamp[h] = t;
            w[h] += d;
          }
        }
        prev = guess;
        t++;
      }
    }
    o.onEpoch?.(epoch, seen > 0 ? right / seen : 1);
  }
  // Averaged weights: each weight's value summed over every step, divided by the steps.
  for (let h = 0; h < w.length; h++) {
    total[h] += (t - stamp[h]!) * w[h]!;
    w[h] = total[h]! / t;
  }
  for (const h of masks.keys()) model.lexicon.add(h);
  return model;
}
