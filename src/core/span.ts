import { ArgumentError } from './errors.js';
import type { Doc } from './doc.js';
import { Token } from './token.js';
import { headIndex, spanRootIndex } from './syntax.js';
import { cosine, meanVector } from './vectors.js';
import { INSPECT, truncateText } from '../util/inspect.js';

/**
 * A slice of a {@link Doc}: tokens [start, end) with an optional label. A view; holds no copies.
 * @example const s = doc.span(1, 3, 'ORG'); s.text; [...s].map(t => t.text)
 */
export class Span implements Iterable<Token> {
  constructor(
    /** The doc this span belongs to. */
    readonly doc: Doc,
    /** First token index. */
    readonly start: number,
    /** One past the last token index. */
    readonly end: number,
    /** Label ('' if none). */
    readonly label: string = '',
  ) {}

  /** Number of tokens. */
  get length(): number {
    return this.end - this.start;
  }
  /** Char offset of the first token. */
  get startChar(): number {
    return this.start < this.end ? this.doc.idx[this.start]! : this.start < this.doc.length ? this.doc.idx[this.start]! : this.doc.text.length;
  }
  /** Char offset just after the last token. */
  get endChar(): number {
    return this.end > this.start ? this.doc.endChar(this.end - 1) : this.startChar;
  }
  /** The exact text covered, without trailing whitespace. */
  get text(): string {
    return this.doc.text.slice(this.startChar, this.endChar);
  }
  /** The token at position `i` within the span (negative counts from the end). */
  token(i: number): Token {
    const j = i < 0 ? this.length + i : i;
    if (!Number.isInteger(j) || j < 0 || j >= this.length) throw new ArgumentError(`token index ${i} out of range for a span of ${this.length}`);
    return new Token(this.doc, this.start + j);
  }
  /** Iterates the tokens. */
  *[Symbol.iterator](): IterableIterator<Token> {
    for (let i = this.start; i < this.end; i++) yield new Token(this.doc, i);
  }
  /**
   * The sentence containing the span's first token, as spaCy's `Span.sent`: a span across a
   * sentence boundary gets only the first sentence it belongs to (spaCy 3, explosion/spaCy#7084;
   * `doc.span(sent.start, Math.max(sent.end, span.end))` covers the rest).
   */
  get sent(): Span {
    return new Span(this.doc, this.doc.sentStartOf(this.start), this.doc.sentEndOf(this.start));
  }
  /**
   * The syntactic root of the span (spaCy's `span.root`): a token that heads itself, else the token
   * whose head lies outside the span and is nearest the sentence root (the first on ties).
   */
  get root(): Token {
    return new Token(this.doc, spanRootIndex(this.doc, this.start, this.end));
  }
  /** Tokens left of the span whose head is inside it, in document order (spaCy's `span.lefts`). */
  get lefts(): IterableIterator<Token> {
    return this.outside(true);
  }
  /** Tokens right of the span whose head is inside it, in document order (spaCy's `span.rights`). */
  get rights(): IterableIterator<Token> {
    return this.outside(false);
  }
  /** Number of {@link Span.lefts}. */
  get nLefts(): number {
    let k = 0;
    for (const _ of this.outside(true)) k++;
    return k;
  }
  /** Number of {@link Span.rights}. */
  get nRights(): number {
    let k = 0;
    for (const _ of this.outside(false)) k++;
    return k;
  }
  private *outside(left: boolean): IterableIterator<Token> {
    if (this.start >= this.end) return;
    const ix = this.doc.syntaxIndex;
    const heads = this.doc.headColumnOrNull;
    const n = this.doc.length;
    // Every child of a span token lies within that token's subtree edges.
    let lo = this.start;
    let hi = this.end - 1;
    for (let i = this.start; i < this.end; i++) {
      if (ix.leftEdge[i]! < lo) lo = ix.leftEdge[i]!;
      if (ix.rightEdge[i]! > hi) hi = ix.rightEdge[i]!;
    }
    const [from, to] = left ? [lo, this.start] : [this.end, hi + 1];
    for (let c = from; c < to; c++) {
      const h = headIndex(heads, n, c);
      if (h >= this.start && h < this.end) yield new Token(this.doc, c);
    }
  }
  /** The span's tokens and every descendant of them, in document order (spaCy's `span.subtree`). */
  get subtree(): IterableIterator<Token> {
    return this.withDescendants();
  }
  private *withDescendants(): IterableIterator<Token> {
    for (const t of this.lefts) yield* t.subtree;
    yield* this;
    for (const t of this.rights) yield* t.subtree;
  }
  /** The conjuncts of the span's root (spaCy's `span.conjuncts`). */
  get conjuncts(): Token[] {
    return this.root.conjuncts;
  }
  /** The doc's noun chunks that lie inside this span (spaCy 3's `span.noun_chunks`). */
  get nounChunks(): Span[] {
    return this.doc.nounChunks.filter((c) => c.start >= this.start && c.end <= this.end);
  }
  /** Entities that lie inside this span. */
  get ents(): Span[] {
    return this.doc.ents.filter((e) => e.start >= this.start && e.end <= this.end);
  }
  /** Mean of the token vectors (spaCy's `span.vector`); needs the `vectors` component. */
  get vector(): Float32Array {
    return meanVector(this.doc, this.start, this.end);
  }
  /** Cosine similarity with another span's, doc's or token's vector. */
  similarity(other: { readonly vector: Float32Array }): number {
    return cosine(this.vector, other.vector);
  }
  /** A span with the same tokens and a new label. */
  withLabel(label: string): Span {
    return new Span(this.doc, this.start, this.end, label);
  }
  /**
   * Copies the span into a new Doc (annotations, sentence starts and entities inside it kept),
   * like spaCy's `Span.as_doc()`.
   */
  toDoc(): Doc {
    const src = this.doc;
    const base = this.startChar;
    const text = src.text.slice(base, this.endChar);
    const DocCtor = src.constructor as new (v: typeof src.vocab, t: string, c: number) => Doc;
    const out = new DocCtor(src.vocab, text, this.length);
    for (let i = this.start; i < this.end; i++) {
      const last = i === this.end - 1;
      out.pushToken(src.orth[i]!, src.idx[i]! - base, last ? 0 : src.spaceAfter[i]!);
      const j = out.length - 1;
      out.tag[j] = src.tag[i]!;
      out.pos[j] = src.pos[i]!;
      out.lemma[j] = src.lemma[i]!;
      out.dep[j] = src.dep[i]!;
      const off = src.headColumnOrNull ? src.headColumnOrNull[i]! : 0;
      const h = i + off;
      out.head[j] = h >= this.start && h < this.end ? off : 0;
      out.sentStart[j] = j === 0 ? 1 : src.sentStart[i]!;
      out.entType[j] = src.entType[i]!;
      out.entIob[j] = j === 0 && src.entIob[i] === 1 ? 3 : src.entIob[i]!;
    }
    for (const name of src.extensionNames) {
      const from = src.getExtension(name)!;
      const to = out.extension(name, from.kind);
      for (let i = this.start; i < this.end; i++) {
        const v = from.get(i);
        if (v !== undefined) to.set(i - this.start, v);
      }
    }
    return out;
  }
  /** The text. */
  toString(): string {
    return this.text;
  }
  /** `util.inspect` / `console.log`: the text (cut after 200 characters), as spaCy's repr. */
  [INSPECT](): string {
    return truncateText(this.text);
  }
  /**
   * `JSON.stringify(span)`: token and character offsets, text and label (if any), not the whole Doc.
   * @example JSON.stringify(doc.span(0, 2)) // '{"start":0,"end":2,"startChar":0,"endChar":6,"text":"Hello,"}'
   */
  toJSON(): { start: number; end: number; startChar: number; endChar: number; text: string; label?: string } {
    const out = { start: this.start, end: this.end, startChar: this.startChar, endChar: this.endChar, text: this.text };
    return this.label ? { ...out, label: this.label } : out;
  }
}
