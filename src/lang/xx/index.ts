import type { LanguageData } from '../types.js';
import { NUMBER_WORDS } from './lex-attrs.js';
import { STOP_WORDS } from './stop-words.js';
import { XX_RULES } from './tokenizer.js';

/** Multi-language (xx): ICU word segmentation, stop words, number words, sentence-splitter data. */
export const XX: LanguageData = Object.freeze({
  code: 'xx',
  name: 'Multi-language',
  segmentation: 'words',
  locale: 'und',
  tokenizer: XX_RULES,
  stopWords: STOP_WORDS,
  numberWords: NUMBER_WORDS,
  senter: Object.freeze({ neverFinal: [] }),
});
