/**
 * Japanese: words come from ICU's dictionary-based word segmentation (`Intl.Segmenter`), so the
 * rule tables only hold what applies to the non-Japanese parts of a text.
 */
import { spacedRules } from '../define.js';

/** The Japanese rules (for Latin-script runs and emoticons). */
export const JA_RULES = spacedRules({});
