/**
 * Text analyzers shared by the vectorizers: text -> stream of terms, with scikit-learn's exact
 * semantics (lowercase the whole document, `(?u)\b\w\w+\b` tokens, stop words removed before word
 * n-grams joined by one space, `char` n-grams over whitespace-collapsed text, `char_wb` n-grams of
 * space-padded words). The default token pattern is a linear scanner, not a regex.
 */
import { ArgumentError, ConfigError } from '../core/errors.js';
import { SKLEARN_ENGLISH_STOP_WORDS } from './stop-words.js';
import { languageWords } from './language-analyzer.js';
import { ANALYZER_DEFAULTS, ANALYZER_SCHEMA, checkOptions, type AnalyzerKind } from './options.js';

/** Anything with `makeDoc(text)` returning a Doc-like object (a textloom pipeline). */
export interface DocMaker {
  makeDoc(text: string): { readonly length: number; tokenText(i: number): string };
}

/** A custom analyzer: text in, terms out (used as is, like a callable `analyzer` in scikit-learn). */
export type AnalyzerFn = (text: string) => Iterable<string>;

export type { AnalyzerKind } from './options.js';

/** Options shared by CountVectorizer, TfidfVectorizer and HashingVectorizer for turning text into terms. */
export interface AnalyzerOptions {
  /**
   * `'word'` (default), `'char'`, `'char_wb'`, a textloom pipeline (its token texts become the
   * words, then lowercase, stop words and word n-grams apply) or a function (its output is used as is).
   */
  analyzer?: AnalyzerKind | DocMaker | AnalyzerFn;
  /** Lowercase the text before tokenizing (default true). */
  lowercase?: boolean;
  /**
   * Word token pattern (default scikit-learn's `(?u)\b\w\w+\b`, run as a scanner over Unicode
   * letters, numbers and `_`). Another pattern is compiled as a JavaScript RegExp (`(?u)` dropped);
   * with one capture group, the group is the token (as Python's `findall`).
   */
  tokenPattern?: string | RegExp;
  /** `'english'` (scikit-learn's 318-word list), a list of words, or null (default). Word analyzers only. */
  stopWords?: 'english' | Iterable<string> | null;
  /** `[minN, maxN]` n-gram sizes, words or characters (default [1, 1]). */
  ngramRange?: readonly [number, number];
  /**
   * Words of this language (`de`, `fr`, `es`, `pt`, `nl`, `it`, `en`, `zh`, `ja`, `xx`) instead
   * of the token pattern: the language's tokenizer, punctuation dropped, its stop words (unless
   * `stopWords` is given; `null` keeps every word), and the Snowball stem of each lower-cased word
   * (zh, ja and xx keep the word). Word analyzer only; default null (scikit-learn's analyzer).
   */
  language?: string | null;
}

/** Receives one term. */
export type TermSink = (term: string) => void;

/** A compiled analyzer: calls `emit` for each term of `text`, in order. */
export type CompiledAnalyzer = (text: string, emit: TermSink) => void;

export { ANALYZER_DEFAULTS };

// ---- character classes (Python's definitions) ----

// 0 = unknown, 1 = word char, 2 = not. Filled lazily for the BMP.
const WORD_CACHE = new Uint8Array(65536);
const WORD_RE = /^[\p{L}\p{N}_]$/u;
for (let c = 0; c < 128; c++) {
  const w = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
  WORD_CACHE[c] = w ? 1 : 2;
}

/** Python's `\w` for a code point: Unicode letters (L*), numbers (N*) and `_`. */
export function isWordCodePoint(cp: number): boolean {
  if (cp < 65536) {
    let v = WORD_CACHE[cp]!;
    if (v === 0) {
      v = WORD_RE.test(String.fromCharCode(cp)) ? 1 : 2;
      WORD_CACHE[cp] = v;
    }
    return v === 1;
  }
  return WORD_RE.test(String.fromCodePoint(cp));
}

/** Python's `str.isspace` (also its regex `\s` and `str.split()` separators). */
export function isPySpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13) || (c >= 28 && c <= 31);
  if (c < 133) return false;
  return c === 133 || c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

/**
 * Scans maximal runs of word characters of at least `minLen` code points (the matches of
 * `\b\w{minLen,}\b`), calling `emit(start, end)` with UTF-16 offsets. Linear time.
 */
export function scanWordRuns(text: string, minLen: number, emit: (start: number, end: number) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    // Fast skip over ASCII non-word characters.
    if (c < 128 && WORD_CACHE[c] === 2) {
      i++;
      continue;
    }
    let w = 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
        w = 2;
      }
    }
    if (!isWordCodePoint(c)) {
      i += w;
      continue;
    }
    const start = i;
    let len = 0;
    while (i < n) {
      let cp = text.charCodeAt(i);
      let cw = 1;
      if (cp < 128) {
        if (WORD_CACHE[cp] !== 1) break;
      } else {
        if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < n) {
          const d = text.charCodeAt(i + 1);
          if (d >= 0xdc00 && d <= 0xdfff) {
            cp = ((cp - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
            cw = 2;
          }
        }
        if (!isWordCodePoint(cp)) break;
      }
      i += cw;
      len++;
    }
    if (len >= minLen) emit(start, i);
  }
}

/**
 * {@link scanWordRuns} that also hashes each run (FNV-1a over its UTF-16 units, as `fnv1a32`
 * in util/hash.ts) in the same pass: `emit(start, end, hash)`.
 */
export function scanWordRunsHashed(text: string, minLen: number, emit: (start: number, end: number, hash: number) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const start = i;
    let h = 0x811c9dc5;
    let len = 0;
    while (i < n) {
      const u = text.charCodeAt(i);
      if (u < 128) {
        if (WORD_CACHE[u] !== 1) break;
        h = Math.imul(h ^ u, 0x01000193);
        i++;
      } else {
        let cp = u;
        let w = 1;
        let d = 0;
        if (u >= 0xd800 && u <= 0xdbff && i + 1 < n) {
          d = text.charCodeAt(i + 1);
          if (d >= 0xdc00 && d <= 0xdfff) {
            cp = ((u - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
            w = 2;
          }
        }
        if (!isWordCodePoint(cp)) break;
        h = Math.imul(h ^ u, 0x01000193);
        if (w === 2) h = Math.imul(h ^ d, 0x01000193);
        i += w;
      }
      len++;
    }
    if (len === 0) {
      // Not a word character: skip it (both units of a surrogate pair).
      const u = text.charCodeAt(i);
      i += u >= 0xd800 && u <= 0xdbff && i + 1 < n && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
      continue;
    }
    if (len >= minLen) emit(start, i, h >>> 0);
  }
}

const HAS_SURROGATE = /[\uD800-\uDFFF]/;

// Python's `\s\s+` -> ' ' (a lone whitespace character is kept as it is).
function collapseWhitespace(text: string): string {
  let out = '';
  let last = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (isPySpace(text.charCodeAt(i))) {
      let j = i + 1;
      while (j < n && isPySpace(text.charCodeAt(j))) j++;
      if (j - i >= 2) {
        out += text.slice(last, i) + ' ';
        last = j;
      }
      i = j;
    } else i++;
  }
  return last === 0 ? text : out + text.slice(last);
}

// Python's str.split(): words between runs of whitespace.
function splitWhitespace(text: string): string[] {
  const out: string[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && isPySpace(text.charCodeAt(i))) i++;
    if (i >= n) break;
    const s = i;
    while (i < n && !isPySpace(text.charCodeAt(i))) i++;
    out.push(text.slice(s, i));
  }
  return out;
}

// Code-point-indexed view of a string: units when there are no surrogates.
function codePoints(s: string): string | string[] {
  return HAS_SURROGATE.test(s) ? Array.from(s) : s;
}

function sliceCp(s: string | string[], a: number, b: number): string {
  return typeof s === 'string' ? s.slice(a, b) : s.slice(a, b).join('');
}

/** scikit-learn's `_char_ngrams`: n-grams of the whitespace-collapsed text. */
export function charNgrams(text: string, minN: number, maxN: number, emit: TermSink): void {
  const s = codePoints(collapseWhitespace(text));
  const len = s.length;
  let lo = minN;
  if (minN === 1) {
    for (let i = 0; i < len; i++) emit(typeof s === 'string' ? s[i]! : s[i]!);
    lo = 2;
  }
  for (let n = lo; n <= Math.min(maxN, len); n++) for (let i = 0; i + n <= len; i++) emit(sliceCp(s, i, i + n));
}

/** scikit-learn's `_char_wb_ngrams`: n-grams inside each space-padded word. */
export function charWbNgrams(text: string, minN: number, maxN: number, emit: TermSink): void {
  for (const word of splitWhitespace(collapseWhitespace(text))) {
    const w = codePoints(' ' + word + ' ');
    const wLen = w.length;
    for (let n = minN; n <= maxN; n++) {
      let offset = 0;
      emit(sliceCp(w, offset, offset + n));
      while (offset + n < wLen) {
        offset++;
        emit(sliceCp(w, offset, offset + n));
      }
      if (offset === 0) break; // a short word (wLen <= n) counts once
    }
  }
}

/** Resolves a stop-word option to a set (or null). */
export function resolveStopWords(stop: AnalyzerOptions['stopWords']): ReadonlySet<string> | null {
  if (stop === null || stop === undefined) return null;
  if (stop === 'english') return SKLEARN_ENGLISH_STOP_WORDS;
  if (typeof stop === 'string') throw new ConfigError(`not a built-in stop list: ${JSON.stringify(stop)} (use "english" or a list)`, { key: 'stopWords' });
  return new Set(stop);
}

/** Validates an n-gram range. */
export function checkNgramRange(r: readonly [number, number] | undefined): [number, number] {
  const [a, b] = r ?? ANALYZER_DEFAULTS.ngramRange;
  if (!Number.isInteger(a) || !Number.isInteger(b) || a < 1 || b < a) {
    throw new ConfigError(`ngramRange must be [minN, maxN] with integers 1 <= minN <= maxN, got ${JSON.stringify(r)}`, { key: 'ngramRange' });
  }
  return [a, b];
}

/**
 * When the options describe scikit-learn's default word analyzer with unigrams (any lowercase and
 * stop words), returns what a caller needs to run it on text ranges without building strings:
 * scan `lowercase ? text.toLowerCase() : text` with `scanWordRuns(s, 2, ...)` and drop stop words.
 * Otherwise null.
 */
export function fastWordPath(options: AnalyzerOptions): { lowercase: boolean; stopWords: ReadonlySet<string> | null } | null {
  const kind = options.analyzer ?? ANALYZER_DEFAULTS.analyzer;
  if (kind !== 'word' || (options.language ?? null) !== null) return null;
  const [minN, maxN] = checkNgramRange(options.ngramRange);
  if (minN !== 1 || maxN !== 1) return null;
  if (!isDefaultPattern(options.tokenPattern ?? ANALYZER_DEFAULTS.tokenPattern)) return null;
  return { lowercase: options.lowercase ?? ANALYZER_DEFAULTS.lowercase, stopWords: resolveStopWords(options.stopWords) };
}

function isDefaultPattern(p: string | RegExp): boolean {
  if (p instanceof RegExp) return false;
  return p === ANALYZER_DEFAULTS.tokenPattern || p === '\\b\\w\\w+\\b';
}

function compilePattern(p: string | RegExp): RegExp {
  if (p instanceof RegExp) return new RegExp(p.source, p.flags.includes('g') ? p.flags : p.flags + 'g');
  const src = p.startsWith('(?u)') ? p.slice(4) : p;
  try {
    return new RegExp(src, 'gu');
  } catch (e) {
    throw new ConfigError(`invalid tokenPattern: ${(e as Error).message}`, { key: 'tokenPattern' });
  }
}

// Emits word n-grams (sklearn's _word_ngrams) over tokens already filtered by stop words.
function wordNgrams(tokens: string[], minN: number, maxN: number, emit: TermSink): void {
  const n = tokens.length;
  let lo = minN;
  if (minN === 1) {
    for (let i = 0; i < n; i++) emit(tokens[i]!);
    lo = 2;
  }
  for (let k = lo; k <= Math.min(maxN, n); k++) {
    for (let i = 0; i + k <= n; i++) {
      let s = tokens[i]!;
      for (let j = 1; j < k; j++) s += ' ' + tokens[i + j]!;
      emit(s);
    }
  }
}

// A pipeline is callable too, so test for makeDoc before treating a function as an analyzer.
function isDocMaker(a: unknown): a is DocMaker {
  return (typeof a === 'object' || typeof a === 'function') && a !== null && typeof (a as DocMaker).makeDoc === 'function';
}

/**
 * Compiles analyzer options into a function `(text, emit)` calling `emit` once per term.
 * @example
 * const an = buildAnalyzer({ stopWords: 'english', ngramRange: [1, 2] });
 * an('The quick fox', (t) => console.log(t)); // quick, fox, quick fox
 */
export function buildAnalyzer(options: AnalyzerOptions = {}): CompiledAnalyzer {
  const kind = options.analyzer ?? ANALYZER_DEFAULTS.analyzer;
  const lowercase = options.lowercase ?? ANALYZER_DEFAULTS.lowercase;
  const [minN, maxN] = checkNgramRange(options.ngramRange);
  const language = options.language ?? null;
  if (language !== null) {
    if (kind !== 'word') throw new ConfigError(`language works with the word analyzer, not ${typeof kind === 'string' ? JSON.stringify(kind) : 'a custom one'}`, { key: 'language' });
    if (options.tokenPattern !== undefined) throw new ConfigError('language tokenizes with the language\'s tokenizer: leave tokenPattern unset', { key: 'tokenPattern' });
    if (!lowercase) throw new ConfigError('language stems lower-cased words: lowercase must stay true', { key: 'lowercase' });
    const words = languageWords(language, options.stopWords === undefined ? undefined : resolveStopWords(options.stopWords));
    const tokens: string[] = [];
    const push = (t: string) => void tokens.push(t);
    return (text, emit) => {
      words(text, push);
      if (minN === 1 && maxN === 1) for (const t of tokens) emit(t);
      else wordNgrams(tokens, minN, maxN, emit);
      tokens.length = 0;
    };
  }
  if (typeof kind === 'function' && !isDocMaker(kind)) {
    return (text, emit) => {
      const out = kind(text);
      if (out === null || typeof out !== 'object' || typeof (out as Iterable<string>)[Symbol.iterator] !== 'function') {
        throw new ArgumentError('a custom analyzer must return an iterable of strings', { key: 'analyzer' });
      }
      for (const t of out) emit(String(t));
    };
  }
  if (kind === 'char' || kind === 'char_wb') {
    const gen = kind === 'char' ? charNgrams : charWbNgrams;
    return (text, emit) => gen(lowercase ? text.toLowerCase() : text, minN, maxN, emit);
  }
  const stop = resolveStopWords(options.stopWords);
  const simple = minN === 1 && maxN === 1;
  // Collects tokens of one document when stop words or n-grams need the whole list.
  const tokens: string[] = [];
  const finish = (emit: TermSink): void => {
    if (simple) for (const t of tokens) emit(t);
    else wordNgrams(tokens, minN, maxN, emit);
    tokens.length = 0;
  };
  const push = stop ? (t: string) => void (stop.has(t) || tokens.push(t)) : (t: string) => void tokens.push(t);
  if (isDocMaker(kind)) {
    return (text, emit) => {
      const doc = kind.makeDoc(text);
      for (let i = 0; i < doc.length; i++) {
        const t = doc.tokenText(i);
        push(lowercase ? t.toLowerCase() : t);
      }
      finish(emit);
    };
  }
  if (kind !== 'word') throw new ConfigError(`unknown analyzer ${JSON.stringify(kind)} (word, char, char_wb, a pipeline or a function)`, { key: 'analyzer' });
  const pattern = options.tokenPattern ?? ANALYZER_DEFAULTS.tokenPattern;
  if (isDefaultPattern(pattern)) {
    if (simple && !stop) {
      // Hot path: straight from the scanner to the sink.
      return (text, emit) => {
        const s = lowercase ? text.toLowerCase() : text;
        scanWordRuns(s, 2, (a, b) => emit(s.slice(a, b)));
      };
    }
    return (text, emit) => {
      const s = lowercase ? text.toLowerCase() : text;
      scanWordRuns(s, 2, (a, b) => push(s.slice(a, b)));
      finish(emit);
    };
  }
  const re = compilePattern(pattern);
  const groups = new RegExp(`${re.source}|`, re.flags.replace('g', '')).exec('')!.length - 1;
  if (groups > 1) throw new ConfigError('tokenPattern must have at most one capture group', { key: 'tokenPattern' });
  return (text, emit) => {
    const s = lowercase ? text.toLowerCase() : text;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(s)) !== null) {
      if (m[0].length === 0) re.lastIndex++;
      push(groups === 1 ? (m[1] ?? '') : m[0]);
    }
    finish(emit);
  };
}

/**
 * The terms of one text, as scikit-learn's `build_analyzer()(text)` returns them.
 * @example analyze('This is a text document to analyze.'); // ['this', 'is', 'text', 'document', 'to', 'analyze']
 */
export function analyze(text: string, options: AnalyzerOptions = {}): string[] {
  checkOptions(options, ANALYZER_SCHEMA);
  const out: string[] = [];
  buildAnalyzer(options)(text, (t) => out.push(t));
  return out;
}
