import { INSPECT, truncateText } from '../util/inspect.js';
import { grow } from '../util/typed.js';
import { checkMarksAgree, isCats, parseDocJSON, type DocJSON, type TokenJSON } from './doc-json.js';
import { ArgumentError } from './errors.js';
import { makeExtension, type ExtensionColumn, type ExtensionKind, type StoredExt } from './extensions.js';
import { IOB, IOB_NAMES } from './iob.js';
import { Span } from './span.js';
import { Token } from './token.js';
import { Vocab } from './vocab.js';
import { cosine, meanVector } from './vectors.js';

export { IOB };
export type { ExtensionColumn, ExtensionKind };

/**
 * How a Doc finds word vectors (spaCy's `user_hooks` for vectors): a component that assigns
 * vectors (the `vectors` component) sets `doc.vectorHook`, and `token.vector`, `span.vector`,
 * `doc.vector` and `.similarity()` read through it.
 */
export interface VectorHook {
  /** Vector width. */
  readonly dim: number;
  /** Writes the mean vector of tokens [start, end) into `out` (unknown tokens count as zeros). */
  mean(doc: Doc, start: number, end: number, out: Float32Array): Float32Array;
  /** Whether token `i` has a vector. */
  has(doc: Doc, i: number): boolean;
}

/** Options for {@link Doc.fromWords}. */
export interface FromWordsOptions {
  /** Whether each word is followed by a space (default: every word but the last). */
  spaces?: boolean[];
  /** The vocab to intern into (default: a new one). */
  vocab?: Vocab;
}

/**
 * A processed text: the exact original string plus columnar token storage in typed arrays.
 * {@link Token} and {@link Span} are views made on access; nothing is stored per token object.
 *
 * Columns (all indexed by token position): `orth` (string id), `idx` (char offset), `spaceAfter`,
 * `sentStart` (1 yes, -1 no, 0 unknown), `tag`/`pos`/`lemma`/`entType`/`dep` (string ids, 0 unset),
 * `entIob` ({@link IOB}) and `head` (relative offset to the head token).
 *
 * Components attach custom data through named extension columns ({@link Doc.extension}) for
 * per-token values and the `user` map for document-level values.
 * @example
 * const doc = nlp('Hello world.');
 * for (const t of doc) console.log(t.text, t.idx, t.isAlpha);
 */
export class Doc implements Iterable<Token> {
  /** The vocab whose string ids the columns hold. */
  readonly vocab: Vocab;
  /** The original text, exactly as given. */
  readonly text: string;
  /** Number of tokens. */
  length = 0;
  /** @internal */ orth: Uint32Array;
  /** @internal */ idx: Uint32Array;
  /** @internal */ spaceAfter: Uint8Array;
  // Annotation columns are allocated on first access: a Doc that only the tokenizer touched
  // costs three typed arrays, which matters when streaming many short texts.
  private _sentStart: Int8Array | null = null;
  private _tag: Uint32Array | null = null;
  private _pos: Uint32Array | null = null;
  private _lemma: Uint32Array | null = null;
  private _entType: Uint32Array | null = null;
  private _entIob: Uint8Array | null = null;
  private _head: Int32Array | null = null;
  private _dep: Uint32Array | null = null;
  // Multiword tokens: for each word inside one, the string id of its surface token (0 otherwise).
  private _mwt: Uint32Array | null = null;
  /** @internal Sentence starts: 1 yes, -1 no, 0 unknown. */
  get sentStart(): Int8Array {
    return (this._sentStart ??= new Int8Array(this.orth.length));
  }
  /** @internal Fine-grained tag ids. */
  get tag(): Uint32Array {
    return (this._tag ??= new Uint32Array(this.orth.length));
  }
  /** @internal Universal POS ids. */
  get pos(): Uint32Array {
    return (this._pos ??= new Uint32Array(this.orth.length));
  }
  /** @internal Lemma ids. */
  get lemma(): Uint32Array {
    return (this._lemma ??= new Uint32Array(this.orth.length));
  }
  /** @internal Entity label ids. */
  get entType(): Uint32Array {
    return (this._entType ??= new Uint32Array(this.orth.length));
  }
  /** @internal Entity IOB codes ({@link IOB}). */
  get entIob(): Uint8Array {
    return (this._entIob ??= new Uint8Array(this.orth.length));
  }
  /** @internal Relative offsets to the syntactic head. */
  get head(): Int32Array {
    return (this._head ??= new Int32Array(this.orth.length));
  }
  /** @internal Dependency label ids. */
  get dep(): Uint32Array {
    return (this._dep ??= new Uint32Array(this.orth.length));
  }
  /**
   * @internal Per word, the string id of the surface token it is part of when that token is a
   * multiword token (`del` for both `de` and `el`), else 0. Null when the doc has none.
   */
  get mwt(): Uint32Array | null {
    return this._mwt;
  }
  /** Set by a component that assigns word vectors (see {@link VectorHook}); null when none did. */
  vectorHook: VectorHook | null = null;
  /** Document-level data set by components (e.g. `doc.user.get('cats')`). */
  readonly user = new Map<string, unknown>();
  private readonly exts = new Map<string, StoredExt>();

  /**
   * Makes an empty Doc over `text`; tokenizers fill it with {@link Doc.pushToken}.
   * @param capacity initial column capacity (grows by doubling).
   */
  constructor(vocab: Vocab, text: string, capacity = 16) {
    this.vocab = vocab;
    this.text = text;
    const n = Math.max(4, capacity);
    this.orth = new Uint32Array(n);
    this.idx = new Uint32Array(n);
    this.spaceAfter = new Uint8Array(n);
  }

  /**
   * Appends a token. `orth` must be the id of `text.slice(idx, idx + len)` (tokens are exact
   * substrings of the text). Used by tokenizers; not for general use.
   */
  pushToken(orth: number, idx: number, spaceAfter: boolean | number): void {
    const i = this.length;
    if (i >= this.orth.length) this.reserve(i + 1);
    this.orth[i] = orth;
    this.idx[i] = idx;
    this.spaceAfter[i] = spaceAfter ? 1 : 0;
    this.length = i + 1;
  }

  /**
   * Appends one word of a multiword token (UD's `1-2 del` / `1 de` / `2 el`): `orth` is the
   * word (`de`), `surface` the string id of the surface token (`del`) found at `idx` in the text.
   * All words of one multiword token share its `idx`; only the last carries `spaceAfter`.
   * Used by tokenizers and readers; not for general use.
   */
  pushWord(orth: number, idx: number, spaceAfter: boolean | number, surface: number): void {
    const i = this.length;
    this.pushToken(orth, idx, spaceAfter);
    (this._mwt ??= new Uint32Array(this.orth.length))[i] = surface;
  }

  /** @internal Sets the multiword column of the first `words.length` tokens in one copy (tokenizers' bulk path). */
  setMultiwordColumn(words: Uint32Array): void {
    (this._mwt ??= new Uint32Array(this.orth.length)).set(words);
  }

  /**
   * The multiword tokens, each as the span of its words (`span.text` is the surface token):
   * `del` in Spanish is one surface token and two words, `de` and `el`.
   * @example blank('es')('Vengo del mercado.').multiwordTokens.map((s) => s.text) // ['del']
   */
  get multiwordTokens(): Span[] {
    const out: Span[] = [];
    const m = this._mwt;
    if (!m) return out;
    for (let i = 0; i < this.length; ) {
      if (m[i] === 0) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < this.length && m[j] === m[i] && this.idx[j] === this.idx[i]) j++;
      out.push(new Span(this, i, j));
      i = j;
    }
    return out;
  }

  /** Ensures capacity for `n` tokens. */
  reserve(n: number): void {
    if (n <= this.orth.length) return;
    this.orth = grow(this.orth, n);
    this.idx = grow(this.idx, n);
    this.spaceAfter = grow(this.spaceAfter, n);
    const cap = this.orth.length;
    if (this._sentStart) this._sentStart = grow(this._sentStart, cap);
    if (this._tag) this._tag = grow(this._tag, cap);
    if (this._pos) this._pos = grow(this._pos, cap);
    if (this._lemma) this._lemma = grow(this._lemma, cap);
    if (this._entType) this._entType = grow(this._entType, cap);
    if (this._entIob) this._entIob = grow(this._entIob, cap);
    if (this._head) this._head = grow(this._head, cap);
    if (this._dep) this._dep = grow(this._dep, cap);
    if (this._mwt) this._mwt = grow(this._mwt, cap);
    for (const col of this.exts.values()) col.reserve(cap);
  }

  /**
   * Builds a Doc from pre-tokenized words, like spaCy's `Doc(vocab, words=..., spaces=...)`.
   * @example Doc.fromWords(['Hello', 'world', '!'], { spaces: [true, false, false] }).text // 'Hello world!'
   */
  static fromWords(words: readonly string[], options: FromWordsOptions = {}): Doc {
    const vocab = options.vocab ?? new Vocab();
    const spaces = options.spaces;
    if (spaces && spaces.length !== words.length) {
      throw new ArgumentError(`spaces has ${spaces.length} items but words has ${words.length}`, { key: 'spaces' });
    }
    let text = '';
    const starts: number[] = [];
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      if (typeof w !== 'string' || w.length === 0) {
        throw new ArgumentError(`word ${i} must be a non-empty string`, { key: `words[${i}]` });
      }
      starts.push(text.length);
      text += w;
      const sp = spaces ? spaces[i] : i < words.length - 1;
      if (sp) text += ' ';
    }
    const doc = new Doc(vocab, text, words.length);
    for (let i = 0; i < words.length; i++) {
      const sp = spaces ? spaces[i] : i < words.length - 1;
      doc.pushToken(vocab.strings.add(words[i]!), starts[i]!, !!sp);
    }
    return doc;
  }

  /** The token at position `i` (negative counts from the end). Throws on out-of-range. */
  token(i: number): Token {
    const j = i < 0 ? this.length + i : i;
    if (j < 0 || j >= this.length || !Number.isInteger(j)) {
      throw new ArgumentError(`token index ${i} out of range for a doc of ${this.length} tokens`);
    }
    return new Token(this, j);
  }

  /** Iterates the tokens as views. */
  *[Symbol.iterator](): IterableIterator<Token> {
    for (let i = 0; i < this.length; i++) yield new Token(this, i);
  }

  /** The tokens as an array of views. */
  tokens(): Token[] {
    return Array.from(this);
  }

  /** Char offset just after token `i`. */
  endChar(i: number): number {
    // A word of a multiword token covers the whole surface token.
    const m = this._mwt;
    return this.idx[i]! + this.vocab.strings.get(m !== null && m[i]! !== 0 ? m[i]! : this.orth[i]!).length;
  }

  /** The text of token `i` without making a view. */
  tokenText(i: number): string {
    return this.vocab.strings.get(this.orth[i]!);
  }

  /**
   * A span over tokens [start, end) with an optional label. Negative indexes count from the end,
   * as in spaCy's `doc[start:end]`; out-of-range bounds throw (spaCy's `Span(doc, start, end)`).
   * @example doc.span(0, 2, 'GREETING').text; doc.span(-2, doc.length) // the last two tokens
   */
  span(start: number, end: number, label = ''): Span {
    const s = start < 0 ? this.length + start : start;
    const e = end < 0 ? this.length + end : end;
    if (!(Number.isInteger(s) && Number.isInteger(e)) || s < 0 || e > this.length || s > e) {
      throw new ArgumentError(`span [${start}, ${end}) out of range for a doc of ${this.length} tokens`);
    }
    return new Span(this, s, e, label);
  }

  /**
   * The span whose tokens cover [startChar, endChar). With `alignment` 'strict' (default) the
   * offsets must fall on token boundaries or null is returned; 'contract' keeps only tokens fully
   * inside; 'expand' takes every token that overlaps.
   */
  charSpan(startChar: number, endChar: number, label = '', alignment: 'strict' | 'contract' | 'expand' = 'strict'): Span | null {
    if (endChar < startChar) return null;
    let start = -1;
    let end = -1;
    for (let i = 0; i < this.length; i++) {
      const s = this.idx[i]!;
      const e = this.endChar(i);
      const overlaps = s < endChar && e > startChar;
      const inside = s >= startChar && e <= endChar;
      const take = alignment === 'expand' ? overlaps : inside;
      if (take) {
        if (start < 0) start = i;
        end = i + 1;
      }
      if (alignment === 'strict' && overlaps && !inside) return null;
    }
    if (start < 0) return null;
    if (alignment === 'strict' && (this.idx[start] !== startChar || this.endChar(end - 1) !== endChar)) return null;
    return new Span(this, start, end, label);
  }

  /** Whether any sentence boundary has been set (by a senter or a parser). */
  get hasSents(): boolean {
    const ss = this._sentStart;
    if (!ss) return false;
    for (let i = 1; i < this.length; i++) if (ss[i] !== 0) return true;
    return false;
  }

  /** Sentences as spans. If no boundaries were set, the whole doc is one sentence. */
  get sents(): Span[] {
    const out: Span[] = [];
    if (this.length === 0) return out;
    if (!this._sentStart) return [new Span(this, 0, this.length)];
    let start = 0;
    for (let i = 1; i < this.length; i++) {
      if (this.sentStart[i] === 1) {
        out.push(new Span(this, start, i));
        start = i;
      }
    }
    out.push(new Span(this, start, this.length));
    return out;
  }

  /** Index of the first token of the sentence containing token `i`. */
  sentStartOf(i: number): number {
    if (!this._sentStart) return 0;
    let j = i;
    while (j > 0 && this.sentStart[j] !== 1) j--;
    return j;
  }

  /** Index just past the sentence containing token `i`. */
  sentEndOf(i: number): number {
    if (!this._sentStart) return this.length;
    let j = i + 1;
    while (j < this.length && this.sentStart[j] !== 1) j++;
    return j;
  }

  /** Named entities read from the IOB columns. */
  get ents(): Span[] {
    const out: Span[] = [];
    if (!this._entIob) return out;
    let i = 0;
    while (i < this.length) {
      const iob = this.entIob[i];
      if ((iob === IOB.B || iob === IOB.I) && this.entType[i] !== 0) {
        const type = this.entType[i]!;
        let j = i + 1;
        while (j < this.length && this.entIob[j] === IOB.I && this.entType[j] === type) j++;
        out.push(new Span(this, i, j, this.vocab.strings.get(type)));
        i = j;
      } else i++;
    }
    return out;
  }

  /**
   * Replaces the entities: tokens in a span get B/I and its label, all others O.
   * Overlapping, empty or unlabelled spans and spans of another doc are rejected with an
   * ArgumentError, before anything changes.
   */
  set ents(spans: readonly Span[]) {
    const sorted = [...spans].sort((a, b) => a.start - b.start);
    for (let k = 0; k < sorted.length; k++) {
      const s = sorted[k]!;
      if (s.doc !== this) throw new ArgumentError('entity span belongs to another doc');
      // An unlabelled or empty entity could not be read back from the IOB columns.
      if (!s.label) throw new ArgumentError(`entity [${s.start}, ${s.end}) has no label`);
      if (s.start >= s.end) throw new ArgumentError(`entity [${s.start}, ${s.end}) is empty`);
      if (k > 0 && s.start < sorted[k - 1]!.end) {
        throw new ArgumentError(`overlapping entities [${sorted[k - 1]!.start}, ${sorted[k - 1]!.end}) and [${s.start}, ${s.end})`);
      }
    }
    this.entIob.fill(IOB.O, 0, this.length);
    this.entType.fill(0, 0, this.length);
    for (const s of sorted) {
      const label = this.vocab.strings.add(s.label);
      for (let i = s.start; i < s.end; i++) {
        this.entIob[i] = i === s.start ? IOB.B : IOB.I;
        this.entType[i] = label;
      }
    }
  }

  /**
   * Gets (creating on first use) a per-token extension column. This is how components attach
   * custom data; tokens read it with `token.ext(name)` and the Matcher with `{"_": {name: value}}`.
   * @example const stems = doc.extension('stem', 'string'); stems.set(0, 'run'); doc.token(0).ext('stem')
   */
  extension<T = unknown>(name: string, kind: ExtensionKind = 'any'): ExtensionColumn<T> {
    let col = this.exts.get(name);
    if (!col) {
      // Sized to the token capacity; `reserve` (called as tokens are pushed) grows it further.
      const n = Math.max(this.orth.length, 1);
      col = makeExtension(name, kind, this.vocab.strings, n);
      this.exts.set(name, col);
    } else if (col.kind !== kind) {
      throw new ArgumentError(`extension "${name}" already exists with kind ${col.kind}, not ${kind}`);
    }
    return col as ExtensionColumn<T>;
  }

  /** The extension column `name` if any component created it. */
  getExtension<T = unknown>(name: string): ExtensionColumn<T> | undefined {
    return this.exts.get(name) as ExtensionColumn<T> | undefined;
  }

  /** Names of the extension columns present. */
  get extensionNames(): string[] {
    return [...this.exts.keys()];
  }

  /** The IOB letter of token i's entity tag ('' if unset). */
  iobName(i: number): string {
    return IOB_NAMES[this.entIob[i]!] ?? '';
  }

  /** Mean of the token vectors (spaCy's `doc.vector`); needs the `vectors` component. */
  get vector(): Float32Array {
    return meanVector(this, 0, this.length);
  }

  /** Cosine similarity of this doc's vector with another doc's, span's or token's. */
  similarity(other: { readonly vector: Float32Array }): number {
    return cosine(this.vector, other.vector);
  }

  /** The text, exactly as given (spaCy's `str(doc)`). */
  toString(): string {
    return this.text;
  }

  /** `util.inspect` / `console.log`: the text (cut after 200 characters), as spaCy's repr. */
  [INSPECT](): string {
    return truncateText(this.text);
  }

  /** The {@link TokenJSON} record of token `i` (what `doc.toJSON().tokens[i]` and `token.toJSON()` hold). */
  tokenJSON(i: number): TokenJSON {
    const s = this.vocab.strings;
    const t: TokenJSON = { text: this.tokenText(i), idx: this.idx[i]!, ws: this.spaceAfter[i] === 1 };
    const m = this._mwt;
    if (m !== null && m[i]! !== 0) t.mwt = this.vocab.strings.get(m[i]!);
    if (this.tag[i]) t.tag = s.get(this.tag[i]!);
    if (this.pos[i]) t.pos = s.get(this.pos[i]!);
    if (this.lemma[i]) t.lemma = s.get(this.lemma[i]!);
    if (this.dep[i]) t.dep = s.get(this.dep[i]!);
    if (this.head[i]) t.head = this.head[i]!;
    if (this.sentStart[i]) t.sentStart = this.sentStart[i]!;
    if (this.entIob[i]) t.entIob = this.iobName(i) as 'B' | 'I' | 'O';
    if (this.entType[i]) t.entType = s.get(this.entType[i]!);
    return t;
  }

  /** A JSON-ready copy of the doc ({@link DocJSON}: tokens with their annotations, sents, ents, extensions, cats). */
  toJSON(): DocJSON {
    const tokens: TokenJSON[] = [];
    for (let i = 0; i < this.length; i++) tokens.push(this.tokenJSON(i));
    const out: DocJSON = { formatVersion: 1, text: this.text, tokens, sents: this.sents.map((x) => [x.start, x.end]), ents: this.ents.map((e) => [e.start, e.end, e.label]) };
    if (this.exts.size) {
      out.extensions = {};
      for (const [name, col] of this.exts) {
        const values: unknown[] = [];
        for (let i = 0; i < this.length; i++) values.push(col.get(i) ?? null);
        out.extensions[name] = { kind: col.kind, values };
      }
    }
    const cats = this.user.get('cats');
    if (isCats(cats)) out.cats = { ...cats };
    return out;
  }

  /**
   * Rebuilds a Doc from {@link Doc.toJSON} output. Every field is checked (see `parseDocJSON`):
   * `sents` and `ents` must agree with the tokens' `sentStart`/`entIob`, or set them when the
   * tokens carry none; `cats` is restored to `doc.user.get('cats')`. A bad field raises a
   * FormatError naming its key (e.g. `tokens[3].head`).
   */
  static fromJSON(json: DocJSON, vocab: Vocab = new Vocab()): Doc {
    const data = parseDocJSON(json);
    const doc = new Doc(vocab, data.text, data.tokens.length);
    const s = vocab.strings;
    data.tokens.forEach((t, i) => {
      if (t.mwt !== undefined) doc.pushWord(s.add(t.text), t.idx, !!t.ws, s.add(t.mwt));
      else doc.pushToken(s.add(t.text), t.idx, !!t.ws);
      if (t.tag) doc.tag[i] = s.add(t.tag);
      if (t.pos) doc.pos[i] = s.add(t.pos);
      if (t.lemma) doc.lemma[i] = s.add(t.lemma);
      if (t.dep) doc.dep[i] = s.add(t.dep);
      if (t.head !== undefined) doc.head[i] = t.head;
      if (t.sentStart !== undefined) doc.sentStart[i] = t.sentStart;
      if (data.entIob[i]) doc.entIob[i] = data.entIob[i]!;
      if (t.entType) doc.entType[i] = s.add(t.entType);
    });
    if (data.sents && data.sentMarks) checkMarksAgree('sents', data.sents, doc.sents.map((x) => [x.start, x.end]));
    else if (data.sents && data.sents.length > 1) {
      doc.sentStart.fill(-1, 0, doc.length);
      for (const [a] of data.sents) doc.sentStart[a] = 1;
    }
    if (data.ents && data.entMarks) checkMarksAgree('ents', data.ents, doc.ents.map((e) => [e.start, e.end, e.label]));
    else if (data.ents?.length) doc.ents = data.ents.map((r) => doc.span(r[0], r[1], r[2]));
    for (const [name, { kind, values }] of Object.entries(data.extensions)) {
      const col = doc.extension(name, kind);
      values.forEach((v, i) => {
        if (v !== null && v !== undefined) col.set(i, v);
      });
    }
    if (data.cats) doc.user.set('cats', { ...data.cats });
    return doc;
  }
}

export type { DocJSON };
