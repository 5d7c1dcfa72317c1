/**
 * Chinese: words come from ICU's dictionary-based word segmentation (`Intl.Segmenter`), so the
 * rule tables only hold what applies to the non-Chinese parts of a text.
 */
import { spacedRules } from '../define.js';

/** The Chinese rules (for Latin-script runs and emoticons). */
export const ZH_RULES = spacedRules({});
