/**
 * Intrinsic evaluations with gensim's definitions: analogy accuracy (evaluate_word_analogies,
 * 3CosAdd over the first `restrictVocab` words, top-5 scan skipping the question words) and
 * word-pair correlations (evaluate_word_pairs: Pearson, Spearman, OOV ratio).
 */
import { ArgumentError, FormatError } from '../core/errors.js';
import { readNumberedLines } from '../io/lines.js';
import type { TopK } from '../util/heap.js';
import { pearson, spearman } from './stats.js';
import { ANALOGY_DEFAULTS, ANALOGY_SCHEMA, checkOptions, PAIRS_DEFAULTS, PAIRS_SCHEMA } from './options.js';

/**
 * What the evaluations read of a `KeyedVectors` (declared here, so the class that offers
 * `evaluateWordAnalogies`/`evaluateWordPairs` as methods and this module do not import each other).
 */
export interface EvaluatedVectors {
  /** Number of words. */
  readonly size: number;
  /** Vector width. */
  readonly dim: number;
  /** The words, most frequent first. */
  readonly words: readonly string[];
  /** Row-wise unit-length copy of the vectors. */
  unitVectors(): Float32Array;
  /** The `k` rows of the first `nRows` with the largest dot product with the unit `query`, skipping `exclude`d rows. */
  searchUnit(query: Float32Array, k: number, nRows?: number, exclude?: Uint8Array): TopK;
}

/** Options of {@link evaluateWordAnalogies}. */
export interface AnalogyOptions {
  /** Only the first N words (most frequent) are used, for questions and answers an integer >= 0 (default 30000, word2vec.c's compute-accuracy and gensim's old `accuracy`). */
  restrictVocab?: number;
  /** Compare upper-cased words; the most frequent case variant stands for each (default true). */
  caseInsensitive?: boolean;
  /** Count questions with unknown words as incorrect instead of skipping them (default false). */
  dummy4unknown?: boolean;
}

/** Accuracy of one section (`Total accuracy` for all). */
export interface AnalogySection {
  section: string;
  correct: number;
  incorrect: number;
  /** correct / (correct + incorrect), NaN when no question was answered. */
  accuracy: number;
}

/** Result of {@link evaluateWordAnalogies}. */
export interface AnalogyResult {
  /** Total accuracy (0..1); 0 when no question could be answered (all OOV), as gensim. */
  accuracy: number;
  /** Per-section results, the last one being `Total accuracy`. */
  sections: AnalogySection[];
  /** Questions skipped for unknown words, in percent of all questions. */
  oovRatio: number;
  /** Questions read. */
  questions: number;
}

/** Options of {@link evaluateWordPairs}. */
export interface PairsOptions {
  /** Field separator, a non-empty string (default tab). */
  delimiter?: string;
  /** Only the first N words are known, an integer >= 0 (default 300000, gensim's). */
  restrictVocab?: number;
  /** Compare upper-cased words (default true). */
  caseInsensitive?: boolean;
  /** Score pairs with unknown words as 0 instead of skipping them (default false). */
  dummy4unknown?: boolean;
}

/** Result of {@link evaluateWordPairs}. */
export interface PairsResult {
  pearson: number;
  spearman: number;
  /** Pairs with unknown words, in percent. */
  oovRatio: number;
  /** Pairs scored. */
  pairs: number;
}

/** word -> row over the first `restrict` words; case-insensitive keeps the most frequent variant. */
function okVocab(kv: EvaluatedVectors, restrict: number, ci: boolean): Map<string, number> {
  const n = Math.min(kv.size, restrict);
  const m = new Map<string, number>();
  for (let i = n - 1; i >= 0; i--) m.set(ci ? kv.words[i]!.toUpperCase() : kv.words[i]!, i);
  return m;
}

function section(name: string, correct: number, incorrect: number): AnalogySection {
  return { section: name, correct, incorrect, accuracy: correct / (correct + incorrect) };
}

/**
 * Analogy accuracy on a file in the questions-words format (`: section` headers, then
 * `a b c expected` lines): for each question with all four words known, the answer is the first
 * of the 5 nearest words to b - a + c (unit vectors, 3CosAdd) that is not a question word.
 * @example const r = await kv.evaluateWordAnalogies('questions-words.txt'); r.accuracy
 */
export async function evaluateWordAnalogies(kv: EvaluatedVectors, file: string, opts: AnalogyOptions = {}): Promise<AnalogyResult> {
  checkOptions(ANALOGY_SCHEMA, opts, 'evaluateWordAnalogies');
  const restrict = opts.restrictVocab ?? ANALOGY_DEFAULTS.restrictVocab;
  const ci = opts.caseInsensitive ?? ANALOGY_DEFAULTS.caseInsensitive;
  const ok = okVocab(kv, restrict, ci);
  const n = Math.min(kv.size, restrict);
  const d = kv.dim;
  const u = kv.unitVectors();
  const q = new Float32Array(d);
  const exclude = new Uint8Array(kv.size);
  const sections: AnalogySection[] = [];
  let cur: { name: string; correct: number; incorrect: number } | undefined;
  let oov = 0;
  let questions = 0;
  for await (const [line, lineNo] of readNumberedLines(file)) {
    if (line.startsWith(': ')) {
      if (cur) sections.push(section(cur.name, cur.correct, cur.incorrect));
      cur = { name: line.slice(2).trim(), correct: 0, incorrect: 0 };
      continue;
    }
    if (!cur) throw new FormatError('missing section header (": name") before the first question', { file, line: lineNo });
    const parts = line.trim().split(/\s+/);
    if (parts.length !== 4 || parts[0] === '') continue; // gensim skips invalid lines
    const [a, b, c, expected] = ci ? parts.map((w) => w.toUpperCase()) : parts;
    questions++;
    const ia = ok.get(a!);
    const ib = ok.get(b!);
    const ic = ok.get(c!);
    if (ia === undefined || ib === undefined || ic === undefined || !ok.has(expected!)) {
      oov++;
      if (opts.dummy4unknown) cur.incorrect++;
      continue;
    }
    let s = 0;
    for (let k = 0; k < d; k++) {
      const x = u[ib * d + k]! + u[ic * d + k]! - u[ia * d + k]!;
      q[k] = x;
      s += x * x;
    }
    const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
    for (let k = 0; k < d; k++) q[k] = q[k]! * inv;
    exclude[ia] = 1;
    exclude[ib] = 1;
    exclude[ic] = 1;
    const best = kv.searchUnit(q, 5, n, exclude).sorted();
    exclude[ia] = 0;
    exclude[ib] = 0;
    exclude[ic] = 0;
    let predicted: string | undefined;
    for (const e of best) {
      predicted = ci ? kv.words[e.id]!.toUpperCase() : kv.words[e.id]!;
      if (ok.has(predicted) && predicted !== a && predicted !== b && predicted !== c) break;
    }
    if (predicted === expected) cur.correct++;
    else cur.incorrect++;
  }
  if (cur) sections.push(section(cur.name, cur.correct, cur.incorrect));
  let correct = 0;
  let incorrect = 0;
  for (const sct of sections) {
    correct += sct.correct;
    incorrect += sct.incorrect;
  }
  const total = section('Total accuracy', correct, incorrect);
  sections.push(total);
  // gensim's evaluate_word_analogies returns 0.0, not NaN, when no question could be answered.
  const accuracy = correct + incorrect > 0 ? total.accuracy : 0;
  return { accuracy, sections, oovRatio: questions ? (oov / questions) * 100 : 0, questions };
}

/**
 * Correlation with human judgements from a `word1<TAB>word2<TAB>score` file (`#` lines skipped,
 * CRLF accepted, malformed lines skipped as gensim does).
 * @example const { spearman, oovRatio } = await kv.evaluateWordPairs('EN-WS-353-ALL.txt')
 */
export async function evaluateWordPairs(kv: EvaluatedVectors, file: string, opts: PairsOptions = {}): Promise<PairsResult> {
  checkOptions(PAIRS_SCHEMA, opts, 'evaluateWordPairs');
  if (opts.delimiter === '') {
    throw new ArgumentError(`delimiter must be a non-empty string, got ${JSON.stringify(opts.delimiter)}`, { key: 'delimiter' });
  }
  const delim = opts.delimiter ?? PAIRS_DEFAULTS.delimiter;
  const ci = opts.caseInsensitive ?? PAIRS_DEFAULTS.caseInsensitive;
  const ok = okVocab(kv, opts.restrictVocab ?? PAIRS_DEFAULTS.restrictVocab, ci);
  const gold: number[] = [];
  const model: number[] = [];
  let oov = 0;
  const u = kv.unitVectors();
  const d = kv.dim;
  for await (const [line] of readNumberedLines(file)) {
    if (line === '' || line.startsWith('#')) continue;
    const parts = line.split(delim);
    if (parts.length !== 3) continue;
    const sim = Number(parts[2]!.trim());
    if (parts[2]!.trim() === '' || !Number.isFinite(sim)) continue;
    const a = ci ? parts[0]!.toUpperCase() : parts[0]!;
    const b = ci ? parts[1]!.toUpperCase() : parts[1]!;
    const ia = ok.get(a);
    const ib = ok.get(b);
    if (ia === undefined || ib === undefined) {
      oov++;
      if (opts.dummy4unknown) {
        gold.push(sim);
        model.push(0);
      }
      continue;
    }
    let s = 0;
    for (let k = 0; k < d; k++) s += u[ia * d + k]! * u[ib * d + k]!;
    gold.push(sim);
    model.push(s);
  }
  if (gold.length === 0) throw new ArgumentError(`no valid word pairs with known words in ${file}`, { file });
  const oovRatio = opts.dummy4unknown ? (oov / gold.length) * 100 : (oov / (gold.length + oov)) * 100;
  return { pearson: pearson(gold, model), spearman: spearman(gold, model), oovRatio, pairs: gold.length };
}
