import type { LanguageData } from '../types.js';
import { NUMBER_WORDS } from './lex-attrs.js';
import { SEGMENTER_MODEL_BASE64 } from './segmenter-model.js';
import { STOP_WORDS } from './stop-words.js';
import { ZH_MERGES, ZH_RULES } from './tokenizer.js';

/** Chinese (zh): ICU word segmentation corrected by a model trained on the UD dev set, stop words, number words, sentence-splitter data. */
export const ZH: LanguageData = Object.freeze({
  code: 'zh',
  name: 'Chinese',
  segmentation: 'words',
  locale: 'zh',
  tokenizer: ZH_RULES,
  stopWords: STOP_WORDS,
  numberWords: NUMBER_WORDS,
  senter: Object.freeze({ neverFinal: [] }),
  merges: ZH_MERGES,
  segmenterModel: SEGMENTER_MODEL_BASE64,
});
