import type { LanguageData } from '../types.js';
import { words } from '../define.js';
import { NUMBER_WORDS } from './lex-attrs.js';
import { STOP_WORDS } from './stop-words.js';
import { DE_RULES } from './tokenizer.js';

/** German (de): rule-based tokenizer, stop words, number words, sentence-splitter data. */
export const DE: LanguageData = Object.freeze({
  code: 'de',
  name: 'German',
  segmentation: 'rules',
  locale: 'de',
  tokenizer: DE_RULES,
  stopWords: STOP_WORDS,
  numberWords: NUMBER_WORDS,
  senter: Object.freeze({ neverFinal: words('hr. fr. frl. dr. prof. dipl. ing. st. nr. bzw. z.b. u.a. d.h. ca. vgl. bzw. usw. ggf. evtl. inkl. jan. feb. apr. aug. sep. sept. okt. nov. dez. abs. art. bd. s.') }),
});
