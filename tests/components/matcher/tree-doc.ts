import { Doc, type Vocab } from '../../../src/index.js';

/**
 * A Doc of `words` with a dependency tree, as spaCy's `Doc(vocab, words=, heads=, deps=)`: `heads`
 * are absolute token indexes (a root is its own head), `deps` the labels. Fills the `head` column
 * (relative offsets) and the `dep` column directly.
 */
export function treeDoc(vocab: Vocab, words: readonly string[], heads: readonly number[], deps?: readonly string[]): Doc {
  const doc = Doc.fromWords(words, { vocab });
  heads.forEach((h, i) => {
    doc.head[i] = h - i;
  });
  deps?.forEach((d, i) => {
    doc.dep[i] = vocab.strings.add(d);
  });
  return doc;
}
