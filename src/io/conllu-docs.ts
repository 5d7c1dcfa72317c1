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
