import { Doc } from '../core/doc.js';
import { ArgumentError } from '../core/errors.js';
import { grow } from '../util/typed.js';
import { Vocab } from '../core/vocab.js';
import type { TokenizerLike, TokenScan } from './types.js';
import { ChunkCache, HASH_SEED_1, HASH_SEED_2 } from './chunk-cache.js';
import { checkSpecialCase, compileRules, type CompiledRules } from './compile.js';
import { explainText } from './explain.js';
import { EN_RULES } from '../lang/en/tokenizer.js';
import type { TokenizerRules } from './rules.js';
import { multiwordSplit } from './multiword.js';
import { isSpaceCode, spacedNumberJoin } from './scanner.js';
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
  /**
   * The base rule tables that `rules` extend (default: English, {@link EN_RULES}); a language's
   * tables are `getLanguage('de').tokenizer`.
   */
  base?: TokenizerRules;
  /** Maximum number of distinct chunks kept in the chunk cache (default 400000; 0 disables it). */
  cacheSize?: number;
  /** Chunks longer than this are not cached (default 64). */
  maxCachedLength?: number;
}

/** Defaults of {@link TokenizerOptions}. */
export const TOKENIZER_DEFAULTS = Object.freeze({ replace: false, cacheSize: 400_000, maxCachedLength: 64 });

/** Merges user rule tables into the defaults (lists are concatenated, special cases merged). */
export function mergeRules(extra: Partial<TokenizerRules> = {}, replace = false, base: TokenizerRules = EN_RULES): TokenizerRules {
  if (replace) return { ...base, ...extra };
  const cat = <T>(a: readonly T[], b?: readonly T[]) => (b ? [...a, ...b] : a);
  return {
    prefixes: cat(base.prefixes, extra.prefixes),
    suffixes: cat(base.suffixes, extra.suffixes),
    infixes: cat(base.infixes, extra.infixes),
    specialCases: { ...base.specialCases, ...extra.specialCases },
    abbreviations: cat(base.abbreviations, extra.abbreviations),
    hyphenPrefixes: cat(base.hyphenPrefixes, extra.hyphenPrefixes),
    hyphenSuffixes: cat(base.hyphenSuffixes, extra.hyphenSuffixes),
    units: cat(base.units, extra.units),
    emoticons: cat(base.emoticons, extra.emoticons),
    multiwordTokens: { ...base.multiwordTokens, ...extra.multiwordTokens },
    multiwordKeepAfter: { ...base.multiwordKeepAfter, ...extra.multiwordKeepAfter },
    enclitics: extra.enclitics !== undefined ? extra.enclitics : base.enclitics,
    apostropheClitics: extra.apostropheClitics ?? base.apostropheClitics,
    splitHyphens: extra.splitHyphens ?? base.splitHyphens,
    ordinalPeriod: extra.ordinalPeriod ?? base.ordinalPeriod,
    splitMarkRuns: extra.splitMarkRuns ?? base.splitMarkRuns,
    spacedNumbers: extra.spacedNumbers ?? base.spacedNumbers ?? false,
  };
}

// Set by the Node entry points (`warmup.ts`, `installTokenizerWarmUp`); browser bundles leave it
// unset, so the warm-up's chunk list stays out of them.
let warmUpHook: ((rules: CompiledRules) => void) | null = null;

/** Installs (or with null removes) what each new tokenizer runs over its rules before any text. */
export function setTokenizerWarmUp(hook: ((rules: CompiledRules) => void) | null): void {
  warmUpHook = hook;
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
  private tOrth = new Uint32Array(256);
  private tIdx = new Uint32Array(256);
  private tSpace = new Uint8Array(256);
  private tn = 0;
  private readonly charOrth = new Uint32Array(65536);
  private lenBuf = new Int32Array(64);
  private readonly scanOut: TokenScan = { n: 0, orth: this.tOrth, idx: this.tIdx };
  // Multiword tokens: per orth id, 0 = not looked up, -1 = one word, k > 0 = mwtWords[k - 1].
  private readonly hasMwt: boolean;
  private mwtOf = new Int32Array(0);
  private readonly mwtWords: Uint32Array[] = [];
  private tMwt = new Uint32Array(256);
  private tWords = new Int32Array(256);
  private readonly keepAfter = new Map<number, Set<number> | null>();
  private readonly emptyOrth: number;
  private anyMwt = false;

  constructor(vocab: Vocab, options: TokenizerOptions = {}) {
    this.vocab = vocab;
    const cacheSize = options.cacheSize ?? TOKENIZER_DEFAULTS.cacheSize;
    if (!Number.isInteger(cacheSize) || cacheSize < 0) throw new ArgumentError(`cacheSize must be a non-negative integer, got ${cacheSize}`, { key: 'cacheSize' });
    this.rules = compileRules(mergeRules(options.rules, options.replace ?? TOKENIZER_DEFAULTS.replace, options.base ?? EN_RULES));
    this.hasMwt = this.rules.multiwordTokens.size > 0 || this.rules.enclitics !== null;
    this.emptyOrth = vocab.strings.add('');
    this.cache = cacheSize > 0 ? new ChunkCache(cacheSize) : null;
    this.maxCached = options.maxCachedLength ?? TOKENIZER_DEFAULTS.maxCachedLength;
    // Complete type feedback before real text, so V8 optimises the splitter once (see warmup.ts).
    if (warmUpHook !== null) warmUpHook(this.rules);
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
    const m = this.scanInto(text);
    const doc = new Doc(this.vocab, text, m);
    doc.orth.set(this.tOrth.subarray(0, m));
    doc.idx.set(this.tIdx.subarray(0, m));
    doc.spaceAfter.set(this.tSpace.subarray(0, m));
    this.tSpace.fill(0, 0, m);
    if (this.anyMwt) {
      doc.setMultiwordColumn(this.tMwt.subarray(0, m));
      this.tMwt.fill(0, 0, m);
    }
    doc.length = m;
    return doc;
  }

  /**
   * The tokens of `text` (exactly those of {@link tokenize}) as orth ids and start offsets in
   * reusable buffers, without building a Doc: for callers that consume tokens straight away, like
   * the search analyzer. The views are valid until the next `scan` or `tokenize` call.
   * @example
   * const s = tok.scan('Hello, world'); // s.n === 3; vocab.strings.get(s.orth[1]) === ','; s.idx[2] === 7
   */
  scan(text: string): TokenScan {
    const m = this.scanInto(text);
    this.tSpace.fill(0, 0, m);
    if (this.anyMwt) this.tMwt.fill(0, 0, m);
    const r = this.scanOut;
    r.n = m;
    r.orth = this.tOrth;
    r.idx = this.tIdx;
    return r;
  }

  // Fills the scratch columns tOrth/tIdx/tSpace with the tokens of `text`; returns their count.
  private scanInto(text: string): number {
    if (typeof text !== 'string') throw new ArgumentError(`expected a string, got ${text === null ? 'null' : typeof text}`);
    const n = text.length;
    // Tokens go to reusable scratch columns first, then into a Doc of exactly the right size.
    this.tn = 0;
    if (this.tOrth.length < (n >> 1) + 8) this.ensure((n >> 1) + 8);
    const strings = this.vocab.strings;
    const cache = this.cache;
    const maxCached = this.maxCached;
    const spaced = this.rules.spacedNumbers;
    let i = 0;
    while (i < n) {
      let c = text.charCodeAt(i);
      if (c <= 32 ? c === 32 || (c >= 9 && c <= 13) || c >= 0x1c : c >= 0x85 && isSpaceCode(c)) {
        // A whitespace run that no token absorbed becomes a whitespace token.
        const ws = i;
        // One increment for every run, so its type feedback exists before a longer run comes.
        do i++;
        while (i < n && isSpaceCode(text.charCodeAt(i)));
        this.push(strings.add(text.slice(ws, i)), ws);
        continue;
      }
      const start = i;
      let h1 = HASH_SEED_1;
      let h2 = HASH_SEED_2;
      while (i < n) {
        c = text.charCodeAt(i);
        if (c <= 32 ? c === 32 || (c >= 9 && c <= 13) || c >= 0x1c : c >= 0x85 && isSpaceCode(c)) {
          if (!spaced || !spacedNumberJoin(text, start, i)) break;
        }
        h1 = Math.imul(h1 ^ c, 0x01000193);
        const x = Math.imul(h2 + c, 0x5bd1e995);
        h2 = x ^ (x >>> 15);
        i++;
      }
      // Fast path: a cached one-token chunk not ending in '.' (only those depend on position).
      const v = cache !== null && i - start <= maxCached && text.charCodeAt(i - 1) !== 46 ? cache.find(h1, h2, i - start) : 0;
      if (v > 0) {
        const t = this.tn;
        if (t >= this.tOrth.length) this.ensure(t + 1);
        this.tOrth[t] = v;
        this.tIdx[t] = start;
        this.tn = t + 1;
      } else this.chunk(text, start, i, h1, h2);
      if (i < n && text.charCodeAt(i) === 32) {
        this.tSpace[this.tn - 1] = 1;
        i++;
      }
    }
    this.anyMwt = false;
    return this.hasMwt ? this.expandMultiword(text, this.tn) : this.tn;
  }

  /** The words of multiword token `orth` (cached per orth id), or null when it is one word. */
  private wordsOf(orth: number): Uint32Array | null {
    if (orth >= this.mwtOf.length) this.mwtOf = grow(this.mwtOf, orth + 1);
    let v = this.mwtOf[orth]!;
    if (v === 0) {
      const words = multiwordSplit(this.vocab.strings.get(orth), this.rules);
      if (words === null) v = -1;
      else {
        this.mwtWords.push(Uint32Array.from(words, (w) => this.vocab.strings.add(w)));
        v = this.mwtWords.length;
      }
      this.mwtOf[orth] = v;
    }
    return v < 0 ? null : this.mwtWords[v - 1]!;
  }

  // Whether the ambiguous multiword token at scratch position t stays one word after its previous
  // (non-whitespace) token. The keep-after lists are looked up by orth id, as lower-case orth ids.
  private keptWhole(text: string, orth: number, t: number): boolean {
    let after = this.keepAfter.get(orth);
    if (after === undefined) {
      const words = this.rules.multiwordKeepAfter.get(this.vocab.strings.get(orth));
      after = words === undefined ? null : new Set(Array.from(words, (w) => this.vocab.strings.add(w)));
      this.keepAfter.set(orth, after);
    }
    if (after === null) return false;
    let p = t - 1;
    while (p >= 0 && isSpaceCode(text.charCodeAt(this.tIdx[p]!))) p--;
    return after.has(p < 0 ? this.emptyOrth : this.vocab.lower(this.tOrth[p]!));
  }

  // Replaces each multiword token among the n scratch tokens by its words (in place, from the end).
  // The first pass notes each token's words (index + 1 into mwtWords, or 0) in `tWords`.
  private expandMultiword(text: string, n: number): number {
    let extra = 0;
    const keep = this.rules.multiwordKeepAfter.size > 0;
    if (this.tWords.length < n) this.tWords = new Int32Array(this.tOrth.length);
    const tw = this.tWords;
    for (let t = 0; t < n; t++) {
      const o = this.tOrth[t]!;
      let v = o < this.mwtOf.length ? this.mwtOf[o]! : 0;
      if (v === 0) {
        this.wordsOf(o);
        v = this.mwtOf[o]!;
      }
      if (v > 0 && keep && this.keptWhole(text, o, t)) v = -1;
      tw[t] = v;
      if (v > 0) extra += this.mwtWords[v - 1]!.length - 1;
    }
    if (extra === 0) return n;
    const total = n + extra;
    if (total > this.tOrth.length) this.ensure(total);
    if (this.tMwt.length < this.tOrth.length) this.tMwt = grow(this.tMwt, this.tOrth.length);
    const orth = this.tOrth;
    const idx = this.tIdx;
    const space = this.tSpace;
    const mwt = this.tMwt;
    let w = total - 1;
    for (let t = n - 1; t >= 0; t--) {
      const o = orth[t]!;
      const v = tw[t]!;
      if (v <= 0) {
        orth[w] = o;
        idx[w] = idx[t]!;
        space[w] = space[t]!;
        mwt[w--] = 0;
        continue;
      }
      const words = this.mwtWords[v - 1]!;
      const at = idx[t]!;
      const sp = space[t]!;
      for (let k = words.length - 1; k >= 0; k--) {
        orth[w] = words[k]!;
        idx[w] = at;
        space[w] = k === words.length - 1 ? sp : 0;
        mwt[w--] = o;
      }
    }
    this.anyMwt = true;
    return total;
  }

  private ensure(cap: number): void {
    this.tOrth = grow(this.tOrth, cap);
    this.tIdx = grow(this.tIdx, cap);
    this.tSpace = grow(this.tSpace, cap);
  }

  private push(orth: number, idx: number): void {
    const t = this.tn;
    if (t >= this.tOrth.length) this.ensure(t + 1);
    this.tOrth[t] = orth;
    this.tIdx[t] = idx;
    this.tn = t + 1;
  }

  private chunk(text: string, start: number, end: number, h1: number, h2: number): void {
    const cache = this.cache;
    // Only a chunk ending in '.' depends on being last in the text (EWT splits "etc." there).
    let isLast = false;
    if (text.charCodeAt(end - 1) === 46) {
      let j = end;
      while (j < text.length && isSpaceCode(text.charCodeAt(j))) j++;
      isLast = j === text.length;
    }
    // The text's last chunk is cached under its own key (length with bit 30 set), since its
    // split may differ from the same chunk elsewhere.
    const key = isLast ? (end - start) | 0x40000000 : end - start;
    const cacheable = cache !== null && end - start <= this.maxCached;
    if (cacheable) {
      const v = cache.find(h1, h2, key);
      if (v > 0) {
        this.push(v, start);
        return;
      }
      if (v < 0) {
        const rec = cache.rec;
        const o = -v - 1;
        const cnt = rec[o]!;
        let t = this.tn;
        if (t + cnt > this.tOrth.length) this.ensure(t + cnt);
        const orth = this.tOrth;
        const idx = this.tIdx;
        let at = start;
        for (let k = o + 1, stop = k + 2 * cnt; k < stop; k += 2) {
          orth[t] = rec[k]!;
          idx[t++] = at;
          at += rec[k + 1]!;
        }
        this.tn = t;
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
      let orth: number;
      if (m === 1) orth = strings.add(s);
      else if (len === 1) {
        // One-character pieces (punctuation) are interned once per code unit.
        const c = s.charCodeAt(a);
        orth = this.charOrth[c]!;
        if (orth === 0) orth = this.charOrth[c] = strings.add(s[a]!);
      } else orth = strings.add(s.slice(a, a + len));
      this.orthBuf[k] = orth;
      this.lenBuf[k] = len;
      this.push(orth, start + a);
    }
    if (cacheable) cache.insert(h1, h2, key, this.orthBuf, this.lenBuf, m);
  }
}
