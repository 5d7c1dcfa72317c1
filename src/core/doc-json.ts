import { FormatError } from './errors.js';
import type { ExtensionKind } from './extensions.js';
import { iobCode } from './iob.js';

/** One token in {@link DocJSON}. Optional fields are omitted when unset. */
export interface TokenJSON {
  /** Token text (redundant with the offsets; kept for readability and checked on load). */
  text: string;
  /** Char offset. */
  idx: number;
  /** Whether a single space follows. */
  ws: boolean;
  /**
   * For a word of a multiword token (`de` of Spanish `del`): the surface token, found at `idx` in
   * the text; the word's `text` then need not be a substring of the text.
   */
  mwt?: string;
  tag?: string;
  pos?: string;
  lemma?: string;
  dep?: string;
  /** Relative offset of the head. */
  head?: number;
  /** 1 starts a sentence, -1 does not (omitted if unknown). */
  sentStart?: number;
  entIob?: 'B' | 'I' | 'O';
  entType?: string;
}

/** The JSON form of a Doc, versioned by `formatVersion`. */
export interface DocJSON {
  formatVersion: 1;
  text: string;
  tokens: TokenJSON[];
  /** Sentences as [startToken, endToken) pairs covering the doc; they set the boundaries when no token has `sentStart`. */
  sents: [number, number][];
  /** Entities as [startToken, endToken, label] triples; they set the entities when no token has `entIob`/`entType`. */
  ents: [number, number, string][];
  /** Per-token extension columns: name -> { kind, values (null for unset) }. */
  extensions?: Record<string, { kind: ExtensionKind; values: unknown[] }>;
  /** Document category scores (`doc.user.get('cats')`, set by `textcat`), as spaCy's `Doc.to_json` "cats". */
  cats?: Record<string, number>;
}

/** A `{ label: score }` object of finite numbers (what `textcat` writes to `doc.user`). */
export function isCats(v: unknown): v is Record<string, number> {
  return isObject(v) && Object.values(v).every((x) => typeof x === 'number' && Number.isFinite(x));
}

const EXT_KINDS = new Set(['string', 'number', 'any']);
const TOKEN_KEYS = new Set(['text', 'idx', 'ws', 'mwt', 'tag', 'pos', 'lemma', 'dep', 'head', 'sentStart', 'entIob', 'entType']);

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isIndex(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}

/** Checks `[start, end, ...]` token ranges (sents, ents) against a doc of `n` tokens. */
function checkRanges(list: unknown, key: string, n: number, labelled: boolean): void {
  if (!Array.isArray(list)) throw new FormatError(`"${key}" must be an array`, { key });
  list.forEach((r, i) => {
    const k = `${key}[${i}]`;
    if (!Array.isArray(r) || r.length !== (labelled ? 3 : 2)) throw new FormatError(`must be a [start, end${labelled ? ', label' : ''}] array`, { key: k });
    const [a, b] = r as unknown[];
    if (!isIndex(a) || !isIndex(b) || a >= b || b > n) throw new FormatError(`token range [${String(a)}, ${String(b)}) is not within 0..${n} with start < end`, { key: k });
    if (labelled && (typeof r[2] !== 'string' || r[2] === '')) throw new FormatError('the label must be a non-empty string', { key: `${k}[2]` });
  });
}

const rangeText = (r: readonly (number | string)[]) => `[${r.join(', ')}]`;

/** `sents` (checked token ranges) must tile a doc of `n` tokens in order. */
function checkTiling(sents: [number, number][], n: number): void {
  let at = 0;
  sents.forEach(([a, b], i) => {
    if (a !== at) throw new FormatError(`sentence ${rangeText([a, b])} must start at token ${at}: sentences cover the doc in order, without gaps or overlaps`, { key: `sents[${i}]` });
    at = b;
  });
  if (at !== n) throw new FormatError(`the sentences end at token ${at}, not at the end of the doc (${n} tokens)`, { key: 'sents' });
}

/** `ents` (checked labelled token ranges) sorted by start; they must not overlap. */
function sortEnts(ents: [number, number, string][]): [number, number, string][] {
  const sorted = ents.map((r, i) => ({ r, i })).sort((x, y) => x.r[0] - y.r[0]);
  for (let k = 1; k < sorted.length; k++) {
    const prev = sorted[k - 1]!.r;
    const cur = sorted[k]!;
    if (cur.r[0] < prev[1]) throw new FormatError(`entity ${rangeText(cur.r)} overlaps ${rangeText(prev)}`, { key: `ents[${cur.i}]` });
  }
  return sorted.map(({ r }) => r);
}

/**
 * A checked {@link DocJSON} as plain data, for `Doc.fromJSON` to build from: tokens in order with
 * their IOB codes, `sents` tiling the doc, `ents` sorted and disjoint.
 */
export interface DocData {
  text: string;
  tokens: readonly TokenJSON[];
  /** IOB code per token (0 where the token has no `entIob`). */
  entIob: Uint8Array;
  /** The sentences, if given; when `sentMarks` they must agree with the tokens' `sentStart`, else they set it. */
  sents: [number, number][] | undefined;
  /** Whether any token carries `sentStart`. */
  sentMarks: boolean;
  /** The entities sorted by start, if given; when `entMarks` they must agree with the tokens, else they set them. */
  ents: [number, number, string][] | undefined;
  /** Whether any token carries `entIob` or `entType`. */
  entMarks: boolean;
  extensions: Record<string, { kind: ExtensionKind; values: unknown[] }>;
  cats: Record<string, number> | undefined;
}

/**
 * Checks {@link DocJSON} without building anything. Every field is checked: token offsets must be
 * non-negative integers in order, each token's text must match the doc text at its offset (and
 * `ws` a space after it), heads must point inside the doc, `sents` must tile the doc and `ents`
 * must not overlap, extension columns must have one value per token of their kind, and `cats`
 * must map labels to finite numbers. A bad field raises a FormatError naming its key (e.g.
 * `tokens[3].head`). Agreement of `sents`/`ents` with the tokens' own marks is checked by
 * {@link checkMarksAgree} once the doc reads its sentences and entities.
 */
export function parseDocJSON(json: DocJSON): DocData {
  if (!isObject(json)) throw new FormatError('doc JSON must be an object');
  if (json.formatVersion !== 1) throw new FormatError(`unsupported doc formatVersion ${String(json.formatVersion)}`, { key: 'formatVersion' });
  if (typeof json.text !== 'string') throw new FormatError('doc JSON needs a string "text"', { key: 'text' });
  if (!Array.isArray(json.tokens)) throw new FormatError('doc JSON needs a "tokens" array', { key: 'tokens' });
  const text = json.text;
  const n = json.tokens.length;
  const entIob = new Uint8Array(n);
  let prevEnd = 0;
  // The previous token's start and surface, when it was a word of a multiword token.
  let prevMwt: string | undefined;
  let prevIdx = -1;
  let sentMarks = false;
  let entMarks = false;
  json.tokens.forEach((t, i) => {
    const key = `tokens[${i}]`;
    if (!isObject(t)) throw new FormatError('a token must be an object', { key });
    for (const k of Object.keys(t)) if (!TOKEN_KEYS.has(k)) throw new FormatError(`unknown token key "${k}"`, { key: `${key}.${k}` });
    if (typeof t.text !== 'string' || t.text.length === 0) throw new FormatError('"text" must be a non-empty string', { key: `${key}.text` });
    if (!isIndex(t.idx)) throw new FormatError(`"idx" must be a non-negative integer, got ${JSON.stringify(t.idx)}`, { key: `${key}.idx` });
    if (t.mwt !== undefined && (typeof t.mwt !== 'string' || t.mwt.length === 0)) throw new FormatError('"mwt" must be a non-empty string', { key: `${key}.mwt` });
    const surface = t.mwt ?? t.text;
    const end = t.idx + surface.length;
    if (text.slice(t.idx, end) !== surface) {
      throw new FormatError(`token ${t.mwt !== undefined ? 'surface' : 'text'} ${JSON.stringify(surface)} does not match the doc text at offset ${t.idx}`, { key });
    }
    // The words of one multiword token share its offset.
    const sameMwt = t.mwt !== undefined && t.mwt === prevMwt && t.idx === prevIdx;
    prevMwt = t.mwt;
    prevIdx = t.idx;
    if (!sameMwt && t.idx < prevEnd) throw new FormatError(`token starts at ${t.idx}, inside or before the previous token (which ends at ${prevEnd})`, { key: `${key}.idx` });
    if (t.ws !== undefined && typeof t.ws !== 'boolean') throw new FormatError('"ws" must be a boolean', { key: `${key}.ws` });
    if (t.ws && text.charCodeAt(end) !== 32) throw new FormatError('"ws" is true but no space follows the token in the text', { key: `${key}.ws` });
    prevEnd = end + (t.ws ? 1 : 0);
    for (const k of ['tag', 'pos', 'lemma', 'dep', 'entType'] as const) {
      const v = t[k];
      if (v !== undefined && typeof v !== 'string') throw new FormatError(`"${k}" must be a string`, { key: `${key}.${k}` });
    }
    if (t.head !== undefined && (!Number.isInteger(t.head) || i + t.head < 0 || i + t.head >= n)) {
      throw new FormatError(`"head" ${JSON.stringify(t.head)} must be an integer offset to a token of the doc (token ${i} of ${n})`, { key: `${key}.head` });
    }
    if (t.sentStart !== undefined) {
      if (t.sentStart !== 1 && t.sentStart !== -1 && t.sentStart !== 0) throw new FormatError(`"sentStart" must be 1, -1 or 0, got ${JSON.stringify(t.sentStart)}`, { key: `${key}.sentStart` });
      sentMarks = true;
    }
    if (t.entIob !== undefined) {
      const letter: unknown = t.entIob;
      const code = typeof letter === 'string' && letter !== '' ? iobCode(letter) : -1;
      if (code < 0) throw new FormatError(`bad entIob ${JSON.stringify(t.entIob)}`, { key: `${key}.entIob` });
      entIob[i] = code;
    }
    if (t.entIob !== undefined || t.entType) entMarks = true;
  });
  let sents: [number, number][] | undefined;
  if (json.sents !== undefined) {
    checkRanges(json.sents, 'sents', n, false);
    checkTiling((sents = json.sents), n);
  }
  let ents: [number, number, string][] | undefined;
  if (json.ents !== undefined) {
    checkRanges(json.ents, 'ents', n, true);
    ents = sortEnts(json.ents);
  }
  const extensions: DocData['extensions'] = {};
  if (json.extensions !== undefined) {
    if (!isObject(json.extensions)) throw new FormatError('"extensions" must be an object', { key: 'extensions' });
    for (const [name, ext] of Object.entries(json.extensions)) {
      const key = `extensions.${name}`;
      if (!isObject(ext)) throw new FormatError('an extension must be an object { kind, values }', { key });
      const { kind, values } = ext;
      if (typeof kind !== 'string' || !EXT_KINDS.has(kind)) throw new FormatError(`"kind" must be string, number or any, got ${JSON.stringify(kind)}`, { key: `${key}.kind` });
      if (!Array.isArray(values) || values.length !== n) throw new FormatError(`"values" must be an array of ${n} values (one per token)`, { key: `${key}.values` });
      values.forEach((v, i) => {
        if (v === null || v === undefined || kind === 'any') return;
        if (kind === 'string' ? typeof v !== 'string' : typeof v !== 'number' || !Number.isFinite(v)) {
          throw new FormatError(`must be a ${kind === 'string' ? 'string' : 'finite number'} or null, got ${JSON.stringify(v)}`, { key: `${key}.values[${i}]` });
        }
      });
      extensions[name] = { kind: kind as ExtensionKind, values };
    }
  }
  if (json.cats !== undefined && !isCats(json.cats)) throw new FormatError('"cats" must be an object of finite numbers { label: score }', { key: 'cats' });
  return { text, tokens: json.tokens, entIob, sents, sentMarks, ents, entMarks, extensions, cats: json.cats };
}

/**
 * When the tokens carry their own sentence (`sentStart`) or entity (`entIob`/`entType`) marks,
 * the `sents` or `ents` lists given beside them must describe the same ranges: `want` are the
 * ranges of the list, `got` those the doc reads from its tokens. Raises a FormatError naming the key.
 */
export function checkMarksAgree(key: 'sents' | 'ents', want: readonly (readonly (number | string)[])[], got: readonly (readonly (number | string)[])[]): void {
  const w = want.map(rangeText).join(' ');
  const g = got.map(rangeText).join(' ');
  if (w === g) return;
  if (key === 'sents') throw new FormatError(`"sents" ${w} disagree with the tokens' sentStart, which give ${g}`, { key });
  throw new FormatError(`"ents" ${w || '(none)'} disagree with the tokens' entIob/entType, which give ${g || '(none)'}`, { key });
}
