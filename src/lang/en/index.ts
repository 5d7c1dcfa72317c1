import type { LanguageData } from '../types.js';
import { words } from '../define.js';
import { NUMBER_WORDS } from './lex-attrs.js';
import { STOP_WORDS } from './stop-words.js';
import { EN_RULES } from './tokenizer.js';

/** English (en): rule-based tokenizer, stop words, number words, sentence-splitter data. */
export const EN: LanguageData = Object.freeze({
  code: 'en',
  name: 'English',
  segmentation: 'rules',
  locale: 'en',
  tokenizer: EN_RULES,
  stopWords: STOP_WORDS,
  numberWords: NUMBER_WORDS,
  senter: Object.freeze({ neverFinal: words('mr. mrs. ms. dr. prof. st. mt. gen. sen. rep. gov. lt. col. capt. sgt. rev. hon. pres. vs. no. fig. vol. jan. feb. mar. apr. aug. sept. sep. oct. nov. dec.') }),
});
