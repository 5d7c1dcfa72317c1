import type { LanguageData } from '../types.js';
import { NUMBER_WORDS } from './lex-attrs.js';
import { SEGMENTER_MODEL_BASE64 } from './segmenter-model.js';
import { STOP_WORDS } from './stop-words.js';
import { JA_MERGES, JA_RULES } from './tokenizer.js';

/** Japanese (ja): ICU word segmentation corrected by a model trained on the UD dev set, stop words, number words, sentence-splitter data. */
export const JA: LanguageData = Object.freeze({
  code: 'ja',
  name: 'Japanese',
  segmentation: 'words',
  locale: 'ja',
  tokenizer: JA_RULES,
  stopWords: STOP_WORDS,
  numberWords: NUMBER_WORDS,
  senter: Object.freeze({ neverFinal: [] }),
  merges: JA_MERGES,
  segmenterModel: SEGMENTER_MODEL_BASE64,
});
