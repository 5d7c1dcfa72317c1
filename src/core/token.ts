import type { Doc } from './doc.js';
import { ArgumentError } from './errors.js';
import { LexFlag } from './lexeme.js';
import { Span } from './span.js';
import { cosine, meanVector } from './vectors.js';
import { INSPECT } from '../util/inspect.js';
import type { TokenJSON } from './doc-json.js';

/**
 * A light view of one token of a {@link Doc}: reads the doc's columns and the vocab's lexeme
 * columns on access. Make as many as you like; they hold only (doc, i).
 * @example const t = doc.token(0); t.text; t.isTitle; t.nbor(1).text
 */
export class Token {
  constructor(
    /** The doc this token belongs to. */
    readonly doc: Doc,
    /** Position in the doc. */
    readonly i: number,
  ) {}

  /** Orth id (the interned exact text). */
  get orth(): number {
    return this.doc.orth[this.i]!;
  }
  /** The exact text. */
  get text(): string {
    return this.doc.vocab.strings.get(this.orth);
  }
  /** The text plus its trailing space, if any. */
  get textWithWs(): string {
    return this.whitespace ? this.text + ' ' : this.text;
  }
  /** Char offset of the token in `doc.text`. */
  /**
   * The multiword token this word belongs to, as the span of its words (`span.text` is the
   * surface token, e.g. `del` for the words `de` and `el`); null for an ordinary token.
   * @example blank('es')('del mar').token(0).mwt?.text // 'del'
   */
  get mwt(): Span | null {
    const m = this.doc.mwt;
    if (m === null || m[this.i]! === 0) return null;
    const at = this.doc.idx[this.i]!;
    let a = this.i;
    while (a > 0 && m[a - 1] === m[this.i] && this.doc.idx[a - 1] === at) a--;
    let b = this.i + 1;
    while (b < this.doc.length && m[b] === m[this.i] && this.doc.idx[b] === at) b++;
    return new Span(this.doc, a, b);
  }

  get idx(): number {
    return this.doc.idx[this.i]!;
  }
  /** Char offset just after the token. */
  get endChar(): number {
    return this.idx + this.text.length;
  }
  /** Length in UTF-16 code units. */
  get length(): number {
    return this.text.length;
  }
  /** ' ' if a space follows the token, else ''. */
  get whitespace(): string {
    return this.doc.spaceAfter[this.i] ? ' ' : '';
  }
  /** Whether a single space follows the token. */
  get spaceAfter(): boolean {
    return this.doc.spaceAfter[this.i] === 1;
  }

  private flag(f: number): boolean {
    return (this.doc.vocab.flags(this.orth) & f) !== 0;
  }
  /** Lower-case form. */
  get lower(): string {
    return this.doc.vocab.strings.get(this.doc.vocab.lower(this.orth));
  }
  /** Word shape, e.g. "Xxxx", "dd". */
  get shape(): string {
    return this.doc.vocab.strings.get(this.doc.vocab.shape(this.orth));
  }
  /** First character. */
  get prefix(): string {
    return this.doc.vocab.strings.get(this.doc.vocab.prefix(this.orth));
  }
  /** Last three characters. */
  get suffix(): string {
    return this.doc.vocab.strings.get(this.doc.vocab.suffix(this.orth));
  }
  /** All letters. */
  get isAlpha(): boolean {
    return this.flag(LexFlag.IS_ALPHA);
  }
  /** All digits. */
  get isDigit(): boolean {
    return this.flag(LexFlag.IS_DIGIT);
  }
  /** All punctuation. */
  get isPunct(): boolean {
    return this.flag(LexFlag.IS_PUNCT);
  }
  /** All whitespace. */
  get isSpace(): boolean {
    return this.flag(LexFlag.IS_SPACE);
  }
  /** In the stop list (case-insensitive). */
  get isStop(): boolean {
    return this.flag(LexFlag.IS_STOP);
  }
  /** All cased characters upper case. */
  get isUpper(): boolean {
    return this.flag(LexFlag.IS_UPPER);
  }
  /** All cased characters lower case. */
  get isLower(): boolean {
    return this.flag(LexFlag.IS_LOWER);
  }
  /** Title case. */
  get isTitle(): boolean {
    return this.flag(LexFlag.IS_TITLE);
  }
  /** All ASCII. */
  get isAscii(): boolean {
    return this.flag(LexFlag.IS_ASCII);
  }
  /** A bracket. */
  get isBracket(): boolean {
    return this.flag(LexFlag.IS_BRACKET);
  }
  /** A quotation mark. */
  get isQuote(): boolean {
    return this.flag(LexFlag.IS_QUOTE);
  }
  /** A currency symbol. */
  get isCurrency(): boolean {
    return this.flag(LexFlag.IS_CURRENCY);
  }
  /** Looks like a number ("10", "1,000.5", "ten", "3rd"). */
  get likeNum(): boolean {
    return this.flag(LexFlag.LIKE_NUM);
  }
  /** Looks like a URL. */
  get likeUrl(): boolean {
    return this.flag(LexFlag.LIKE_URL);
  }
  /** Looks like an e-mail address. */
  get likeEmail(): boolean {
    return this.flag(LexFlag.LIKE_EMAIL);
  }

  private str(id: number): string {
    return id === 0 ? '' : this.doc.vocab.strings.get(id);
  }
  /** Universal POS tag ('' if no tagger ran). */
  get pos(): string {
    return this.str(this.doc.pos[this.i]!);
  }
  /** Fine-grained (Penn Treebank) tag. */
  get tag(): string {
    return this.str(this.doc.tag[this.i]!);
  }
  /** Lemma ('' if no lemmatizer ran). */
  get lemma(): string {
    return this.str(this.doc.lemma[this.i]!);
  }
  /** Entity label ('' outside entities). */
  get entType(): string {
    return this.str(this.doc.entType[this.i]!);
  }
  /** Entity IOB letter: 'B', 'I', 'O' or '' (unset). */
  get entIob(): string {
    return this.doc.iobName(this.i);
  }
  /** Dependency label ('' if unset). */
  get dep(): string {
    return this.str(this.doc.dep[this.i]!);
  }
  /** The syntactic head (the token itself when unset or root). */
  get head(): Token {
    return new Token(this.doc, this.i + this.doc.head[this.i]!);
  }
  /** Whether this token starts a sentence: true, false, or null if unknown. */
  get isSentStart(): boolean | null {
    if (this.i === 0) return true;
    const v = this.doc.sentStart[this.i];
    return v === 1 ? true : v === -1 ? false : null;
  }
  /** The sentence containing this token. */
  get sent(): Span {
    return new Span(this.doc, this.doc.sentStartOf(this.i), this.doc.sentEndOf(this.i));
  }
  /** The token `k` positions away (default 1); throws if outside the doc. */
  nbor(k = 1): Token {
    const j = this.i + k;
    if (!Number.isInteger(j) || j < 0 || j >= this.doc.length) {
      throw new ArgumentError(`nbor(${k}) of token ${this.i} is outside the doc (${this.doc.length} tokens)`);
    }
    return new Token(this.doc, j);
  }
  /** The token's word vector, zeros when unknown (spaCy's `token.vector`); needs the `vectors` component. */
  get vector(): Float32Array {
    return meanVector(this.doc, this.i, this.i + 1);
  }
  /** Whether the token has a word vector. */
  get hasVector(): boolean {
    const hook = this.doc.vectorHook;
    return !!hook && hook.has(this.doc, this.i);
  }
  /** Cosine similarity with another token's, span's or doc's vector. */
  similarity(other: { readonly vector: Float32Array }): number {
    return cosine(this.vector, other.vector);
  }
  /** A per-token extension value set by a component (see `Doc.extension`). */
  ext<T = unknown>(name: string): T | undefined {
    return this.doc.getExtension<T>(name)?.get(this.i);
  }
  /** The text. */
  toString(): string {
    return this.text;
  }
  /** `util.inspect` / `console.log`: the text, as spaCy's repr. */
  [INSPECT](): string {
    return this.text;
  }
  /**
   * `JSON.stringify(token)`: its index and its record as in `doc.toJSON().tokens` (not the whole Doc).
   * @example JSON.stringify(doc.token(1)) // '{"i":1,"text":"world","idx":7,"ws":false}'
   */
  toJSON(): { i: number } & TokenJSON {
    return { i: this.i, ...this.doc.tokenJSON(this.i) };
  }
}
