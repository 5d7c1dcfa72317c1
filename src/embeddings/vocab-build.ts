/**
 * The trainer's vocabulary: word2vec.c's SortVocab over the counts of a scan (`train/scan.ts`):
 * words under `minCount` dropped, the rest sorted by descending count (ties in first-seen order,
 * as glibc's stable qsort leaves them), `</s>` first. Contract: a {@link ScanResult} in; a
 * {@link TrainVocab} out. {@link buildVocab} runs the scan and this sort in one call.
 */
import type { CorpusSource } from './corpus.js';
import { WORD2VEC_DEFAULTS } from './options.js';
import { EOS, scanVocab, type ScanResult } from './train/scan.js';

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
 * Sorts scanned counts into the training vocabulary, dropping words seen fewer than `minCount`
 * times. When no word is left the vocabulary is empty (not even `</s>`).
 * @example sortVocab({ counts: new Map([['b', 1], ['a', 2]]), eos: 1, rawWords: 3, sentences: 1 }, 1).words // ['</s>', 'a', 'b']
 */
export function sortVocab(scan: ScanResult, minCount: number): TrainVocab {
  const { rawWords, sentences } = scan;
  const entries: [string, number][] = [];
  for (const e of scan.counts) if (e[1] >= minCount) entries.push(e);
  if (entries.length === 0) return { words: [], counts: new Float64Array(0), index: new Map(), trainWords: 0, rawWords, sentences };
  entries.sort((a, b) => b[1] - a[1]); // stable: ties keep first-seen order
  entries.unshift([EOS, scan.eos]); // kept first whatever its count, as SortVocab does
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

/**
 * Counts the corpus ({@link scanVocab}) and builds the sorted vocabulary ({@link sortVocab}).
 * @example const v = await buildVocab(openCorpus([['a','b','a']]), { minCount: 1 }); v.words // ['</s>','a','b']
 */
export async function buildVocab(source: CorpusSource, opts: VocabOptions = {}): Promise<TrainVocab> {
  return sortVocab(await scanVocab(source, { maxVocabSize: opts.maxVocabSize ?? WORD2VEC_DEFAULTS.maxVocabSize }), opts.minCount ?? WORD2VEC_DEFAULTS.minCount);
}
