/**
 * Scan stage of word2vec training (gensim's `scan_vocab`): one streaming pass counts every word,
 * pruning rare ones whenever more than `maxVocabSize` distinct words are held (word2vec.c's
 * ReduceVocab, gensim's `max_vocab_size`).
 *
 * Contract: sentences in (arrays of string tokens); raw counts out, in first-seen order, with the
 * number of sentence ends (`</s>`) counted apart. No sorting and no `minCount` yet: that is the
 * prepare stage (`prepare.ts`).
 */
import { ArgumentError } from '../../core/errors.js';
import type { CorpusSource } from '../corpus.js';
import { WORD2VEC_DEFAULTS } from '../options.js';

/** word2vec.c's end-of-sentence word: vocabulary index 0, counted once per sentence. */
export const EOS = '</s>';

/** Options of {@link scanVocab}. */
export interface ScanOptions {
  /** Cap on distinct words held while counting; 0 = none (default 0). */
  maxVocabSize?: number;
}

/** What the scan counted. */
export interface ScanResult {
  /** Count of each word other than `</s>`, in first-seen order (pruned words are gone). */
  counts: Map<string, number>;
  /** `</s>` count: one per sentence plus one per literal `</s>` token. */
  eos: number;
  /** Tokens read (empty strings excepted), literal `</s>` included. */
  rawWords: number;
  /** Sentences read. */
  sentences: number;
}

/**
 * Counts the words of one pass over `source`. Throws an ArgumentError naming the sentence (and
 * token) when the corpus yields something other than arrays of strings.
 * @example const s = await scanVocab(openCorpus([['a', 'b', 'a']])); s.counts.get('a') // 2
 */
export async function scanVocab(source: CorpusSource, opts: ScanOptions = {}): Promise<ScanResult> {
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
  return { counts, eos, rawWords, sentences };
}
