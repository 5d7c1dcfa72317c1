import { Doc } from '../core/doc.js';
import { ArgumentError } from '../core/errors.js';
import type { Vocab } from '../core/vocab.js';
import { checkSpecialCase } from './compile.js';
import { isSpaceCode } from './scanner.js';
import { CodePoints, CT } from './segmenter-features.js';
import type { SegmenterModel } from './segmenter-model.js';
import type { TokenizerLike } from './types.js';

/** Options of {@link WordSegmenter}. */
export interface WordSegmenterOptions {
  /** BCP 47 locale for `Intl.Segmenter` (default `und`: Unicode word boundaries, ICU dictionaries for CJK and Thai). */
  locale?: string;
  /** Segment -> pieces (must rejoin to it): ICU words the language's treebank writes as several words (`した` -> `し た`). */
  specialCases?: Readonly<Record<string, readonly string[]>>;
  /** Adjacent pieces (after `specialCases`) written as one word (`な` + `っ` -> `なっ`). */
  merges?: readonly (readonly [string, string])[];
  /**
   * A trained word-boundary model (`trainSegmenter`, ICU's boundaries among its features): when
   * given it decides every boundary, and `specialCases`/`merges` are not applied.
   */
  model?: SegmenterModel;
}

/** Defaults of {@link WordSegmenterOptions}. */
export const WORD_SEGMENTER_DEFAULTS = Object.freeze({ locale: 'und' });

function allSpace(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isSpaceCode(s.charCodeAt(i))) return false;
  return true;
}

/**
 * Word segmentation through Node's built-in ICU (`Intl.Segmenter` with word granularity): the
 * tokenizer of languages written without spaces (Chinese, Japanese: ICU's dictionary-based
 * segmentation) and of the language-neutral `xx` (Unicode word boundaries, UAX #29). Every
 * non-space segment is a token (punctuation marks one each); a single space after a token sets its
 * `whitespace`, other whitespace becomes a whitespace token, so `doc.text` is the input.
 * @example
 * const seg = new WordSegmenter(new Vocab(), { locale: 'zh' });
 * seg.tokenize('我喜欢北京。').tokens().map((t) => t.text) // ['我', '喜欢', '北京', '。']
 */
export class WordSegmenter implements TokenizerLike {
  readonly vocab: Vocab;
  /** The locale handed to `Intl.Segmenter`. */
  readonly locale: string;
  private readonly segmenter: Intl.Segmenter;
  private readonly specials: Map<string, readonly string[]>;
  private readonly merges: Map<string, Set<string>>;
  private readonly model: SegmenterModel | undefined;
  private readonly cps = new CodePoints();
  private starts = new Uint8Array(256);

  constructor(vocab: Vocab, options: WordSegmenterOptions = {}) {
    this.vocab = vocab;
    this.locale = options.locale ?? WORD_SEGMENTER_DEFAULTS.locale;
    try {
      this.segmenter = new Intl.Segmenter(this.locale, { granularity: 'word' });
    } catch (e) {
      throw new ArgumentError(`invalid locale ${JSON.stringify(this.locale)}: ${(e as Error).message}`, { key: 'locale' });
    }
    this.specials = new Map();
    for (const [k, pieces] of Object.entries(options.specialCases ?? {})) {
      checkSpecialCase(k, pieces, `specialCases.${k}`);
      this.specials.set(k, pieces);
    }
    this.model = options.model;
    this.merges = new Map();
    (options.merges ?? []).forEach(([a, b], i) => {
      if (typeof a !== 'string' || typeof b !== 'string' || !a || !b) throw new ArgumentError('a merge is a pair of non-empty strings', { key: `merges[${i}]` });
      let set = this.merges.get(a);
      if (!set) this.merges.set(a, (set = new Set()));
      set.add(b);
    });
  }

  // Appends one word piece, merging it into the previous word when the pair is listed.
  private piece(doc: Doc, piece: string, at: number): void {
    const n = doc.length;
    if (n > 0 && doc.spaceAfter[n - 1] === 0 && doc.endChar(n - 1) === at) {
      const prev = doc.tokenText(n - 1);
      if (this.merges.get(prev)?.has(piece)) {
        doc.orth[n - 1] = this.vocab.strings.add(prev + piece);
        return;
      }
    }
    doc.pushToken(this.vocab.strings.add(piece), at, false);
  }

  // A whitespace run [start, end): one space after a token is its whitespace, the rest a token.
  private space(doc: Doc, text: string, start: number, end: number): void {
    const n = doc.length;
    if (n > 0 && doc.spaceAfter[n - 1] === 0 && doc.endChar(n - 1) === start && text.charCodeAt(start) === 32) {
      doc.spaceAfter[n - 1] = 1;
      start++;
    }
    if (start < end) doc.pushToken(this.vocab.strings.add(text.slice(start, end)), start, false);
  }

  // The trained model's words: code points grouped between its boundaries.
  private tokenizeWithModel(doc: Doc, text: string, model: SegmenterModel): Doc {
    const c = this.cps;
    c.fill(text, this.segmenter, model.lexicon);
    if (this.starts.length < c.n + 1) this.starts = new Uint8Array(c.n * 2 + 2);
    const b = this.starts;
    if (c.n > 0) model.boundaries(c, b);
    const strings = this.vocab.strings;
    for (let k = 0; k < c.n; ) {
      let e = k + 1;
      if (c.type[k] === CT.SPACE) {
        while (e < c.n && c.type[e] === CT.SPACE) e++;
        this.space(doc, text, c.start[k]!, c.start[e]!);
      } else {
        while (e < c.n && b[e] === 0) e++;
        doc.pushToken(strings.add(text.slice(c.start[k]!, c.start[e]!)), c.start[k]!, false);
      }
      k = e;
    }
    return doc;
  }

  /** Tokenizes `text` into a new Doc over this segmenter's vocab. */
  tokenize(text: string): Doc {
    if (typeof text !== 'string') throw new ArgumentError(`expected a string, got ${text === null ? 'null' : typeof text}`);
    const doc = new Doc(this.vocab, text, (text.length >> 1) + 4);
    if (this.model !== undefined) return this.tokenizeWithModel(doc, text, this.model);
    for (const { segment, index } of this.segmenter.segment(text)) {
      if (allSpace(segment)) {
        this.space(doc, text, index, index + segment.length);
        continue;
      }
      const pieces = this.specials.get(segment);
      if (pieces === undefined) this.piece(doc, segment, index);
      else {
        let at = index;
        for (const p of pieces) {
          this.piece(doc, p, at);
          at += p.length;
        }
      }
    }
    return doc;
  }
}
