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
  /** Sentences as [startToken, endToken) pairs. */
  sents: [number, number][];
  /** Entities as [startToken, endToken, label] triples. */
  ents: [number, number, string][];
  /** Per-token extension columns: name -> { kind, values (null for unset) }. */
  extensions?: Record<string, { kind: 'string' | 'number' | 'any'; values: unknown[] }>;
}

/** Serializes a Doc to {@link DocJSON}. */
export function docToJSON(doc: Doc): DocJSON {
  const s = doc.vocab.strings;
  const tokens: TokenJSON[] = [];
  for (let i = 0; i < doc.length; i++) {
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
    tokens.push(t);
  }
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
  return out;
}

const IOB_CODES: Record<string, number> = { B: IOB.B, I: IOB.I, O: IOB.O };

/** Rebuilds a Doc from {@link DocJSON}, checking that every token's text matches its offsets. */
export function docFromJSON(json: DocJSON, vocab: Vocab): Doc {
  if (!json || typeof json !== 'object') throw new FormatError('doc JSON must be an object');
  if (json.formatVersion !== 1) throw new FormatError(`unsupported doc formatVersion ${String(json.formatVersion)}`, { key: 'formatVersion' });
  if (typeof json.text !== 'string') throw new FormatError('doc JSON needs a string "text"', { key: 'text' });
  if (!Array.isArray(json.tokens)) throw new FormatError('doc JSON needs a "tokens" array', { key: 'tokens' });
  const doc = new Doc(vocab, json.text, json.tokens.length);
  const s = vocab.strings;
  json.tokens.forEach((t, i) => {
    const key = `tokens[${i}]`;
    if (!t || typeof t.text !== 'string' || typeof t.idx !== 'number') throw new FormatError('token needs "text" and "idx"', { key });
    if (json.text.slice(t.idx, t.idx + t.text.length) !== t.text || t.text.length === 0) {
      throw new FormatError(`token text ${JSON.stringify(t.text)} does not match the doc text at offset ${t.idx}`, { key });
    }
    doc.pushToken(s.add(t.text), t.idx, !!t.ws);
    if (t.tag) doc.tag[i] = s.add(t.tag);
    if (t.pos) doc.pos[i] = s.add(t.pos);
    if (t.lemma) doc.lemma[i] = s.add(t.lemma);
    if (t.dep) doc.dep[i] = s.add(t.dep);
    if (t.head) doc.head[i] = t.head;
    if (t.sentStart) doc.sentStart[i] = t.sentStart;
    if (t.entIob) {
      const code = IOB_CODES[t.entIob];
      if (code === undefined) throw new FormatError(`bad entIob ${JSON.stringify(t.entIob)}`, { key: `${key}.entIob` });
      doc.entIob[i] = code;
    }
    if (t.entType) doc.entType[i] = s.add(t.entType);
  });
  if (json.extensions) {
    for (const [name, { kind, values }] of Object.entries(json.extensions)) {
      const col = doc.extension(name, kind);
      values.forEach((v, i) => {
        if (v !== null && v !== undefined) col.set(i, v as never);
      });
    }
  }
  return doc;
}
