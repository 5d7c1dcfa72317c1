import { Vocab } from '../core/vocab.js';
import { getLanguage } from '../lang/registry.js';
import { tokenizerFor, type LanguageTokenizerOptions } from '../lang/tokenizer-for.js';
import { makeCallable, Pipeline, type Nlp } from './pipeline.js';

/**
 * An empty pipeline of a language, like spaCy's `spacy.blank('de')`: the language's tokenizer
 * (rule-based, or ICU word segmentation for `zh`, `ja`, `xx`) and a vocab whose `isStop` and
 * `likeNum` use the language's stop words and number words. Add components with `nlp.addPipe`.
 * Options are the rule tokenizer's (`rules`, `replace`, `cacheSize`, `maxCachedLength`).
 * @example
 * const nlp = blank('de');
 * nlp('Liebe Grüße, z.B. zum Abschied!').tokens().map((t) => t.text)
 * // ['Liebe', 'Grüße', ',', 'z.B.', 'zu', 'dem', 'Abschied', '!']
 * nlp.addPipe('senter');
 */
export function blank(lang: string, options: LanguageTokenizerOptions = {}): Nlp {
  const l = getLanguage(lang);
  const vocab = new Vocab(undefined, { stopWords: l.stopWords, numberWords: l.numberWords });
  const tokenizer = tokenizerFor(vocab, l.code, options);
  return makeCallable(new Pipeline(tokenizer, [], { name: `${l.code}_blank`, lang: l.code, tokenizer: { factory: 'tokenizer' }, components: [] }));
}
