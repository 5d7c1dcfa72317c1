import type { Doc } from './doc.js';
import { grow } from '../util/typed.js';
import { LexFlag } from './lexeme.js';
import type { Vocab } from './vocab.js';

/**
 * Token attribute ids, one numbering shared by every component that reads attributes by id (as
 * spaCy's attribute enum): the matchers key their patterns on them, and a component that writes a
 * column names it by the same id. Every value read through {@link tokenAttr} is an integer: string
 * attributes are string ids, flags are 0/1, LENGTH is the length in code points, ENT_IOB the
 * {@link IOB} code, FLAGS the whole lexeme flags word and HEAD the signed offset to the head token.
 * @example
 * tokenAttr(doc, Attr.LOWER, 0) === nlp.vocab.strings.add('hello') // for the doc "Hello world"
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
  /** The lexeme's whole flags word ({@link LexFlag} bits); a flag test reads one bit of it. */
  FLAGS: 30,
  /** Offset from a token to its syntactic head (0 = the token is a root or has no head). */
  HEAD: 31,
} as const;

/** Number of attribute ids: ids are `0 <= id < N_ATTRS`. */
export const N_ATTRS = 32;

/** How an attribute's values read: string ids, numbers, 0/1, IOB codes, flag words or signed offsets. */
export type AttrKind = 'string' | 'number' | 'bool' | 'iob' | 'bits' | 'offset';

/** One attribute: its id, name, value kind and (for a lexeme flag) its {@link LexFlag} bit, else 0. */
export interface AttrDef {
  readonly id: number;
  readonly name: string;
  readonly kind: AttrKind;
  readonly flag: number;
}

const FLAG_OF: Readonly<Record<string, number>> = {
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

const KIND_OF: Readonly<Record<string, AttrKind>> = { LENGTH: 'number', ENT_IOB: 'iob', SENT_START: 'bool', FLAGS: 'bits', HEAD: 'offset' };

/** Attribute definitions indexed by id. */
export const ATTR_DEFS: readonly AttrDef[] = Object.freeze(
  Object.entries(Attr)
    .map(([name, id]): AttrDef => Object.freeze({ id, name, kind: KIND_OF[name] ?? (name in FLAG_OF ? 'bool' : 'string'), flag: FLAG_OF[name] ?? 0 }))
    .sort((a, b) => a.id - b.id),
);

/** Attribute names indexed by id (`ATTR_NAMES[Attr.LOWER] === 'LOWER'`). */
export const ATTR_NAMES: readonly string[] = Object.freeze(ATTR_DEFS.map((d) => d.name));

/** Attribute id by name, with spaCy's aliases: `TEXT` is `ORTH`, `IS_SENT_START` is `SENT_START`. */
export const ATTR_IDS: ReadonlyMap<string, number> = new Map([
  ...ATTR_DEFS.map((d) => [d.name, d.id] as const),
  ['TEXT', Attr.ORTH] as const,
  ['IS_SENT_START', Attr.SENT_START] as const,
]);

/** The Doc column (a u32 id per token) that holds each annotation attribute a component sets. */
export const ATTR_COLUMN: Readonly<Partial<Record<number, 'lemma' | 'pos' | 'tag' | 'dep' | 'entType'>>> = Object.freeze({
  [Attr.LEMMA]: 'lemma',
  [Attr.POS]: 'pos',
  [Attr.TAG]: 'tag',
  [Attr.DEP]: 'dep',
  [Attr.ENT_TYPE]: 'entType',
});

/** Number of code points of a string (Python's `len`, the LENGTH attribute). */
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

/** Per-vocab cache of code-point lengths by orth id (-1 = not computed yet). */
const lengthCache = new WeakMap<Vocab, { col: Int32Array }>();

function lengthOf(vocab: Vocab, orth: number): number {
  let entry = lengthCache.get(vocab);
  if (!entry) lengthCache.set(vocab, (entry = { col: new Int32Array(1024).fill(-1) }));
  if (orth >= entry.col.length) entry.col = grow(entry.col, orth + 1, -1);
  let v = entry.col[orth]!;
  if (v < 0) v = entry.col[orth] = codePointLength(vocab.strings.get(orth));
  return v;
}

/**
 * The value of a lexeme attribute (one that depends on the word type only: ORTH, LOWER, SHAPE,
 * PREFIX, SUFFIX, LENGTH, FLAGS and the flag attributes) for the type `orth`; 0 for any other id.
 */
export function lexemeAttr(vocab: Vocab, attr: number, orth: number): number {
  switch (attr) {
    case Attr.ORTH:
      return orth;
    case Attr.LOWER:
      return vocab.lower(orth);
    case Attr.SHAPE:
      return vocab.shape(orth);
    case Attr.PREFIX:
      return vocab.prefix(orth);
    case Attr.SUFFIX:
      return vocab.suffix(orth);
    case Attr.LENGTH:
      return lengthOf(vocab, orth);
    case Attr.FLAGS:
      return vocab.flags(orth) >>> 0;
    default: {
      const flag = ATTR_DEFS[attr]?.flag;
      return flag && (vocab.flags(orth) & flag) !== 0 ? 1 : 0;
    }
  }
}

/** The value of attribute `attr` (see {@link Attr}) for doc token `i`: a Doc column or a lexeme column. */
export function tokenAttr(doc: Doc, attr: number, i: number): number {
  switch (attr) {
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
    case Attr.HEAD:
      return doc.headColumnOrNull ? doc.headColumnOrNull[i]! : 0;
    case Attr.SENT_START:
      // spaCy sets sent_start = 1 on a doc's first token (push_back), so it always starts a sentence.
      return i === 0 || doc.sentStart[i] === 1 ? 1 : 0;
    default:
      return lexemeAttr(doc.vocab, attr, doc.orth[i]!);
  }
}

/**
 * Fills `out[k]` with attribute `attr` of doc tokens `start + k` for k < end - start, or returns a
 * view of the Doc column that already holds it: callers flatten each attribute they need to one id
 * column before a kernel runs. `out` must hold at least `end - start` values; a negative HEAD
 * offset is stored as its two's complement.
 */
export function fillAttrColumn(doc: Doc, attr: number, start: number, end: number, out: Uint32Array): Uint32Array {
  const col = ATTR_COLUMN[attr];
  if (col) return doc[col].subarray(start, end);
  const n = end - start;
  const vocab = doc.vocab;
  const orth = doc.orth;
  switch (attr) {
    case Attr.ORTH:
      return orth.subarray(start, end);
    case Attr.LOWER:
      for (let k = 0; k < n; k++) out[k] = vocab.lower(orth[start + k]!);
      return out;
    case Attr.FLAGS:
      for (let k = 0; k < n; k++) out[k] = vocab.flags(orth[start + k]!) >>> 0;
      return out;
    case Attr.ENT_IOB:
    case Attr.HEAD:
    case Attr.SENT_START:
      for (let k = 0; k < n; k++) out[k] = tokenAttr(doc, attr, start + k);
      return out;
    default:
      for (let k = 0; k < n; k++) out[k] = lexemeAttr(vocab, attr, orth[start + k]!);
      return out;
  }
}
