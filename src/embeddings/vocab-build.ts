/**
 * Vocabulary stage of word2vec training: one streaming pass counts words, pruning rare ones when
 * a size cap is hit (word2vec.c's ReduceVocab / gensim's max_vocab_size), then sorts by
 * descending count and drops words under `minCount`. Contract: sentences in; word2vec.c's
 * vocabulary out: `</s>` first, then the words sorted by count (ties in first-seen order, as
 * glibc's stable qsort leaves them), with their counts.
 */
import { ArgumentError } from '../core/errors.js';
import type { CorpusSource } from './corpus.js';
import { WORD2VEC_DEFAULTS } from './options.js';

/** word2vec.c's end-of-sentence word: vocabulary index 0, counted once per sentence. */
export const EOS = '</s>';

/**
 * The vocabulary the trainer uses: index i is word `words[i]`, counted `counts[i]` times. Index 0
 * is always {@link EOS}, counted once per sentence plus once per literal `</s>` token (word2vec.c
 * reads every newline as that word); it is never trained as a word, but it takes part in the
 * noise distribution, the Huffman tree, the subsampling total and the learning-rate schedule.
 */
export interface TrainVocab {
  words: string[];
  counts: Float64Array;
  index: Map<string, number>;
  /** Sum of `counts`, `</s>` included: word2vec.c's `train_words` (words read per epoch). */
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
 * @example const v = await buildVocab(openCorpus([['a','b','a']]), { minCount: 1 }); v.words // ['</s>','a','b']
 */
export async function buildVocab(source: CorpusSource, opts: VocabOptions = {}): Promise<TrainVocab> {
  const minCount = opts.minCount ?? WORD2VEC_DEFAULTS.minCount;
  const cap = opts.maxVocabSize ?? WORD2VEC_DEFAULTS.maxVocabSize;
  const counts = new Map<string, number>();
  let minReduce = 1;
  let rawWords = 0;
  let sentences = 0;
  let eos = 0;
  for await (const sent of source.pass()) {
    sentences++;
    eos++;
    if (!Array.isArray(sent)) throw new ArgumentError(`corpus sentence ${sentences - 1} is ${typeof sent === 'string' ? "a string (pass the pipeline option to tokenize lines)" : typeof sent}, not an array of tokens`, { key: 'corpus' });
    for (let i = 0; i < sent.length; i++) {
      const w = sent[i]!;
      if (typeof w !== 'string') throw new ArgumentError(`corpus sentence ${sentences - 1}, token ${i} is ${w === null ? 'null' : typeof w}, not a string`, { key: 'corpus' });
      if (w.length === 0) continue;
      rawWords++;
      if (w === EOS) {
        eos++; // a literal </s> is word2vec.c's sentence end too
        continue;
      }
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
  if (entries.length === 0) return { words: [], counts: new Float64Array(0), index: new Map(), trainWords: 0, rawWords, sentences };
  entries.sort((a, b) => b[1] - a[1]); // stable: ties keep first-seen order
  entries.unshift([EOS, eos]); // kept first whatever its count, as SortVocab does
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
