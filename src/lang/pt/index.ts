import type { LanguageData } from '../types.js';
import { words } from '../define.js';
import { NUMBER_WORDS } from './lex-attrs.js';
import { STOP_WORDS } from './stop-words.js';
import { PT_RULES } from './tokenizer.js';

/** Portuguese (pt): rule-based tokenizer, stop words, number words, sentence-splitter data. */
export const PT: LanguageData = Object.freeze({
  code: 'pt',
  name: 'Portuguese',
  segmentation: 'rules',
  locale: 'pt',
  tokenizer: PT_RULES,
  stopWords: STOP_WORDS,
  numberWords: NUMBER_WORDS,
  senter: Object.freeze({ neverFinal: words('sr. sra. srs. dr. dra. prof. profa. av. ex. exa. pág. págs. art. cap. n. núm. p. pp. vol. fig. tel.') }),
});
