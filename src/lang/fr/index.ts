import type { LanguageData } from '../types.js';
import { words } from '../define.js';
import { NUMBER_WORDS } from './lex-attrs.js';
import { STOP_WORDS } from './stop-words.js';
import { FR_RULES } from './tokenizer.js';

/** French (fr): rule-based tokenizer, stop words, number words, sentence-splitter data. */
export const FR: LanguageData = Object.freeze({
  code: 'fr',
  name: 'French',
  segmentation: 'rules',
  locale: 'fr',
  tokenizer: FR_RULES,
  stopWords: STOP_WORDS,
  numberWords: NUMBER_WORDS,
  senter: Object.freeze({ neverFinal: words('m. mm. mme. mlle. me. dr. pr. st. ste. cf. p. pp. vol. chap. art. av. bd. ex. éd. janv. févr. avr. juill. sept. oct. nov. déc.') }),
});
