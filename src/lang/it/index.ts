import type { LanguageData } from '../types.js';
import { words } from '../define.js';
import { NUMBER_WORDS } from './lex-attrs.js';
import { STOP_WORDS } from './stop-words.js';
import { IT_RULES } from './tokenizer.js';

/** Italian (it): rule-based tokenizer, stop words, number words, sentence-splitter data. */
export const IT: LanguageData = Object.freeze({
  code: 'it',
  name: 'Italian',
  segmentation: 'rules',
  locale: 'it',
  tokenizer: IT_RULES,
  stopWords: STOP_WORDS,
  numberWords: NUMBER_WORDS,
  senter: Object.freeze({ neverFinal: words('sig. sigg. sig.ra dott. dott.ssa ing. prof. avv. on. geom. rag. s. ss. pag. pagg. cap. vol. n. nn. art. cfr. es.') }),
});
