import { ArgumentError } from '../core/errors.js';

/** Reserved word ids, as in KenLM: `<unk>` = 0, `<s>` = 1, `</s>` = 2. */
export const UNK = 0;
/** Id of the sentence-start marker `<s>`. */
export const BOS = 1;
/** Id of the sentence-end marker `</s>`. */
export const EOS = 2;
/** The reserved words, indexed by id. */
export const SPECIAL_WORDS = Object.freeze(['<unk>', '<s>', '</s>'] as const);

/**
 * The word <-> id map of a language model. Ids are dense, in first-seen order after the three
 * reserved ones, so unigram tables and ARPA output follow the corpus order like lmplz.
 */
export class LmVocab {
  private readonly ids = new Map<string, number>();
  /** Words by id. */
  readonly words: string[] = [];

  constructor() {
    for (const w of SPECIAL_WORDS) this.add(w);
  }

  /** Number of words, reserved ones included. */
  get size(): number {
    return this.words.length;
  }

  /** Id of `word`, adding it if new. */
  add(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      if (word.length === 0) throw new ArgumentError('a word may not be empty');
      id = this.words.length;
      this.ids.set(word, id);
      this.words.push(word);
    }
    return id;
  }

  /** Id of `word`, or {@link UNK} when it is not in the vocabulary. */
  id(word: string): number {
    return this.ids.get(word) ?? UNK;
  }

  /** Id of `word`, or undefined when it is not in the vocabulary. */
  lookup(word: string): number | undefined {
    return this.ids.get(word);
  }

  /** Whether `word` is in the vocabulary. */
  has(word: string): boolean {
    return this.ids.has(word);
  }

  /** The word with id `id`. */
  word(id: number): string {
    const w = this.words[id];
    if (w === undefined) throw new ArgumentError(`no word with id ${id}`);
    return w;
  }

  /** Builds a vocab from words in id order (the first three must be the reserved words). */
  static fromWords(words: readonly string[]): LmVocab {
    const v = new LmVocab();
    for (let i = 0; i < SPECIAL_WORDS.length; i++) {
      if (words[i] !== SPECIAL_WORDS[i]) throw new ArgumentError(`vocabulary must start with ${SPECIAL_WORDS.join(' ')}`);
    }
    for (let i = SPECIAL_WORDS.length; i < words.length; i++) {
      if (v.add(words[i]!) !== i) throw new ArgumentError(`duplicate word ${JSON.stringify(words[i])} in vocabulary`);
    }
    return v;
  }
}
