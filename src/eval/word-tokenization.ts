/**
 * Word-level tokenizer scoring as the CoNLL 2018 UD scorer does it (built on `align.ts`): the
 * system's words (multiword tokens split into their words) are aligned with the gold words of each
 * sentence's `# text`, so `del` -> `de el` counts two correct words when gold has the same split.
 * Reports the scorer's Tokens and Words rows, summed over sentences.
 */
import type { ConlluSentence } from '../io/conllu.js';
import { surfaceTokens } from '../io/conllu.js';
import { alignCounts, alignWords, type AlignCounts, type AlignSide, type AlignWord, type CharSpan } from './align.js';

/** What {@link evaluateWordTokenization} needs of a tokenized Doc (structural, keeps eval free of core). */
export interface WordSource {
  readonly length: number;
  readonly text: string;
  idx: ArrayLike<number>;
  endChar(i: number): number;
  tokenText(i: number): string;
  /** Per word, non-zero for words inside one multiword token (the same value across its words); null when none. */
  readonly mwt: ArrayLike<number> | null;
}

/** Result of {@link evaluateWordTokenization}: the UD scorer's Tokens and Words rows. */
export interface WordTokenizationScore {
  /** Surface tokens with equal character spans. */
  tokens: AlignCounts;
  /** Aligned words (the figure the UD shared task reports as Words). */
  words: AlignCounts;
  /** Sentences scored (those with a `# text`). */
  sentences: number;
}

function isBlank(s: string): boolean {
  return s.trim() === '';
}

/** The gold side of one sentence, located in `text` (forms not found in it are skipped). */
export function goldSide(text: string, sentence: ConlluSentence): AlignSide {
  const words: AlignWord[] = [];
  const multiwords: CharSpan[] = [];
  let cur = 0;
  for (const tok of surfaceTokens(sentence)) {
    const at = text.startsWith(tok.form, cur) ? cur : text.indexOf(tok.form, cur);
    if (at < 0) continue;
    const end = at + tok.form.length;
    if (tok.last > tok.first) {
      multiwords.push({ start: at, end });
      for (let w = tok.first; w <= tok.last; w++) words.push({ start: at, end, form: sentence.words[w - 1]!.form, mwt: multiwords.length - 1 });
    } else words.push({ start: at, end, form: tok.form, mwt: -1 });
    cur = end;
  }
  return { words, multiwords };
}

/** The system side of a tokenized Doc (whitespace tokens left out). */
export function systemSide(doc: WordSource): AlignSide {
  const words: AlignWord[] = [];
  const multiwords: CharSpan[] = [];
  const m = doc.mwt;
  let prevMwt = 0;
  let prevStart = -1;
  for (let i = 0; i < doc.length; i++) {
    const form = doc.tokenText(i);
    if (isBlank(form)) continue;
    const start = doc.idx[i]!;
    const end = doc.endChar(i);
    const k = m === null ? 0 : m[i]!;
    if (k === 0) {
      words.push({ start, end, form, mwt: -1 });
      prevMwt = 0;
      continue;
    }
    if (k !== prevMwt || start !== prevStart) multiwords.push({ start, end });
    words.push({ start, end, form, mwt: multiwords.length - 1 });
    prevMwt = k;
    prevStart = start;
  }
  return { words, multiwords };
}

/**
 * Scores a tokenizer on CoNLL-U sentences at the word level (CoNLL 2018 alignment): each
 * sentence's `# text` is tokenized by `tokenize` and its words aligned with the gold words.
 * @example await evaluateWordTokenization(readConllu('de_gsd-ud-test.conllu'), (t) => nlp.makeDoc(t))
 */
export async function evaluateWordTokenization(
  sentences: Iterable<ConlluSentence> | AsyncIterable<ConlluSentence>,
  tokenize: (text: string) => WordSource,
): Promise<WordTokenizationScore> {
  let tg = 0, ts = 0, tc = 0, wg = 0, ws = 0, wc = 0, n = 0;
  for await (const s of sentences as AsyncIterable<ConlluSentence>) {
    const text = s.meta.text;
    if (text === undefined) continue;
    const a = alignWords(goldSide(text, s), systemSide(tokenize(text)));
    tg += a.tokens.gold;
    ts += a.tokens.system;
    tc += a.tokens.correct;
    wg += a.words.gold;
    ws += a.words.system;
    wc += a.words.correct;
    n++;
  }
  return { tokens: alignCounts(tg, ts, tc), words: alignCounts(wg, ws, wc), sentences: n };
}
