import { ENGLISH_STOP_WORDS } from './stop-words.js';

/**
 * Lexeme attributes: context-free properties of a word type, computed once per string and stored
 * as bits in one flags word (spaCy's design). {@link Vocab} holds the columns.
 */
export const LexFlag = {
  IS_ALPHA: 1 << 0,
  IS_DIGIT: 1 << 1,
  IS_PUNCT: 1 << 2,
  IS_SPACE: 1 << 3,
  IS_STOP: 1 << 4,
  IS_UPPER: 1 << 5,
  IS_TITLE: 1 << 6,
  IS_LOWER: 1 << 7,
  IS_ASCII: 1 << 8,
  LIKE_NUM: 1 << 9,
  LIKE_URL: 1 << 10,
  LIKE_EMAIL: 1 << 11,
  IS_BRACKET: 1 << 12,
  IS_QUOTE: 1 << 13,
  IS_CURRENCY: 1 << 14,
  IS_LEFT_PUNCT: 1 << 15,
  IS_RIGHT_PUNCT: 1 << 16,
  /** Set once the row has been computed. */
  COMPUTED: 1 << 31,
} as const;

const RE_ALPHA = /^[\p{L}\p{M}]+$/u;
const RE_DIGIT = /^\p{Nd}+$/u;
const RE_PUNCT = /^\p{P}+$/u;
const RE_SPACE = /^\s+$/u;
const RE_ASCII = /^[\x00-\x7f]*$/;
const RE_CURRENCY = /^\p{Sc}+$/u;
const BRACKETS = new Set(['(', ')', '[', ']', '{', '}', '<', '>']);
const QUOTES = new Set(['"', "'", '`', '``', "''", '‘', '’', '“', '”', '„', '«', '»', '‹', '›', '‚', '′', '″']);
const LEFT_PUNCT = new Set(['(', '[', '{', '<', '"', "'", '``', '‘', '“', '«', '‹', '„', '‚']);
const RIGHT_PUNCT = new Set([')', ']', '}', '>', '"', "'", "''", '’', '”', '»', '›']);

const NUM_WORDS = new Set(
  `zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen
eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion trillion
quadrillion gajillion bazillion`.split(/\s+/),
);
const ORDINAL_WORDS = new Set(
  `first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth
sixteenth seventeenth eighteenth nineteenth twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth
ninetieth hundredth thousandth millionth billionth trillionth`.split(/\s+/),
);

/** English number words (cardinals and ordinals), lower case: what `likeNum` knows besides digits. */
export const ENGLISH_NUMBER_WORDS: ReadonlySet<string> = new Set([...NUM_WORDS, ...ORDINAL_WORDS]);

function isAsciiDigits(s: string, from = 0, to = s.length): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * spaCy's `like_num`: digits with separators, fractions, number and ordinal words (English unless
 * `numberWords`, lower case, is given: a language's list), 1st/2nd.
 */
export function likeNum(text: string, numberWords: ReadonlySet<string> = ENGLISH_NUMBER_WORDS): boolean {
  let t = text;
  if (t.length > 1 && '+-±~'.includes(t[0]!)) t = t.slice(1);
  const bare = t.replace(/[,.]/g, '');
  if (isAsciiDigits(bare) || (bare.length > 0 && RE_DIGIT.test(bare))) return true;
  const slash = t.indexOf('/');
  if (slash > 0 && t.indexOf('/', slash + 1) < 0 && isAsciiDigits(t, 0, slash) && isAsciiDigits(t, slash + 1)) return true;
  const lower = t.toLowerCase();
  if (numberWords.has(lower)) return true;
  if (lower.length > 2) {
    const suf = lower.slice(-2);
    if ((suf === 'st' || suf === 'nd' || suf === 'rd' || suf === 'th') && isAsciiDigits(lower, 0, lower.length - 2)) return true;
  }
  return false;
}

const URL_TLDS = new Set(
  `com org net edu gov mil int io co uk us de fr jp cn ru br in it nl es au ca ch se no fi dk pl be at nz info biz
me tv ly gl ai app dev ws`.split(/\s+/),
);

/** spaCy-like `like_url` heuristic: scheme, www., or a dotted host ending in a known TLD. */
export function likeUrl(text: string): boolean {
  if (text.length < 4) return false;
  const lower = text.toLowerCase();
  if (lower.startsWith('http://') || lower.startsWith('https://') || lower.startsWith('www.') || lower.startsWith('ftp://')) return true;
  if (text.includes('@')) return false;
  if (text[0] === '.' || text[text.length - 1] === '.') return false;
  const dot = lower.lastIndexOf('.');
  if (dot < 1) return false;
  let end = lower.length;
  const slash = lower.indexOf('/');
  if (slash > 0) end = slash;
  const hostDot = lower.lastIndexOf('.', end - 1);
  if (hostDot < 1) return false;
  let tld = lower.slice(hostDot + 1, end);
  const colon = tld.indexOf(':');
  if (colon >= 0) tld = tld.slice(0, colon);
  return URL_TLDS.has(tld);
}

/** A linear scan for `local@domain.tld` with no spaces (no backtracking regex). */
export function likeEmail(text: string): boolean {
  const at = text.indexOf('@');
  if (at < 1 || at !== text.lastIndexOf('@')) return false;
  const dot = text.lastIndexOf('.');
  if (dot < at + 2 || dot >= text.length - 2) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 32 || c === 60 || c === 62 || c === 40 || c === 41 || c === 44 || c === 59 || c === 34) return false;
  }
  return true;
}

/** spaCy's word shape: X for upper, x for lower, d for digit, others kept; runs capped at 4. */
export function wordShape(text: string): string {
  if (text.length >= 100) return 'LONG';
  let out = '';
  let last = '';
  let run = 0;
  for (const ch of text) {
    let s: string;
    if (ch >= '0' && ch <= '9') s = 'd';
    else if (RE_ALPHA.test(ch)) s = ch !== ch.toLowerCase() ? 'X' : 'x';
    else if (RE_DIGIT.test(ch)) s = 'd';
    else s = ch;
    if (s === last) run++;
    else {
      run = 0;
      last = s;
    }
    if (run < 4) out += s;
  }
  return out;
}

function isCased(ch: string): boolean {
  return ch.toLowerCase() !== ch.toUpperCase();
}

/** Whether `text` has a cased char and every cased char is upper case (`upper`) or lower case. */
function allCasedIn(text: string, upper: boolean): boolean {
  let cased = false;
  for (const ch of text) {
    if (!isCased(ch)) continue;
    if (ch !== (upper ? ch.toUpperCase() : ch.toLowerCase())) return false;
    cased = true;
  }
  return cased;
}

/** Python's str.isupper: at least one cased char and no lower-case char. */
export function isUpperText(text: string): boolean {
  return allCasedIn(text, true);
}

/** Python's str.islower: at least one cased char and no upper-case char. */
export function isLowerText(text: string): boolean {
  return allCasedIn(text, false);
}

/** Python's str.istitle: upper only after uncased chars, lower only after cased chars. */
export function isTitleText(text: string): boolean {
  let prevCased = false;
  let any = false;
  for (const ch of text) {
    if (isCased(ch)) {
      const upper = ch !== ch.toLowerCase();
      if (upper && prevCased) return false;
      if (!upper && !prevCased) return false;
      prevCased = true;
      any = true;
    } else prevCased = false;
  }
  return any;
}

/** A language's lexeme attribute data (default English): what `isStop` and `likeNum` look up, lower case. */
export interface LexAttrOverrides {
  /** Stop words (`isStop`). */
  readonly stopWords?: ReadonlySet<string>;
  /** Number words (`likeNum`). */
  readonly numberWords?: ReadonlySet<string>;
}

/** Computes the flag bits for one string. */
export function computeFlags(text: string, attrs: LexAttrOverrides = {}): number {
  let f: number = LexFlag.COMPUTED;
  if (text.length === 0) return f;
  if (RE_ALPHA.test(text)) f |= LexFlag.IS_ALPHA;
  if (RE_DIGIT.test(text)) f |= LexFlag.IS_DIGIT;
  if (RE_PUNCT.test(text)) f |= LexFlag.IS_PUNCT;
  if (RE_SPACE.test(text)) f |= LexFlag.IS_SPACE;
  if ((attrs.stopWords ?? ENGLISH_STOP_WORDS).has(text.toLowerCase())) f |= LexFlag.IS_STOP;
  if (isUpperText(text)) f |= LexFlag.IS_UPPER;
  if (isLowerText(text)) f |= LexFlag.IS_LOWER;
  if (isTitleText(text)) f |= LexFlag.IS_TITLE;
  if (RE_ASCII.test(text)) f |= LexFlag.IS_ASCII;
  if (likeNum(text, attrs.numberWords)) f |= LexFlag.LIKE_NUM;
  if (likeUrl(text)) f |= LexFlag.LIKE_URL;
  if (likeEmail(text)) f |= LexFlag.LIKE_EMAIL;
  if (BRACKETS.has(text)) f |= LexFlag.IS_BRACKET;
  if (QUOTES.has(text)) f |= LexFlag.IS_QUOTE;
  if (RE_CURRENCY.test(text)) f |= LexFlag.IS_CURRENCY;
  if (LEFT_PUNCT.has(text)) f |= LexFlag.IS_LEFT_PUNCT;
  if (RIGHT_PUNCT.has(text)) f |= LexFlag.IS_RIGHT_PUNCT;
  return f | 0;
}

/** The code-point-aware prefix (first char) and suffix (last three chars), as spaCy defines them. */
export function affixes(text: string): [prefix: string, suffix: string] {
  const chars = Array.from(text);
  return [chars.slice(0, 1).join(''), chars.slice(-3).join('')];
}
