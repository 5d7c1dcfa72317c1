/**
 * Vocabulary stage of word2vec training: one streaming pass counts words, pruning rare ones when
 * a size cap is hit (word2vec.c's ReduceVocab / gensim's max_vocab_size), then sorts by
 * descending count and drops words under `minCount`. Contract: sentences in; words sorted by
 * count (ties in first-seen order) with their counts out.
 */
import type { CorpusSource } from './corpus.js';

/** The vocabulary the trainer uses: index i is word `words[i]`, counted `counts[i]` times. */
export interface TrainVocab {
  words: string[];
  counts: Float64Array;
  index: Map<string, number>;
  /** Sum of `counts` (the in-vocabulary words of one epoch). */
  trainWords: number;
  /** Tokens read in the scan, in vocabulary or not. */
  rawWords: number;
  /** Sentences read in the scan. */
  sentences: number;
}

/** Options of {@link buildVocab}. */
export interface VocabOptions {
  /** Drop words seen fewer times (default 5). */
  minCount?: number;
  /** Cap on distinct words held while counting; 0 = none (default 0). */
  maxVocabSize?: number;
}

/**
 * Counts the corpus and builds the sorted vocabulary.
 * @example const v = await buildVocab(openCorpus([['a','b','a']]), { minCount: 1 }); v.words // ['a','b']
 */
export async function buildVocab(source: CorpusSource, opts: VocabOptions = {}): Promise<TrainVocab> {
  const minCount = opts.minCount ?? 5;
  const cap = opts.maxVocabSize ?? 0;
  const counts = new Map<string, number>();
  let minReduce = 1;
  let rawWords = 0;
  let sentences = 0;
  for await (const sent of source.pass()) {
    sentences++;
    for (let i = 0; i < sent.length; i++) {
      const w = sent[i]!;
      if (w.length === 0) continue;
      rawWords++;
      counts.set(w, (counts.get(w) ?? 0) + 1);
    }
    if (cap > 0 && counts.size > cap) {
      // Like word2vec.c's ReduceVocab: drop everything at or below the current threshold, then raise it.
      for (const [w, c] of counts) if (c <= minReduce) counts.delete(w);
      minReduce++;
    }
  }
  const entries: [string, number][] = [];
  for (const e of counts) if (e[1] >= minCount) entries.push(e);
  entries.sort((a, b) => b[1] - a[1]); // stable: ties keep first-seen order
  const words = entries.map((e) => e[0]);
  const cnt = new Float64Array(entries.length);
  let trainWords = 0;
  const index = new Map<string, number>();
  for (let i = 0; i < entries.length; i++) {
    cnt[i] = entries[i]![1];
    trainWords += cnt[i]!;
    index.set(words[i]!, i);
  }
  return { words, counts: cnt, index, trainWords, rawWords, sentences };
}
