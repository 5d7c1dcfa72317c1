import type { Doc } from '../core/doc.js';
import { ConfigError } from '../core/errors.js';
import { LexFlag } from '../core/lexeme.js';
import type { Vocab } from '../core/vocab.js';
import type { Component, ComponentFactory } from '../pipeline/component.js';
import { EN_EMOTICONS } from '../lang/en/tokenizer.js';
import { getLanguage } from '../lang/registry.js';
import { CLOSERS, NEVER_FINAL, OPENERS, QUOTE_CLOSERS, TERMINAL_CHARS } from './senter-rules.js';

/** Options of the `senter` component. */
export interface SenterOptions {
  /** `rules` (default: the rule splitter below, any language) or `perceptron` (the trained model; `en_core`'s). */
  backend: 'rules' | 'perceptron';
  /** The perceptron's model file (default `''`: the shipped UD English EWT model). The rules ignore it. */
  model: string;
  /**
   * How newlines split sentences: `paragraph` (default) at blank lines, `line` at every newline,
   * `none` never.
   */
  newlines: 'paragraph' | 'line' | 'none';
  /** Whether a lower-case word after a period still starts a sentence (default true: web text is often lower case). */
  splitBeforeLower: boolean;
  /** Whether an emoticon or emoji before a capitalized word ends a sentence (default true). */
  emoticons: boolean;
  /** Whether a colon before a capitalized word ends a sentence, as UD EWT does for "Excerpt: The ..." (default false). */
  colon: boolean;
}

/** Default senter options. */
export const SENTER_DEFAULTS: Readonly<SenterOptions> = Object.freeze({ backend: 'rules', model: '', newlines: 'paragraph', splitBeforeLower: true, emoticons: true, colon: false });

const enum Kind {
  Word = 0,
  Terminal = 1,
  Closer = 2,
  Space = 3,
  Abbrev = 4,
  /** Emoticons and emoji: end a sentence before a capital, and attach to a sentence just ended. */
  Emoticon = 5,
  /** A colon: ends a sentence before a capitalized word when `colon` is on. */
  Colon = 6,
}

const EMOTICONS = new Set(EN_EMOTICONS);
const RE_EMOJI = /^[\p{Extended_Pictographic}\u{FE0F}\u{200D}\u{1F3FB}-\u{1F3FF}]+$/u;

/**
 * A rule-based sentence splitter (spaCy's `sentencizer`, extended): ends a sentence after runs of
 * terminal punctuation plus any closing quotes or brackets, knows abbreviations (titles never end
 * a sentence; `etc.` / `U.S.` may when a capitalized word follows), and can split at blank lines
 * or every newline. Writes the Doc's `sentStart` column.
 */
export class Senter implements Component {
  readonly name: string;
  private readonly opts: SenterOptions;
  /**
   * Per vocab, per orth id: cached {@link Kind} + 1 (0 = not classified yet). Keyed by vocab
   * because orth ids are only meaningful within the vocab that interned them.
   */
  private readonly kindCaches = new WeakMap<Vocab, { kinds: Uint8Array }>();
  /** The cache of the doc being processed (set once per `process` call, not per token). */
  private cur: { kinds: Uint8Array } = { kinds: new Uint8Array(0) };

  private readonly neverFinal: ReadonlySet<string>;

  /**
   * @param neverFinal lower-case abbreviations after which a sentence never ends (default: the
   * English titles; a pipeline with `lang` passes that language's list).
   */
  constructor(name = 'senter', options: Partial<SenterOptions> = {}, neverFinal: Iterable<string> = NEVER_FINAL) {
    this.name = name;
    this.opts = { ...SENTER_DEFAULTS, ...options };
    this.neverFinal = new Set(neverFinal);
  }

  private kind(doc: Doc, orth: number): Kind {
    const cache = this.cur;
    if (orth >= cache.kinds.length) {
      const k = new Uint8Array(Math.max(orth + 1, cache.kinds.length * 2, 1024));
      k.set(cache.kinds);
      cache.kinds = k;
    }
    const cached = cache.kinds[orth]!;
    if (cached) return (cached - 1) as Kind;
    const text = doc.vocab.strings.get(orth);
    let kind: Kind = Kind.Word;
    if ((doc.vocab.flags(orth) & LexFlag.IS_SPACE) !== 0) kind = Kind.Space;
    else if (CLOSERS.has(text)) kind = Kind.Closer;
    else if (EMOTICONS.has(text) || RE_EMOJI.test(text)) kind = Kind.Emoticon;
    else if (text === ':') kind = Kind.Colon;
    else {
      let allTerminal = true;
      for (const ch of text) if (!TERMINAL_CHARS.has(ch)) allTerminal = false;
      if (allTerminal) kind = Kind.Terminal;
      else if (text.length > 1 && text.endsWith('.')) kind = Kind.Abbrev;
      else {
        // "?!" or "!!!" glued to emoticons etc. stay words; a word ending in "?" or "!" ends a sentence too.
        const last = text[text.length - 1]!;
        if ((last === '?' || last === '!') && text.length > 1) kind = Kind.Terminal;
      }
    }
    cache.kinds[orth] = kind + 1;
    return kind;
  }

  private isEllipsis(text: string): boolean {
    if (text === '…') return true;
    if (text.length < 2) return false;
    for (let c = 0; c < text.length; c++) if (text.charCodeAt(c) !== 46) return false;
    return true;
  }

  private isLowerStart(text: string): boolean {
    const ch = text[0]!;
    return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
  }

  private isUpperStart(text: string): boolean {
    const ch = text[0]!;
    return ch !== ch.toLowerCase();
  }

  private startsLikeSentence(doc: Doc, i: number): boolean {
    const text = doc.tokenText(i);
    const c = text.charCodeAt(0);
    if (OPENERS.has(text)) return true;
    if (c >= 48 && c <= 57) return true;
    const ch = text[0]!;
    const isLower = ch !== ch.toUpperCase() && ch === ch.toLowerCase();
    return !isLower || this.opts.splitBeforeLower;
  }

  process(doc: Doc): void {
    const n = doc.length;
    if (n === 0) return;
    let cache = this.kindCaches.get(doc.vocab);
    if (!cache) this.kindCaches.set(doc.vocab, (cache = { kinds: new Uint8Array(0) }));
    this.cur = cache;
    const ss = doc.sentStart;
    ss[0] = 1;
    for (let i = 1; i < n; i++) ss[i] = -1;
    const mode = this.opts.newlines;
    let i = 0;
    while (i < n) {
      const k = this.kind(doc, doc.orth[i]!);
      let boundaryAfter = -1;
      if (k === Kind.Terminal) {
        let j = i + 1;
        let quoted = false;
        for (;;) {
          if (j >= n) break;
          const kj = this.kind(doc, doc.orth[j]!);
          if (kj === Kind.Closer && !doc.spaceAfter[j - 1]) {
            quoted ||= QUOTE_CLOSERS.has(doc.tokenText(j));
            j++;
          } else if (kj === Kind.Terminal) j++;
          // "I love her. :)" - an emoticon right after the end belongs to that sentence.
          else if (kj === Kind.Emoticon && this.opts.emoticons) j++;
          else break;
        }
        // An ellipsis ("...", "…") often continues the sentence: split only before a capital.
        // So does a closing quote before a lower-case word: "'Oh!' cried Alice", "“Why?” she asked".
        const ellipsis = this.isEllipsis(doc.tokenText(i));
        if (ellipsis || quoted) {
          let s = j;
          while (s < n && this.kind(doc, doc.orth[s]!) === Kind.Space) s++;
          const next = s < n ? doc.tokenText(s) : '';
          if (s >= n || (ellipsis ? this.isUpperStart(next) : !this.isLowerStart(next))) boundaryAfter = j - 1;
        } else boundaryAfter = j - 1;
        i = j;
      } else if (k === Kind.Abbrev) {
        const lower = doc.vocab.strings.get(doc.vocab.lower(doc.orth[i]!));
        let j = i + 1;
        while (j < n && this.kind(doc, doc.orth[j]!) === Kind.Space) j++;
        // A single-letter initial ("Jennifer M. Anderson") never ends a sentence either.
        const initial = lower.length === 2 && this.isUpperStart(doc.tokenText(i));
        // Nor an ordinal ("am 13. Mai"): the tokenizer keeps "13." whole only inside a sentence.
        const c0 = lower.charCodeAt(0);
        const ordinal = c0 >= 48 && c0 <= 57 && lower.length <= 4;
        if (!this.neverFinal.has(lower) && !initial && !ordinal && j < n) {
          const next = doc.tokenText(j);
          const ch = next[0]!;
          const upperStart = ch !== ch.toLowerCase();
          // After an abbreviation only a capitalized word that is not itself an abbreviation starts a sentence.
          if (upperStart && this.kind(doc, doc.orth[j]!) === Kind.Word && next.length > 1) boundaryAfter = i;
        }
        i++;
      } else if ((k === Kind.Emoticon && this.opts.emoticons) || (k === Kind.Colon && this.opts.colon)) {
        // "... soon :) you should" stays; ":) Now I have" and "this story : President" split.
        let j = i + 1;
        while (j < n && this.kind(doc, doc.orth[j]!) === Kind.Space) j++;
        if (j < n && this.kind(doc, doc.orth[j]!) === Kind.Word && this.isUpperStart(doc.tokenText(j))) boundaryAfter = i;
        i++;
      } else if (k === Kind.Space) {
        const text = doc.tokenText(i);
        let newlines = 0;
        for (let c = 0; c < text.length; c++) if (text.charCodeAt(c) === 10) newlines++;
        if ((mode === 'paragraph' && newlines >= 2) || (mode === 'line' && newlines >= 1)) boundaryAfter = i;
        i++;
      } else i++;
      if (boundaryAfter >= 0) {
        // Whitespace tokens stay at the end of the sentence they follow.
        let s = boundaryAfter + 1;
        while (s < n && this.kind(doc, doc.orth[s]!) === Kind.Space) s++;
        if (s < n && (k === Kind.Space || k === Kind.Abbrev || this.startsLikeSentence(doc, s))) ss[s] = 1;
      }
    }
  }
}

/** Creates the trained (`backend: "perceptron"`) senter from a model file ('' = the shipped one). */
export type TrainedSenterLoader = (model: string, name: string, baseDir: string) => Component;

let trainedSenterLoader: TrainedSenterLoader | null = null;

/**
 * Installs the loader of the trained senter (`register.ts` does, in Node: the model is a file).
 * Without one, as in browser builds, `backend: "perceptron"` is a config error.
 */
export function useTrainedSenterLoader(loader: TrainedSenterLoader): void {
  trainedSenterLoader = loader;
}

/** Registry entry for `senter`. */
export const senterFactory: ComponentFactory<{ backend: string; model: string; newlines: string; splitBeforeLower: boolean; emoticons: boolean; colon: boolean }> = {
  options: {
    backend: { type: 'string', enum: ['rules', 'perceptron'], default: SENTER_DEFAULTS.backend, doc: 'rules (any language) or perceptron (trained model; en_core uses it)' },
    model: { type: 'string', default: SENTER_DEFAULTS.model, doc: 'perceptron model file (default: the shipped UD English EWT model)' },
    newlines: { type: 'string', enum: ['paragraph', 'line', 'none'], default: SENTER_DEFAULTS.newlines, doc: 'rules: split at blank lines, every newline, or never' },
    splitBeforeLower: { type: 'boolean', default: SENTER_DEFAULTS.splitBeforeLower, doc: 'rules: a lower-case word after "." still starts a sentence' },
    emoticons: { type: 'boolean', default: SENTER_DEFAULTS.emoticons, doc: 'rules: an emoticon or emoji before a capitalized word ends a sentence' },
    colon: { type: 'boolean', default: SENTER_DEFAULTS.colon, doc: 'rules: a colon before a capitalized word ends a sentence' },
  },
  assigns: ['sentStart'],
  create: (o, ctx) => {
    const { backend, model, ...rules } = o;
    if (backend === 'perceptron') {
      // The trained model runs the rules with their defaults (their answer is one of its features).
      for (const [k, v] of Object.entries(rules)) {
        if (v !== SENTER_DEFAULTS[k as keyof SenterOptions]) throw new ConfigError(`${k} is an option of the rules backend; the perceptron backend does not read it`, { key: `${ctx.name}.${k}` });
      }
      if (!trainedSenterLoader) throw new ConfigError('the perceptron senter needs Node (its model is a file); use backend "rules" here', { key: `${ctx.name}.backend` });
      return trainedSenterLoader(model, ctx.name, ctx.baseDir);
    }
    return new Senter(ctx.name, rules as Partial<SenterOptions>, ctx.lang !== undefined && ctx.lang !== 'en' ? getLanguage(ctx.lang).senter.neverFinal : NEVER_FINAL);
  },
};
