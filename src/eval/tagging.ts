/**
 * Pure tagging metrics: accuracy over gold tokens, and accuracy after aligning a predicted
 * tokenization to the gold words by character offsets.
 */
import { ArgumentError } from '../core/errors.js';

/** A tagged item; `start`/`end` are character offsets (only needed for aligned scoring). */
export interface TaggedSpan {
  start: number;
  end: number;
  upos: string;
  xpos: string;
}

/** UPOS/XPOS accuracy. */
export interface TaggingScore {
  uposAccuracy: number;
  xposAccuracy: number;
  /** Gold words scored. */
  tokens: number;
}

/**
 * Accuracy over parallel gold and predicted tags (same tokenization).
 * @example tagAccuracy([{upos:'NOUN',xpos:'NN'}], [{upos:'NOUN',xpos:'NNS'}]) // { uposAccuracy: 1, xposAccuracy: 0, tokens: 1 }
 */
export function tagAccuracy(gold: readonly { upos: string; xpos: string }[], pred: readonly { upos: string; xpos: string }[]): TaggingScore {
  if (gold.length !== pred.length) throw new RangeError(`gold has ${gold.length} items, prediction ${pred.length}`);
  let u = 0;
  let x = 0;
  for (let i = 0; i < gold.length; i++) {
    if (gold[i]!.upos === pred[i]!.upos) u++;
    if (gold[i]!.xpos === pred[i]!.xpos) x++;
  }
  const n = gold.length;
  return { uposAccuracy: n ? u / n : 0, xposAccuracy: n ? x / n : 0, tokens: n };
}

/** Raw counts behind {@link alignedAccuracy}, so several sentences can be summed. */
export interface AlignedCounts {
  gold: number;
  uposCorrect: number;
  xposCorrect: number;
}

/**
 * Counts, over gold words, those matched by a predicted token with exactly the same character
 * span and the same tag (CoNLL 2018 style alignment for tagging). Gold words without a span
 * (start < 0) count as misses. Both lists must be sorted by start.
 */
export function alignedCounts(gold: readonly TaggedSpan[], pred: readonly TaggedSpan[]): AlignedCounts {
  let u = 0;
  let x = 0;
  let j = 0;
  for (const g of gold) {
    if (g.start < 0) continue;
    while (j < pred.length && pred[j]!.start < g.start) j++;
    const p = pred[j];
    if (p && p.start === g.start && p.end === g.end) {
      if (p.upos === g.upos) u++;
      if (p.xpos === g.xpos) x++;
    }
  }
  return { gold: gold.length, uposCorrect: u, xposCorrect: x };
}

/**
 * Aligned accuracy of one predicted tokenization against the gold words.
 * @example alignedAccuracy([{start:0,end:2,upos:'PRON',xpos:'PRP'}], [{start:0,end:2,upos:'PRON',xpos:'PRP'}]).uposAccuracy // 1
 */
export function alignedAccuracy(gold: readonly TaggedSpan[], pred: readonly TaggedSpan[]): TaggingScore {
  const c = alignedCounts(gold, pred);
  return { uposAccuracy: c.gold ? c.uposCorrect / c.gold : 0, xposAccuracy: c.gold ? c.xposCorrect / c.gold : 0, tokens: c.gold };
}

/** A gold sentence as the CoNLL-U reader gives it (only the fields used here). */
export interface GoldConlluSentence {
  words: readonly { id: number; form: string; upos: string; xpos: string; misc: string }[];
  multiwords: readonly { first: number; last: number; form: string; misc: string }[];
}

function noSpace(misc: string): boolean {
  return misc.split('|').includes('SpaceAfter=No');
}

/**
 * Rebuilds a sentence's text from its surface tokens and SpaceAfter, with each gold word's
 * character span. Words of a multiword token get spans only when their forms concatenate to the
 * token (`do`+`n't` in `don't`); otherwise start = end = -1.
 */
export function goldWordSpans(s: GoldConlluSentence): { text: string; words: TaggedSpan[] } {
  let text = '';
  const words: TaggedSpan[] = [];
  let m = 0;
  for (let w = 0; w < s.words.length; w++) {
    const word = s.words[w]!;
    while (m < s.multiwords.length && s.multiwords[m]!.last < word.id) m++;
    const mw = s.multiwords[m];
    if (mw && mw.first === word.id) {
      const parts = s.words.slice(w, w + mw.last - mw.first + 1);
      const start = text.length;
      const fits = parts.map((p) => p.form).join('') === mw.form;
      let off = start;
      for (const p of parts) {
        words.push({ start: fits ? off : -1, end: fits ? off + p.form.length : -1, upos: p.upos, xpos: p.xpos });
        off += p.form.length;
      }
      text += mw.form;
      if (!noSpace(mw.misc)) text += ' ';
      w += parts.length - 1;
      m++;
    } else {
      words.push({ start: text.length, end: text.length + word.form.length, upos: word.upos, xpos: word.xpos });
      text += word.form;
      if (!noSpace(word.misc)) text += ' ';
    }
  }
  return { text: text.trimEnd(), words };
}

/** Anything that tags a Doc-like object: returns parallel arrays for its tokens. */
export interface TokenTagger {
  /** Tags gold words (gold tokenization). */
  tagWords(words: readonly string[], spaces: readonly boolean[]): { upos: string[]; xpos: string[] };
  /** Tokenizes and tags raw text; spans are character offsets. */
  tagText(text: string): TaggedSpan[];
}

/** Result of {@link evaluateTagging} (the `textloom eval tagger --json` shape). */
export interface TaggingEvaluation extends TaggingScore {
  sentences: number;
  tokensPerSecond: number;
}

/**
 * Scores a tagger on gold sentences: with `goldTokens` on the gold words, otherwise on its own
 * tokenization of the rebuilt text, aligned by character offsets. Throughput counts tagger time
 * only (the gold words or text are prepared outside the clock). No gold words at all is an
 * ArgumentError (an accuracy over nothing is undefined, and 0 would read as a broken tagger).
 */
export function evaluateTagging(tagger: TokenTagger, sentences: readonly GoldConlluSentence[], options: { goldTokens?: boolean } = {}): TaggingEvaluation {
  let gold = 0;
  let u = 0;
  let x = 0;
  let processed = 0;
  let ms = 0;
  for (const s of sentences) {
    if (options.goldTokens) {
      const forms = s.words.map((w) => w.form);
      const spaces = s.words.map((w) => !noSpace(w.misc));
      const t0 = performance.now();
      const pred = tagger.tagWords(forms, spaces);
      ms += performance.now() - t0;
      processed += forms.length;
      s.words.forEach((w, i) => {
        if (pred.upos[i] === w.upos) u++;
        if (pred.xpos[i] === w.xpos) x++;
      });
      gold += forms.length;
    } else {
      const { text, words } = goldWordSpans(s);
      const t0 = performance.now();
      const pred = tagger.tagText(text);
      ms += performance.now() - t0;
      processed += pred.length;
      const c = alignedCounts(words, pred);
      gold += c.gold;
      u += c.uposCorrect;
      x += c.xposCorrect;
    }
  }
  if (gold === 0) throw new ArgumentError(`evaluateTagging() got no gold words (${sentences.length} sentences)`);
  return {
    uposAccuracy: u / gold,
    xposAccuracy: x / gold,
    tokens: gold,
    sentences: sentences.length,
    tokensPerSecond: ms > 0 ? Math.round(processed / (ms / 1000)) : 0,
  };
}
