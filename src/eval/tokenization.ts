/**
 * Tokenization scoring (pure): predicted tokens and gold words are compared as character spans
 * of the same text; a token counts as correct when a gold word has exactly its start and end.
 * Gold words come from CoNLL-U (multiword tokens split into their words where the words
 * concatenate to the surface form, else kept as one unit).
 */
import type { ConlluSentence } from '../io/conllu.js';
import { surfaceTokens } from '../io/conllu.js';

/** Counts behind precision/recall/F1. */
export interface SpanCounts {
  /** Predicted spans that match a gold span exactly. */
  correct: number;
  /** Number of predicted (non-whitespace) tokens. */
  predicted: number;
  /** Number of gold words. */
  gold: number;
}

/** Precision, recall and F1 of a {@link SpanCounts} (0 when undefined). */
export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

/** Computes P/R/F1 from counts. */
export function prf(c: SpanCounts): PRF {
  const precision = c.predicted ? c.correct / c.predicted : 0;
  const recall = c.gold ? c.correct / c.gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/**
 * Gold word spans of a sentence inside `text` (its `# text`), as flat [start, end, ...] pairs.
 * Surface forms are located left to right; a multiword token whose words concatenate to its form
 * gives one span per word, otherwise one span for the whole token. A form that cannot be found
 * in the text gives the span [-1, -1] (it still counts as a gold word).
 * @example goldSpans('I don\'t.', sentence) // [0,1, 2,4, 4,7, 7,8]
 */
export function goldSpans(text: string, sentence: ConlluSentence): number[] {
  const out: number[] = [];
  let cur = 0;
  const words = sentence.words;
  for (const tok of surfaceTokens(sentence)) {
    let at = text.startsWith(tok.form, cur) ? cur : text.indexOf(tok.form, cur);
    const n = tok.last - tok.first + 1;
    if (at < 0) {
      for (let k = 0; k < n; k++) out.push(-1, -1);
      continue;
    }
    const end = at + tok.form.length;
    if (n > 1) {
      let joined = '';
      for (let w = tok.first; w <= tok.last; w++) joined += words[w - 1]!.form;
      if (joined === tok.form) {
        for (let w = tok.first; w <= tok.last; w++) {
          const len = words[w - 1]!.form.length;
          out.push(at, at + len);
          at += len;
        }
      } else out.push(at, end);
    } else out.push(at, end);
    cur = end;
  }
  return out;
}

/**
 * Aligns token strings to `text` left to right (for tokenizers that return strings only).
 * Tokens not found verbatim get [-1, -1] and so never count as correct.
 */
export function alignTokens(text: string, tokens: readonly string[]): number[] {
  const out: number[] = [];
  let cur = 0;
  for (const t of tokens) {
    const at = text.startsWith(t, cur) ? cur : text.indexOf(t, cur);
    if (at < 0 || t.length === 0) out.push(-1, -1);
    else {
      out.push(at, at + t.length);
      cur = at + t.length;
    }
  }
  return out;
}

/** Counts exact span matches between two flat span lists (each in text order). */
export function matchSpans(predicted: ArrayLike<number>, gold: ArrayLike<number>): SpanCounts {
  const goldSet = new Set<number>();
  // Spans are unique per side; key start*2^21+end is exact for texts below 2M chars per sentence.
  const key = (s: number, e: number) => s * 2097152 + e;
  for (let i = 0; i < gold.length; i += 2) if (gold[i]! >= 0) goldSet.add(key(gold[i]!, gold[i + 1]!));
  let correct = 0;
  for (let i = 0; i < predicted.length; i += 2) if (predicted[i]! >= 0 && goldSet.delete(key(predicted[i]!, predicted[i + 1]!))) correct++;
  return { correct, predicted: predicted.length / 2, gold: gold.length / 2 };
}

/** Result of {@link evaluateTokenization}. */
export interface TokenizationScore extends PRF, SpanCounts {
  sentences: number;
}

/**
 * Scores a tokenizer on CoNLL-U sentences: each sentence's `# text` is tokenized by `spans`
 * (returning flat [start, end, ...] pairs of non-whitespace tokens) and compared with its words.
 * Sentences without `# text` are skipped.
 * @example await evaluateTokenization(readConllu('en_ewt-ud-test.conllu'), (t) => docTokenSpans(tok.tokenize(t)))
 */
export async function evaluateTokenization(
  sentences: Iterable<ConlluSentence> | AsyncIterable<ConlluSentence>,
  spans: (text: string) => ArrayLike<number>,
): Promise<TokenizationScore> {
  const total: SpanCounts = { correct: 0, predicted: 0, gold: 0 };
  let n = 0;
  for await (const s of sentences as AsyncIterable<ConlluSentence>) {
    const text = s.meta.text;
    if (text === undefined) continue;
    const c = matchSpans(spans(text), goldSpans(text, s));
    total.correct += c.correct;
    total.predicted += c.predicted;
    total.gold += c.gold;
    n++;
  }
  return { ...prf(total), ...total, sentences: n };
}

/** Structural view of a Doc sufficient for {@link docTokenSpans} (keeps eval free of core imports). */
export interface SpanSource {
  readonly length: number;
  readonly text: string;
  idx: ArrayLike<number>;
  endChar(i: number): number;
}

/** Flat [start, end, ...] spans of a Doc's tokens, whitespace tokens left out. */
export function docTokenSpans(doc: SpanSource): number[] {
  const out: number[] = [];
  const text = doc.text;
  for (let i = 0; i < doc.length; i++) {
    const s = doc.idx[i]!;
    const e = doc.endChar(i);
    let ws = true;
    for (let j = s; j < e && ws; j++) {
      const c = text.charCodeAt(j);
      ws = c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x85 || c === 0x2028 || c === 0x2029 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a) || c === 0x1680 || c === 0x202f || c === 0x205f || (c >= 0x1c && c <= 0x1f);
    }
    if (!ws) out.push(s, e);
  }
  return out;
}
