/**
 * Language-neutral (`xx`): words are Unicode word boundaries (`Intl.Segmenter` with the root
 * locale), as spaCy's `xx` multi-language class; no language's exceptions apply.
 */
import { spacedRules } from '../define.js';

/** The language-neutral rules. */
export const XX_RULES = spacedRules({});
