import type { LanguageData } from '../types.js';
import { words } from '../define.js';
import { NUMBER_WORDS } from './lex-attrs.js';
import { STOP_WORDS } from './stop-words.js';
import { NL_RULES } from './tokenizer.js';

/** Dutch (nl): rule-based tokenizer, stop words, number words, sentence-splitter data. */
export const NL: LanguageData = Object.freeze({
  code: 'nl',
  name: 'Dutch',
  segmentation: 'rules',
  locale: 'nl',
  tokenizer: NL_RULES,
  stopWords: STOP_WORDS,
  numberWords: NUMBER_WORDS,
  senter: Object.freeze({ neverFinal: words('dhr. mevr. mr. dr. drs. ir. ing. prof. mgr. st. nr. blz. art. bijv. o.a. m.b.t. i.p.v. z.g.a.n. jan. feb. apr. aug. sep. sept. okt. nov. dec.') }),
});
