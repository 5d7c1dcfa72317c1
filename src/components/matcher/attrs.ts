import { ATTR_DEFS, ATTR_IDS, Attr, type AttrDef } from '../../core/attrs.js';

/**
 * Pattern keys (upper-cased) the Matcher accepts, to their attribute: every token attribute with a
 * string, number, flag or IOB value, plus spaCy's aliases `TEXT` (ORTH) and `IS_SENT_START`. The
 * internal FLAGS word and HEAD offsets are not pattern keys.
 */
export const PATTERN_ATTRS: ReadonlyMap<string, AttrDef> = new Map(
  [...ATTR_IDS].filter(([, id]) => id !== Attr.FLAGS && id !== Attr.HEAD).map(([name, id]) => [name, ATTR_DEFS[id]!] as const),
);

/** Attributes a PhraseMatcher can key its trie on (string-valued token attributes). */
export const PHRASE_ATTRS: readonly string[] = ['ORTH', 'TEXT', 'LOWER', 'SHAPE', 'PREFIX', 'SUFFIX', 'LEMMA', 'POS', 'TAG', 'DEP', 'ENT_TYPE'];

/** Phrase attributes that components set (not the tokenizer): phrase patterns on them need annotating. */
export const ANNOTATION_PHRASE_ATTRS: ReadonlySet<string> = new Set(['LEMMA', 'POS', 'TAG', 'DEP', 'ENT_TYPE']);
