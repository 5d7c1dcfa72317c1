import type { Doc } from '../../core/doc.js';
import { LexFlag } from '../../core/lexeme.js';

/**
 * Token attributes the matchers read, numbered like spaCy's attribute enum (one id per attribute,
 * shared by the Matcher, PhraseMatcher and entity ruler). Every value is a u32: string attributes
 * are string ids, flags are 0/1, LENGTH is the length in code points, ENT_IOB the IOB code.
 */
export const Attr = {
  ORTH: 0,
  LOWER: 1,
  SHAPE: 2,
  PREFIX: 3,
  SUFFIX: 4,
  LENGTH: 5,
  LEMMA: 6,
  POS: 7,
  TAG: 8,
  DEP: 9,
  ENT_TYPE: 10,
  ENT_IOB: 11,
  SENT_START: 12,
  IS_ALPHA: 13,
  IS_ASCII: 14,
  IS_DIGIT: 15,
  IS_LOWER: 16,
  IS_UPPER: 17,
  IS_TITLE: 18,
  IS_PUNCT: 19,
  IS_SPACE: 20,
  IS_STOP: 21,
  IS_BRACKET: 22,
  IS_QUOTE: 23,
  IS_LEFT_PUNCT: 24,
  IS_RIGHT_PUNCT: 25,
  IS_CURRENCY: 26,
  LIKE_NUM: 27,
  LIKE_URL: 28,
  LIKE_EMAIL: 29,
} as const;

/** Internal column holding a token's whole lexeme flags word; flag checks test one bit of it. */
export const FLAGS_COLUMN = 30;

/** Number of attribute ids (the flags column included). */
export const N_ATTRS = 31;

/** How an attribute's pattern values are typed. */
export type AttrKind = 'string' | 'number' | 'bool' | 'iob';

/** One matcher attribute: its id, the pattern value kind and (for flags) the lexeme bit. */
export interface AttrDef {
  readonly id: number;
  readonly name: string;
  readonly kind: AttrKind;
  readonly flag: number;
}

const FLAG_OF: Record<string, number> = {
  IS_ALPHA: LexFlag.IS_ALPHA,
  IS_ASCII: LexFlag.IS_ASCII,
  IS_DIGIT: LexFlag.IS_DIGIT,
  IS_LOWER: LexFlag.IS_LOWER,
  IS_UPPER: LexFlag.IS_UPPER,
  IS_TITLE: LexFlag.IS_TITLE,
  IS_PUNCT: LexFlag.IS_PUNCT,
  IS_SPACE: LexFlag.IS_SPACE,
  IS_STOP: LexFlag.IS_STOP,
  IS_BRACKET: LexFlag.IS_BRACKET,
  IS_QUOTE: LexFlag.IS_QUOTE,
  IS_LEFT_PUNCT: LexFlag.IS_LEFT_PUNCT,
  IS_RIGHT_PUNCT: LexFlag.IS_RIGHT_PUNCT,
  IS_CURRENCY: LexFlag.IS_CURRENCY,
  LIKE_NUM: LexFlag.LIKE_NUM,
  LIKE_URL: LexFlag.LIKE_URL,
  LIKE_EMAIL: LexFlag.LIKE_EMAIL,
};

const DEFS: AttrDef[] = Object.entries(Attr).map(([name, id]) => ({
  id,
  name,
  kind: name === 'LENGTH' ? 'number' : name === 'ENT_IOB' ? 'iob' : name === 'SENT_START' || name in FLAG_OF ? 'bool' : 'string',
  flag: FLAG_OF[name] ?? 0,
}));

/** Attribute definitions by id. */
export const ATTR_DEFS: readonly AttrDef[] = DEFS.sort((a, b) => a.id - b.id);

/** Pattern key (upper-cased) to attribute; `TEXT` is `ORTH` and `IS_SENT_START` is `SENT_START`, as in spaCy. */
export const ATTR_BY_NAME: ReadonlyMap<string, AttrDef> = new Map([
  ...ATTR_DEFS.map((d) => [d.name, d] as const),
  ['TEXT', ATTR_DEFS[Attr.ORTH]!] as const,
  ['IS_SENT_START', ATTR_DEFS[Attr.SENT_START]!] as const,
]);

/** Attributes a PhraseMatcher can key its trie on (string-valued token attributes). */
export const PHRASE_ATTRS: readonly string[] = ['ORTH', 'TEXT', 'LOWER', 'SHAPE', 'PREFIX', 'SUFFIX', 'LEMMA', 'POS', 'TAG', 'DEP', 'ENT_TYPE'];

/** Phrase attributes that components set (not the tokenizer): phrase patterns on them need annotating. */
export const ANNOTATION_PHRASE_ATTRS: ReadonlySet<string> = new Set(['LEMMA', 'POS', 'TAG', 'DEP', 'ENT_TYPE']);

/** Number of code points of a string (Python's `len`). */
export function codePointLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** Per-vocab cache of code-point lengths by orth id (LENGTH is a lexeme attribute). */
const lengthCache = new WeakMap<object, { col: Int32Array }>();

function lengthOf(doc: Doc, orth: number): number {
  let entry = lengthCache.get(doc.vocab);
  if (!entry) lengthCache.set(doc.vocab, (entry = { col: new Int32Array(1024).fill(-1) }));
  if (orth >= entry.col.length) {
    const next = new Int32Array(Math.max(orth + 1, entry.col.length * 2)).fill(-1);
    next.set(entry.col);
    entry.col = next;
  }
  let v = entry.col[orth]!;
  if (v < 0) v = entry.col[orth] = codePointLength(doc.vocab.strings.get(orth));
  return v;
}

/** The value of attribute `attr` for doc token `i` (see {@link Attr}). */
export function tokenAttr(doc: Doc, attr: number, i: number): number {
  const orth = doc.orth[i]!;
  switch (attr) {
    case Attr.ORTH:
      return orth;
    case Attr.LOWER:
      return doc.vocab.lower(orth);
    case Attr.SHAPE:
      return doc.vocab.shape(orth);
    case Attr.PREFIX:
      return doc.vocab.prefix(orth);
    case Attr.SUFFIX:
      return doc.vocab.suffix(orth);
    case Attr.LENGTH:
      return lengthOf(doc, orth);
    case Attr.LEMMA:
      return doc.lemma[i]!;
    case Attr.POS:
      return doc.pos[i]!;
    case Attr.TAG:
      return doc.tag[i]!;
    case Attr.DEP:
      return doc.dep[i]!;
    case Attr.ENT_TYPE:
      return doc.entType[i]!;
    case Attr.ENT_IOB:
      return doc.entIob[i]!;
    case FLAGS_COLUMN:
      return doc.vocab.flags(orth) >>> 0;
    case Attr.SENT_START:
      // spaCy sets sent_start = 1 on a doc's first token (push_back), so it always starts a sentence.
      return i === 0 || doc.sentStart[i] === 1 ? 1 : 0;
    default: {
      const def = ATTR_DEFS[attr];
      return def && def.flag && (doc.vocab.flags(orth) & def.flag) !== 0 ? 1 : 0;
    }
  }
}

/**
 * Fills `out[k]` with attribute `attr` of doc tokens `start + k` for k < end - start: the matcher
 * flattens each attribute it needs to one id column before its kernel runs.
 */
export function fillAttrColumn(doc: Doc, attr: number, start: number, end: number, out: Uint32Array): Uint32Array {
  const n = end - start;
  const vocab = doc.vocab;
  switch (attr) {
    case Attr.ORTH:
      return doc.orth.subarray(start, end);
    case Attr.LOWER:
      for (let k = 0; k < n; k++) out[k] = vocab.lower(doc.orth[start + k]!);
      return out;
    case FLAGS_COLUMN:
      for (let k = 0; k < n; k++) out[k] = vocab.flags(doc.orth[start + k]!) >>> 0;
      return out;
    case Attr.LEMMA:
      return doc.lemma.subarray(start, end);
    case Attr.POS:
      return doc.pos.subarray(start, end);
    case Attr.TAG:
      return doc.tag.subarray(start, end);
    case Attr.DEP:
      return doc.dep.subarray(start, end);
    case Attr.ENT_TYPE:
      return doc.entType.subarray(start, end);
    default:
      for (let k = 0; k < n; k++) out[k] = tokenAttr(doc, attr, start + k);
      return out;
  }
}

/** The string form of a string-valued attribute for doc token `i` (REGEX and FUZZY read it). */
export function tokenAttrString(doc: Doc, attr: number, i: number): string {
  const v = tokenAttr(doc, attr, i);
  if (attr === Attr.ENT_IOB) return ['', 'I', 'O', 'B'][v] ?? '';
  return doc.vocab.strings.get(v);
}
