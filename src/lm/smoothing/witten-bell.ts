/**
 * Interpolated Witten-Bell: p(w|h) = (c(h w) + T(h) p(w|h')) / (c(h) + T(h)), T(h) = number of
 * distinct words seen after h; unigrams interpolate with the uniform distribution. Written in
 * backoff form (backoff(h) = T(h) / (c(h) + T(h))), so it exports to ARPA exactly.
 */
import type { TrainProgress } from '../corpus.js';
import type { Counts } from '../count.js';
import { estimateInterpolated } from '../estimate.js';
import type { Links } from '../links.js';
import type { BackoffData } from '../model-data.js';
import type { LmVocab } from '../vocab.js';

/** Trains Witten-Bell from raw counts. */
export function trainWittenBell(counts: Counts, links: Links, vocab: LmVocab, onProgress?: (p: TrainProgress) => void): BackoffData {
  const w = estimateInterpolated(counts.tables, links, counts.counts, { kind: 'wb' }, onProgress);
  return { kind: 'backoff', order: counts.order, vocab, tables: counts.tables, prob: w.prob, backoff: w.backoff };
}
