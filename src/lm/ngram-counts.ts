/**
 * {@link NgramCounts}: the n-gram counts of one shard of a corpus, saved to a file, so a corpus split
 * across processes or machines is counted in pieces and estimated once (`NgramLM.fromCounts`).
 */
import { ArgumentError } from '../core/errors.js';
import { readCorpus, type SentenceSource, type TrainProgress } from './corpus.js';
import { countFullNgrams } from './count.js';
import { loadCounts, saveCounts, type ShardCountData } from './counts-file.js';
import { LM_DEFAULTS, MAX_ORDER } from './options.js';

/** Options of {@link NgramCounts.count}. */
export interface CountOptions {
  /** N-gram order, 1..16 (default 3); every shard of a corpus must use the same. */
  order?: number;
  /** Called with progress reports (stage, done, total). */
  onProgress?: (p: TrainProgress) => void;
}

/**
 * Raw n-gram counts of a shard (no pruning, no smoothing: those need the whole corpus and happen
 * when shards are merged).
 * @example
 * const a = await NgramCounts.count(['the cat sat'], { order: 3 });
 * const b = await NgramCounts.count(['the dog sat'], { order: 3 });
 * a.save('part-0.tlc');
 * const lm = NgramLM.fromCounts([NgramCounts.load('part-0.tlc'), b], { discountFallback: [0.5, 1, 1.5] });
 * // lm equals NgramLM.train(['the cat sat', 'the dog sat'], { order: 3, discountFallback: [0.5, 1, 1.5] })
 */
export class NgramCounts {
  /** @internal use count or load. */
  constructor(readonly data: ShardCountData) {}

  /** Counts sentences (as `NgramLM.train` reads them: token arrays, or strings split on whitespace). */
  static async count(sentences: SentenceSource, options: CountOptions = {}): Promise<NgramCounts> {
    const order = options.order ?? LM_DEFAULTS.order;
    if (!Number.isInteger(order) || order < 1 || order > MAX_ORDER) throw new ArgumentError(`order must be an integer in 1..${MAX_ORDER}, got ${order}`, { key: 'order' });
    const corpus = await readCorpus(sentences, { onProgress: options.onProgress });
    const { tables, counts } = countFullNgrams(corpus, order, options.onProgress);
    const keys = tables.map((t) => t.keys.slice(0, t.size * t.order));
    return new NgramCounts({
      order,
      sentences: corpus.sentences,
      tokens: corpus.tokens,
      words: corpus.vocab.words,
      keys,
      counts: counts.map((c, i) => c.slice(0, tables[i]!.size)),
    });
  }

  /** Reads a counts file written by {@link NgramCounts.save} (framing, CRC and ids checked). */
  static load(path: string): NgramCounts {
    return new NgramCounts(loadCounts(path));
  }

  /** Writes the counts atomically (textloom's binary framing, kind `NGCT`). */
  save(path: string): void {
    saveCounts(path, this.data);
  }

  /** The n-gram order. */
  get order(): number {
    return this.data.order;
  }

  /** Number of sentences counted. */
  get sentences(): number {
    return this.data.sentences;
  }

  /** Number of tokens counted (without `<s>` and `</s>`). */
  get tokens(): number {
    return this.data.tokens;
  }

  /** Number of distinct words, `<unk>`, `<s>` and `</s>` included. */
  get vocabSize(): number {
    return this.data.words.length;
  }
}
