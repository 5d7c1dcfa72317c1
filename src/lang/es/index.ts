import type { LanguageData } from '../types.js';
import { words } from '../define.js';
import { NUMBER_WORDS } from './lex-attrs.js';
import { STOP_WORDS } from './stop-words.js';
import { ES_RULES } from './tokenizer.js';

/** Spanish (es): rule-based tokenizer, stop words, number words, sentence-splitter data. */
export const ES: LanguageData = Object.freeze({
  code: 'es',
  name: 'Spanish',
  segmentation: 'rules',
  locale: 'es',
  tokenizer: ES_RULES,
  stopWords: STOP_WORDS,
  numberWords: NUMBER_WORDS,
  senter: Object.freeze({ neverFinal: words('sr. sra. srta. sres. sras. dr. dra. prof. profa. lic. ing. gral. av. avda. pág. págs. núm. art. cap. vol. fig. ej. p.ej. ud. uds. vd. vds. dña.') }),
});
