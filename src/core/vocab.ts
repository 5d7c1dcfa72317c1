import { grow } from '../util/typed.js';
import { affixes, computeFlags, LexFlag, wordShape, type LexAttrOverrides } from './lexeme.js';
import { StringStore } from './strings.js';
import { INSPECT } from '../util/inspect.js';

/**
 * The shared vocabulary: a {@link StringStore} plus per-type lexeme columns (flags, lower, shape,
 * prefix, suffix) indexed by string id. A row is computed the first time it is read, once per type,
 * so tokenizing stays cheap and attribute reads stay O(1).
 * @example
 * const vocab = new Vocab(); const id = vocab.strings.add('Apple'); vocab.shape(id) // 'Xxxxx'
 */
export class Vocab {
  /** The string store shared by every Doc made with this vocab. */
  readonly strings: StringStore;
  private flagsCol = new Int32Array(1024);
  private lowerCol = new Uint32Array(1024);
  private shapeCol = new Uint32Array(1024);
  private prefixCol = new Uint32Array(1024);
  private suffixCol = new Uint32Array(1024);

  /** The language's stop words and number words the lexeme flags use (default English). */
  readonly lexAttrs: LexAttrOverrides;

  /**
   * @param strings the string store to share (default: a new one).
   * @param lexAttrs a language's stop words and number words for `isStop` / `likeNum` (default
   * English); `blank('de')` passes German's.
   */
  constructor(strings?: StringStore, lexAttrs: LexAttrOverrides = {}) {
    this.strings = strings ?? new StringStore();
    this.lexAttrs = lexAttrs;
  }

  /** `util.inspect` / `console.log`: a summary, not the internal columns. */
  [INSPECT](): string {
    return `Vocab(${this.strings.size} strings)`;
  }

  /** Interns `s` and returns its id (alias of `strings.add`). */
  add(s: string): number {
    return this.strings.add(s);
  }

  /** Computes the lexeme row for `orth` if needed and returns its flag bits. */
  flags(orth: number): number {
    if (orth >= this.flagsCol.length || (this.flagsCol[orth]! & LexFlag.COMPUTED) === 0) this.compute(orth);
    return this.flagsCol[orth]!;
  }

  /** Whether the lexeme has the given {@link LexFlag} bit. */
  hasFlag(orth: number, flag: number): boolean {
    return (this.flags(orth) & flag) !== 0;
  }

  /** Id of the lower-cased form. */
  lower(orth: number): number {
    this.flags(orth);
    return this.lowerCol[orth]!;
  }

  /** Id of the word shape ("Xxxx", "dd"). */
  shape(orth: number): number {
    this.flags(orth);
    return this.shapeCol[orth]!;
  }

  /** Id of the one-character prefix. */
  prefix(orth: number): number {
    this.flags(orth);
    return this.prefixCol[orth]!;
  }

  /** Id of the three-character suffix. */
  suffix(orth: number): number {
    this.flags(orth);
    return this.suffixCol[orth]!;
  }

  /** The string for an id (alias of `strings.get`). */
  text(id: number): string {
    return this.strings.get(id);
  }

  private compute(orth: number): void {
    const text = this.strings.get(orth);
    const [pre, suf] = affixes(text);
    const lower = this.strings.add(text.toLowerCase());
    const shape = this.strings.add(wordShape(text));
    const prefix = this.strings.add(pre);
    const suffix = this.strings.add(suf);
    const need = this.strings.size;
    this.flagsCol = grow(this.flagsCol, need);
    this.lowerCol = grow(this.lowerCol, need);
    this.shapeCol = grow(this.shapeCol, need);
    this.prefixCol = grow(this.prefixCol, need);
    this.suffixCol = grow(this.suffixCol, need);
    this.flagsCol[orth] = computeFlags(text, this.lexAttrs);
    this.lowerCol[orth] = lower;
    this.shapeCol[orth] = shape;
    this.prefixCol[orth] = prefix;
    this.suffixCol[orth] = suffix;
  }
}
