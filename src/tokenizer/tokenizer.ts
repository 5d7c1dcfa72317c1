import { Doc } from '../core/doc.js';
import { ArgumentError } from '../core/errors.js';
import type { Vocab } from '../core/vocab.js';
import type { TokenizerLike } from '../pipeline/component.js';
import { ChunkCache, HASH_SEED, hashStep } from './chunk-cache.js';
import { checkSpecialCase, compileRules, type CompiledRules } from './compile.js';
import { explainText } from './explain.js';
import { EN_RULES, type TokenizerRules } from './rules/en.js';
import { isSpaceCode } from './scanner.js';
import { Pieces, splitChunk } from './split.js';

/** Options of {@link Tokenizer}. */
export interface TokenizerOptions {
  /**
   * Rule tables. Fields given here extend the English defaults ({@link EN_RULES}); with
   * `replace: true` they replace them instead. Special cases given here always win.
   */
  rules?: Partial<TokenizerRules>;
  /** Replace the default lists by the given ones instead of extending them (default false). */
  replace?: boolean;
  /** Maximum number of distinct chunks kept in the chunk cache (default 100000; 0 disables it). */
  cacheSize?: number;
  /** Chunks longer than this are not cached (default 64). */
  maxCachedLength?: number;
}

/** Defaults of {@link TokenizerOptions}. */
export const TOKENIZER_DEFAULTS = Object.freeze({ replace: false, cacheSize: 100_000, maxCachedLength: 64 });

/** Merges user rule tables into the defaults (lists are concatenated, special cases merged). */
export function mergeRules(extra: Partial<TokenizerRules> = {}, replace = false): TokenizerRules {
  if (replace) return { ...EN_RULES, ...extra };
  const cat = <T>(a: readonly T[], b?: readonly T[]) => (b ? [...a, ...b] : a);
  return {
    prefixes: cat(EN_RULES.prefixes, extra.prefixes),
    suffixes: cat(EN_RULES.suffixes, extra.suffixes),
    infixes: cat(EN_RULES.infixes, extra.infixes),
    specialCases: { ...EN_RULES.specialCases, ...extra.specialCases },
    abbreviations: cat(EN_RULES.abbreviations, extra.abbreviations),
    hyphenPrefixes: cat(EN_RULES.hyphenPrefixes, extra.hyphenPrefixes),
    hyphenSuffixes: cat(EN_RULES.hyphenSuffixes, extra.hyphenSuffixes),
    units: cat(EN_RULES.units, extra.units),
    emoticons: cat(EN_RULES.emoticons, extra.emoticons),
  };
}

/**
 * The rule-based tokenizer (spaCy's algorithm with UD English EWT conventions). The text is split
 * on whitespace; each chunk is looked up in a bounded chunk cache, else split by special cases,
 * prefixes, suffixes, URL/e-mail matches and infixes (see `split.ts`). A single space after a
 * token sets its `whitespace`; any other whitespace becomes a whitespace token, so `doc.text` is
 * always the input. Linear time on every input.
 * @example
 * const tok = new Tokenizer(new Vocab());
 * tok.tokenize("I can't go to the U.S. today.").tokens().map((t) => t.text)
 * // ['I', 'ca', "n't", 'go', 'to', 'the', 'U.S.', 'today', '.']
 * tok.addSpecialCase('gimme', ['gim', 'me']);
 */
export class Tokenizer implements TokenizerLike {
  readonly vocab: Vocab;
  private rules: CompiledRules;
  private readonly cache: ChunkCache | null;
  private readonly maxCached: number;
  private readonly pieces = new Pieces();
  private orthBuf = new Int32Array(64);
  private lenBuf = new Int32Array(64);

  constructor(vocab: Vocab, options: TokenizerOptions = {}) {
    this.vocab = vocab;
    const cacheSize = options.cacheSize ?? TOKENIZER_DEFAULTS.cacheSize;
    if (!Number.isInteger(cacheSize) || cacheSize < 0) throw new ArgumentError(`cacheSize must be a non-negative integer, got ${cacheSize}`, { key: 'cacheSize' });
    this.rules = compileRules(mergeRules(options.rules, options.replace ?? TOKENIZER_DEFAULTS.replace));
    this.cache = cacheSize > 0 ? new ChunkCache(cacheSize) : null;
    this.maxCached = options.maxCachedLength ?? TOKENIZER_DEFAULTS.maxCachedLength;
  }

  /**
   * Adds (or replaces) a special case: `text` is always split into `pieces`, which must rejoin
   * to it. Clears the chunk cache.
   * @example tok.addSpecialCase("y'all", ["y'", 'all'])
   */
  addSpecialCase(text: string, pieces: readonly string[]): void {
    checkSpecialCase(text, pieces);
    this.rules.specials.set(text, [...pieces]);
    this.rules.endSplit.delete(text);
    this.rules.maxSpecialLen = Math.max(this.rules.maxSpecialLen, text.length);
    this.cache?.clear();
  }

  /**
   * Names the rule behind each token, as spaCy's `tokenizer.explain`: pairs of
   * (`PREFIX` | `SUFFIX` | `INFIX` | `SPECIAL-n` | `TOKEN` | `TOKEN_MATCH` | `URL_MATCH`, text).
   * Whitespace is not listed.
   * @example tok.explain("(don't)") // [['PREFIX','('],['SPECIAL-1'...]...]
   */
  explain(text: string): [string, string][] {
    return explainText(text, this.rules);
  }

  /** Tokenizes `text` into a new Doc over this tokenizer's vocab. */
  tokenize(text: string): Doc {
    if (typeof text !== 'string') throw new ArgumentError(`expected a string, got ${text === null ? 'null' : typeof text}`);
    const n = text.length;
    const doc = new Doc(this.vocab, text, (n >> 2) + 8);
    const strings = this.vocab.strings;
    let i = 0;
    while (i < n) {
      let c = text.charCodeAt(i);
      if (c === 32 || (c < 128 ? c >= 9 && c <= 13 : isSpaceCode(c)) || (c >= 0x1c && c <= 0x1f)) {
        // A whitespace run that no token absorbed becomes a whitespace token.
        const ws = i;
        i++;
        while (i < n && isSpaceCode(text.charCodeAt(i))) i++;
        doc.pushToken(strings.add(text.slice(ws, i)), ws, false);
        continue;
      }
      const start = i;
      let h = HASH_SEED;
      while (i < n) {
        c = text.charCodeAt(i);
        if (c === 32 || (c < 128 ? (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x1f) : isSpaceCode(c))) break;
        h = hashStep(h, c);
        i++;
      }
      let isLast = false;
      if (i === n) isLast = true;
      else {
        let j = i;
        while (j < n && isSpaceCode(text.charCodeAt(j))) j++;
        isLast = j === n;
      }
      this.chunk(doc, text, start, i, h, isLast);
      if (i < n && text.charCodeAt(i) === 32) {
        doc.spaceAfter[doc.length - 1] = 1;
        i++;
      }
    }
    return doc;
  }

  private chunk(doc: Doc, text: string, start: number, end: number, h: number, isLast: boolean): void {
    const cache = this.cache;
    const cacheable = cache !== null && end - start <= this.maxCached && !(isLast && text.charCodeAt(end - 1) === 46);
    if (cacheable) {
      const e = cache.find(text, start, end, h);
      if (e >= 0) {
        const pool = cache.pool;
        let at = start;
        for (let k = cache.start(e), stop = k + 2 * cache.count(e); k < stop; k += 2) {
          doc.pushToken(pool[k]!, at, false);
          at += pool[k + 1]!;
        }
        return;
      }
    }
    const s = text.slice(start, end);
    const pieces = this.pieces;
    splitChunk(s, this.rules, isLast, pieces);
    const m = pieces.n;
    if (m > this.orthBuf.length) {
      this.orthBuf = new Int32Array(m * 2);
      this.lenBuf = new Int32Array(m * 2);
    }
    const strings = this.vocab.strings;
    for (let k = 0; k < m; k++) {
      const a = pieces.start[k]!;
      const len = pieces.len[k]!;
      const orth = m === 1 ? strings.add(s) : strings.add(s.slice(a, a + len));
      this.orthBuf[k] = orth;
      this.lenBuf[k] = len;
      doc.pushToken(orth, start + a, false);
    }
    if (cacheable) cache.insert(s, h, this.orthBuf, this.lenBuf, m);
  }
}
