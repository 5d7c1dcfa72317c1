/**
 * A test-only `parser` component: copies the gold tree of each sentence it recognises (by its word
 * forms) from CoNLL-U sentences, optionally perturbed so the expected scores are easy to count:
 * `relabelPunct` labels every `punct` word `dep` (LAS loses them, UAS keeps them) and
 * `detToRoot` attaches every `det` word to its sentence's root (UAS loses those whose gold head
 * is not the root). A sentence it does not recognise gets every word attached to its first word.
 */
import { registerComponent, type ConlluSentence, type Doc } from '../../src/index.js';

export interface GoldParserOptions {
  relabelPunct?: boolean;
  detToRoot?: boolean;
}

const key = (forms: readonly string[]) => forms.join('\u0001');

export function goldParser(gold: readonly ConlluSentence[], opts: GoldParserOptions = {}) {
  const trees = new Map<string, { heads: number[]; deps: string[] }>();
  for (const s of gold) {
    const root = s.words.findIndex((w) => w.head === 0);
    const heads = s.words.map((w, i) => (opts.detToRoot && w.deprel === 'det' ? root : w.head === 0 ? i : w.head - 1));
    const deps = s.words.map((w) => (opts.relabelPunct && w.deprel === 'punct' ? 'dep' : w.deprel));
    trees.set(key(s.words.map((w) => w.form)), { heads, deps });
  }
  return {
    name: 'parser',
    process(doc: Doc) {
      const head = doc.head;
      const dep = doc.dep;
      for (const sent of doc.sents) {
        const forms: string[] = [];
        for (let i = sent.start; i < sent.end; i++) forms.push(doc.tokenText(i));
        const t = trees.get(key(forms));
        for (let i = sent.start; i < sent.end; i++) {
          const k = i - sent.start;
          head[i] = t ? sent.start + t.heads[k]! - i : sent.start - i;
          dep[i] = doc.vocab.strings.add(t ? t.deps[k]! : k === 0 ? 'root' : 'dep');
        }
      }
    },
  };
}

/** Registers `test_gold_parser` (options: file, relabelPunct, detToRoot) for pipeline configs. */
export function registerGoldParser(load: (file: string) => ConlluSentence[]): void {
  registerComponent(
    'test_gold_parser',
    {
      options: {
        file: { type: 'string', default: '', doc: 'gold CoNLL-U file' },
        relabelPunct: { type: 'boolean', default: false, doc: 'label punct as dep' },
        detToRoot: { type: 'boolean', default: false, doc: 'attach det to the root' },
      },
      assigns: ['head', 'dep'],
      create: (o: { file: string; relabelPunct: boolean; detToRoot: boolean }) => goldParser(load(o.file), o),
    },
    { override: true },
  );
}
