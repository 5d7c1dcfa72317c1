/**
 * The trainer's own quick score: UAS and LAS of a model on gold words and sentences (every word
 * counts, punctuation included; LAS compares the full label, e.g. `nsubj:pass`). The CoNLL 2018
 * scores with word alignment live in `src/eval`.
 */
import type { ParserModel } from './model.js';

/**
 * The trainer's quick attachment scores over a set of gold words (the CoNLL 2018 rows with word
 * alignment are `AttachmentScore`, from `evaluateParser`).
 */
export interface ParserScore {
  /** Share of words with the gold head. */
  uas: number;
  /** Share of words with the gold head and the gold label. */
  las: number;
  words: number;
}

/** A gold sentence for scoring: words with form, head (0 = root) and label. */
export interface ScoredSentence {
  words: readonly { form: string; head: number; deprel: string }[];
}

/**
 * UAS/LAS of `model` on `sentences`, parsing each with `tags[i]` (XPOS per word, e.g. predicted
 * by a tagger).
 * @example scoreParser(model, devSentences, devTags) // → { uas: 0.87, las: 0.84, words: 25148 }
 */
export function scoreParser(model: ParserModel, sentences: readonly ScoredSentence[], tags: readonly (readonly string[])[]): ParserScore {
  let words = 0;
  let uas = 0;
  let las = 0;
  sentences.forEach((s, si) => {
    const forms = s.words.map((w) => w.form);
    const parse = model.parseWords(forms, tags[si]!);
    s.words.forEach((w, i) => {
      words++;
      if (parse.heads[i] === w.head) {
        uas++;
        if (parse.labels[i] === w.deprel) las++;
      }
    });
  });
  return { uas: words ? uas / words : 0, las: words ? las / words : 0, words };
}
