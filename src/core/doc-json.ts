import { Doc } from './doc.js';
import { IOB } from './iob.js';
import { FormatError } from './errors.js';
import type { Vocab } from './vocab.js';

/** One token in {@link DocJSON}. Optional fields are omitted when unset. */
export interface TokenJSON {
  /** Token text (redundant with the offsets; kept for readability and checked on load). */
  text: string;
  /** Char offset. */
  idx: number;
  /** Whether a single space follows. */
  ws: boolean;
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
  extensions?: Record<string, { kind: 'string' | 'number' | 'any'; values: unknown[] }>;
  /** Document category scores (`doc.user.get('cats')`, set by `textcat`), as spaCy's `Doc.to_json` "cats". */
  cats?: Record<string, number>;
}

/** A `{ label: score }` object of finite numbers (what `textcat` writes to `doc.user`). */
function isCats(v: unknown): v is Record<string, number> {
  return isObject(v) && Object.values(v).every((x) => typeof x === 'number' && Number.isFinite(x));
}

/** The {@link TokenJSON} of token `i` of `doc` (what `token.toJSON()` and {@link docToJSON} give). */
export function tokenToJSON(doc: Doc, i: number): TokenJSON {
  const s = doc.vocab.strings;
  const t: TokenJSON = { text: doc.tokenText(i), idx: doc.idx[i]!, ws: doc.spaceAfter[i] === 1 };
  if (doc.tag[i]) t.tag = s.get(doc.tag[i]!);
  if (doc.pos[i]) t.pos = s.get(doc.pos[i]!);
  if (doc.lemma[i]) t.lemma = s.get(doc.lemma[i]!);
  if (doc.dep[i]) t.dep = s.get(doc.dep[i]!);
  if (doc.head[i]) t.head = doc.head[i]!;
  if (doc.sentStart[i]) t.sentStart = doc.sentStart[i]!;
  const iob = doc.entIob[i];
  if (iob) t.entIob = doc.iobName(i) as 'B' | 'I' | 'O';
  if (doc.entType[i]) t.entType = s.get(doc.entType[i]!);
  return t;
}

/** Serializes a Doc to {@link DocJSON}. */
export function docToJSON(doc: Doc): DocJSON {
  const tokens: TokenJSON[] = [];
  for (let i = 0; i < doc.length; i++) tokens.push(tokenToJSON(doc, i));
  const out: DocJSON = {
    formatVersion: 1,
    text: doc.text,
    tokens,
    sents: doc.sents.map((x) => [x.start, x.end]),
    ents: doc.ents.map((e) => [e.start, e.end, e.label]),
  };
  const names = doc.extensionNames;
  if (names.length) {
    out.extensions = {};
    for (const name of names) {
      const col = doc.getExtension(name)!;
      const values: unknown[] = [];
      for (let i = 0; i < doc.length; i++) values.push(col.get(i) ?? null);
      out.extensions[name] = { kind: col.kind, values };
    }
  }
  const cats = doc.user.get('cats');
  if (isCats(cats)) out.cats = { ...cats };
  return out;
}

const IOB_CODES: Record<string, number> = { B: IOB.B, I: IOB.I, O: IOB.O };
const EXT_KINDS = new Set(['string', 'number', 'any']);
const TOKEN_KEYS = new Set(['text', 'idx', 'ws', 'tag', 'pos', 'lemma', 'dep', 'head', 'sentStart', 'entIob', 'entType']);

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

/**
 * `sents` (checked token ranges) must tile the doc in order. Tokens carrying `sentStart` must give
 * the same sentences; without them the sentences set the boundaries (a hand-written doc with only
 * `sents` would otherwise lose them).
 */
function applySents(doc: Doc, sents: [number, number][], marked: boolean): void {
  let at = 0;
  sents.forEach(([a, b], i) => {
    if (a !== at) throw new FormatError(`sentence ${rangeText([a, b])} must start at token ${at}: sentences cover the doc in order, without gaps or overlaps`, { key: `sents[${i}]` });
    at = b;
  });
  if (at !== doc.length) throw new FormatError(`the sentences end at token ${at}, not at the end of the doc (${doc.length} tokens)`, { key: 'sents' });
  if (marked) {
    const got = doc.sents.map((x) => rangeText([x.start, x.end])).join(' ');
    const want = sents.map((r) => rangeText(r)).join(' ');
    if (got !== want) throw new FormatError(`"sents" ${want} disagree with the tokens' sentStart, which give ${got}`, { key: 'sents' });
  } else if (sents.length > 1) {
    for (let i = 0; i < doc.length; i++) doc.sentStart[i] = -1;
    for (const [a] of sents) doc.sentStart[a] = 1;
  }
}

/**
 * `ents` (checked labelled token ranges) must not overlap. Tokens carrying `entIob`/`entType` must
 * give the same entities; without them the entities are set from `ents` (as `doc.ents = ...`).
 */
function applyEnts(doc: Doc, ents: [number, number, string][], marked: boolean): void {
  const sorted = ents.map((r, i) => ({ r, i })).sort((x, y) => x.r[0] - y.r[0]);
  for (let k = 1; k < sorted.length; k++) {
    const prev = sorted[k - 1]!.r;
    const cur = sorted[k]!;
    if (cur.r[0] < prev[1]) throw new FormatError(`entity ${rangeText(cur.r)} overlaps ${rangeText(prev)}`, { key: `ents[${cur.i}]` });
  }
  if (marked) {
    const got = doc.ents.map((e) => rangeText([e.start, e.end, e.label])).join(' ');
    const want = sorted.map(({ r }) => rangeText(r)).join(' ');
    if (got !== want) throw new FormatError(`"ents" ${want || '(none)'} disagree with the tokens' entIob/entType, which give ${got || '(none)'}`, { key: 'ents' });
  } else if (sorted.length) {
    doc.ents = sorted.map(({ r }) => doc.span(r[0], r[1], r[2]));
  }
}

/**
 * Rebuilds a Doc from {@link DocJSON}. Every field is checked: token offsets must be non-negative
 * integers in order, each token's text must match the doc text at its offset (and `ws` a space
 * after it), heads must point inside the doc, `sents` must tile the doc and `ents` must not overlap (both
 * agreeing with the tokens' `sentStart`/`entIob`, or setting them when the tokens carry none), and
 * extension columns must have one value per token of their kind, and `cats` (restored to
 * `doc.user.get('cats')`) must map labels to finite numbers. A bad field raises a FormatError
 * naming its key (e.g. `tokens[3].head`).
 */
export function docFromJSON(json: DocJSON, vocab: Vocab): Doc {
  if (!isObject(json)) throw new FormatError('doc JSON must be an object');
  if (json.formatVersion !== 1) throw new FormatError(`unsupported doc formatVersion ${String(json.formatVersion)}`, { key: 'formatVersion' });
  if (typeof json.text !== 'string') throw new FormatError('doc JSON needs a string "text"', { key: 'text' });
  if (!Array.isArray(json.tokens)) throw new FormatError('doc JSON needs a "tokens" array', { key: 'tokens' });
  const text = json.text;
  const n = json.tokens.length;
  const doc = new Doc(vocab, text, n);
  const s = vocab.strings;
  let prevEnd = 0;
  let sentMarks = false;
  let entMarks = false;
  json.tokens.forEach((t, i) => {
    const key = `tokens[${i}]`;
    if (!isObject(t)) throw new FormatError('a token must be an object', { key });
    for (const k of Object.keys(t)) if (!TOKEN_KEYS.has(k)) throw new FormatError(`unknown token key "${k}"`, { key: `${key}.${k}` });
    if (typeof t.text !== 'string' || t.text.length === 0) throw new FormatError('"text" must be a non-empty string', { key: `${key}.text` });
    if (!isIndex(t.idx)) throw new FormatError(`"idx" must be a non-negative integer, got ${JSON.stringify(t.idx)}`, { key: `${key}.idx` });
    const end = t.idx + t.text.length;
    if (text.slice(t.idx, end) !== t.text) {
      throw new FormatError(`token text ${JSON.stringify(t.text)} does not match the doc text at offset ${t.idx}`, { key });
    }
    if (t.idx < prevEnd) throw new FormatError(`token starts at ${t.idx}, inside or before the previous token (which ends at ${prevEnd})`, { key: `${key}.idx` });
    if (t.ws !== undefined && typeof t.ws !== 'boolean') throw new FormatError('"ws" must be a boolean', { key: `${key}.ws` });
    if (t.ws && text.charCodeAt(end) !== 32) throw new FormatError('"ws" is true but no space follows the token in the text', { key: `${key}.ws` });
    prevEnd = end + (t.ws ? 1 : 0);
    doc.pushToken(s.add(t.text), t.idx, !!t.ws);
    for (const k of ['tag', 'pos', 'lemma', 'dep', 'entType'] as const) {
      const v = t[k];
      if (v !== undefined && typeof v !== 'string') throw new FormatError(`"${k}" must be a string`, { key: `${key}.${k}` });
    }
    if (t.tag) doc.tag[i] = s.add(t.tag);
    if (t.pos) doc.pos[i] = s.add(t.pos);
    if (t.lemma) doc.lemma[i] = s.add(t.lemma);
    if (t.dep) doc.dep[i] = s.add(t.dep);
    if (t.head !== undefined) {
      if (!Number.isInteger(t.head) || i + t.head < 0 || i + t.head >= n) {
        throw new FormatError(`"head" ${JSON.stringify(t.head)} must be an integer offset to a token of the doc (token ${i} of ${n})`, { key: `${key}.head` });
      }
      doc.head[i] = t.head;
    }
    if (t.sentStart !== undefined) {
      if (t.sentStart !== 1 && t.sentStart !== -1 && t.sentStart !== 0) throw new FormatError(`"sentStart" must be 1, -1 or 0, got ${JSON.stringify(t.sentStart)}`, { key: `${key}.sentStart` });
      doc.sentStart[i] = t.sentStart;
      sentMarks = true;
    }
    if (t.entIob !== undefined) {
      const code = IOB_CODES[t.entIob];
      if (code === undefined || !Object.hasOwn(IOB_CODES, t.entIob)) throw new FormatError(`bad entIob ${JSON.stringify(t.entIob)}`, { key: `${key}.entIob` });
      doc.entIob[i] = code;
    }
    if (t.entType) doc.entType[i] = s.add(t.entType);
    if (t.entIob !== undefined || t.entType) entMarks = true;
  });
  if (json.sents !== undefined) {
    checkRanges(json.sents, 'sents', n, false);
    applySents(doc, json.sents, sentMarks);
  }
  if (json.ents !== undefined) {
    checkRanges(json.ents, 'ents', n, true);
    applyEnts(doc, json.ents, entMarks);
  }
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
      const col = doc.extension(name, kind as 'string' | 'number' | 'any');
      values.forEach((v, i) => {
        if (v !== null && v !== undefined) col.set(i, v as never);
      });
    }
  }
  if (json.cats !== undefined) {
    if (!isCats(json.cats)) throw new FormatError('"cats" must be an object of finite numbers { label: score }', { key: 'cats' });
    doc.user.set('cats', { ...json.cats });
  }
  return doc;
}
