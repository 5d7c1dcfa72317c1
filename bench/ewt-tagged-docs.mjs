// EWT test as the parser benches use it: gold words and sentences, XPOS tags predicted by
// textloom's tagger, and Docs built once from them (every word a sentence start or not).
import { readFileSync } from 'node:fs';
import { Doc, parseConllu, Tagger } from '../dist/index.js';
import { requireEval } from './eval-dir.mjs';

/** The test sentences and their predicted XPOS tags. */
export function ewtTestTagged() {
  const file = requireEval('ud_english_ewt/en_ewt-ud-test.conllu');
  const test = parseConllu(readFileSync(file, 'utf8'), file);
  const tagger = Tagger.load();
  const tags = test.map((s) => tagger.tagWords(s.words.map((w) => w.form)).map((t) => t.xpos));
  return { test, tags };
}

/** Docs over `nlp.vocab` with the gold words, sentence starts and the given tags. */
export function taggedDocs(nlp, test, tags) {
  return test.map((s, i) => {
    const doc = Doc.fromWords(s.words.map((w) => w.form), { vocab: nlp.vocab });
    tags[i].forEach((t, j) => {
      doc.tag[j] = nlp.vocab.strings.add(t);
      doc.sentStart[j] = j === 0 ? 1 : -1;
    });
    return doc;
  });
}
