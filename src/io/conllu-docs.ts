import { Doc } from '../core/doc.js';
import { ArgumentError, FormatError } from '../core/errors.js';
import type { Vocab } from '../core/vocab.js';
import { hasNoSpaceAfter } from './conllu.js';
import type { ConlluSentence } from './conllu.js';

/** A raw document rebuilt from CoNLL-U sentences, with the gold sentence spans in char offsets. */
export interface GoldDocument {
  text: string;
  /** [startChar, endChar) of each gold sentence. */
  sents: [number, number][];
}

/**
 * Groups CoNLL-U sentences into documents (`# newdoc`) and joins their `# text` lines: sentences
 * by one space, and with `paragraphs` paragraphs (`# newpar`) by a blank line. This is the raw
 * text a sentence splitter sees in `textloom eval senter`.
 */
export function goldDocuments(sentences: Iterable<ConlluSentence>, options: { paragraphs?: boolean } = {}): GoldDocument[] {
  const docs: GoldDocument[] = [];
  let cur: GoldDocument | null = null;
  for (const s of sentences) {
    const text = s.meta.text ?? s.words.map((w) => w.form).join(' ');
    const newDoc = 'newdoc' in s.meta || Object.keys(s.meta).some((k) => k.startsWith('newdoc'));
    const newPar = 'newpar' in s.meta || Object.keys(s.meta).some((k) => k.startsWith('newpar'));
    if (!cur || newDoc) {
      cur = { text: '', sents: [] };
      docs.push(cur);
    } else cur.text += options.paragraphs && newPar ? '\n\n' : ' ';
    const start = cur.text.length;
    cur.text += text;
    cur.sents.push([start, cur.text.length]);
  }
  return docs;
}

/** Options for {@link conlluToDoc}. */
export interface ConlluToDocOptions {
  /** The vocab to intern into (default: a new one). */
  vocab?: Vocab;
}

/**
 * A Doc of the gold words of one or more CoNLL-U sentences: one token per syntactic word (the
 * words of a multiword token become tokens, with no space between them), spaces from
 * `SpaceAfter=No`, and the gold lemmas, UPOS, XPOS, heads, labels and sentence starts. HEAD 0 is
 * a root (its own head, label as in the file, e.g. `root`); a `_` head or label stays unset. Empty
 * nodes are skipped. The text is the words joined this way, so a multiword token whose words do
 * not spell it (`vámonos` → `vamos nos`) reads as its words.
 * @example conlluToDoc(parseConllu(text)).token(0).head.text
 */
export function conlluToDoc(sentences: readonly ConlluSentence[], options: ConlluToDocOptions = {}): Doc {
  const words: string[] = [];
  const spaces: boolean[] = [];
  const heads: (number | null)[] = [];
  const deps: (string | null)[] = [];
  const tags: (string | null)[] = [];
  const pos: (string | null)[] = [];
  const lemmas: (string | null)[] = [];
  const sentStarts: boolean[] = [];
  const bases: number[] = [];
  for (const s of sentences) {
    const base = words.length;
    bases.push(base);
    const n = s.words.length;
    let m = 0;
    for (let w = 0; w < n; w++) {
      const word = s.words[w]!;
      if (word.id !== w + 1) throw new FormatError(`word ids must run 1..${n} in order; found ${word.id} at position ${w + 1}`, { line: s.line });
      if (word.head > n) throw new FormatError(`word ${word.id} has head ${word.head} beyond the sentence's ${n} words`, { line: s.line });
      while (m < s.multiwords.length && s.multiwords[m]!.last < word.id) m++;
      const mw = s.multiwords[m];
      const inside = mw !== undefined && mw.first <= word.id && word.id <= mw.last;
      words.push(word.form);
      // Inside a multiword token only its last word carries the token's SpaceAfter.
      spaces.push(inside ? word.id === mw.last && !hasNoSpaceAfter(mw.misc) : !hasNoSpaceAfter(word.misc));
      heads.push(word.head < 0 ? null : word.head === 0 ? base + w : base + word.head - 1);
      deps.push(word.deprel || null);
      tags.push(word.xpos || null);
      pos.push(word.upos || null);
      lemmas.push(word.lemma || null);
      sentStarts.push(w === 0);
    }
  }
  if (words.length) spaces[words.length - 1] = false;
  try {
    return Doc.fromWords(words, { vocab: options.vocab, spaces, heads, deps, tags, pos, lemmas, sentStarts });
  } catch (e) {
    // A cycle names a word of the whole doc: report the sentence's line and the word's id in it.
    const at = e instanceof ArgumentError ? /^heads\[(\d+)\]$/.exec(e.key ?? '') : null;
    if (!at) throw e;
    const x = Number(at[1]);
    let k = bases.length - 1;
    while (k > 0 && bases[k]! > x) k--;
    throw new FormatError(`the heads form a cycle through word ${x - bases[k]! + 1}`, { line: sentences[k]!.line });
  }
}
