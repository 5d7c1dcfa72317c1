/**
 * Char-code scanning helpers for the tokenizer: character classes from a lazily filled table,
 * emoji clusters, and whole-token matchers for URLs, e-mail addresses, file names, initialisms and
 * phone numbers. Every matcher is a single forward pass over char codes (no regex, no backtracking),
 * so the tokenizer stays linear on any input.
 */

/** Character class bits (see {@link charClass}). */
export const CC = {
  LETTER: 1,
  DIGIT: 2,
  /** Unicode punctuation or symbol (\p{P} or \p{S}). */
  PUNCT: 4,
  SPACE: 8,
  CURRENCY: 16,
  /** UTF-16 surrogate code unit. */
  SURROGATE: 32,
  /** A BMP emoji (Extended_Pictographic). */
  EMOJI: 64,
  COMPUTED: 128,
} as const;

const RE_LETTER = /[\p{L}\p{M}]/u;
const RE_DIGIT = /\p{Nd}/u;
const RE_PUNCT = /[\p{P}\p{S}]/u;
const RE_CURRENCY = /\p{Sc}/u;
const RE_PICTO = /\p{Extended_Pictographic}/u;

const table = new Uint8Array(65536);

/** Whitespace as Python's `str.isspace` sees it (what spaCy splits on). */
export function isSpaceCode(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x1f) || c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

function computeClass(c: number): number {
  let k = CC.COMPUTED;
  if (c >= 0xd800 && c <= 0xdfff) return k | CC.SURROGATE;
  if (isSpaceCode(c)) return k | CC.SPACE;
  const ch = String.fromCharCode(c);
  if (RE_LETTER.test(ch)) k |= CC.LETTER;
  else if (RE_DIGIT.test(ch)) k |= CC.DIGIT;
  else if (RE_PUNCT.test(ch)) {
    k |= CC.PUNCT;
    if (RE_CURRENCY.test(ch)) k |= CC.CURRENCY;
  }
  // Digits and '#', '*' are Extended_Pictographic only as keycap bases; copyright/registered are
  // too common in running text to split as emoji.
  if (c > 0xff && c !== 0x2122 && RE_PICTO.test(ch)) k |= CC.EMOJI;
  return k;
}

/** The class bits of a UTF-16 code unit (computed once per code unit, then read from a table). */
export function charClass(c: number): number {
  const k = table[c]!;
  if (k !== 0) return k;
  const v = computeClass(c);
  table[c] = v;
  return v;
}

// Fill ASCII eagerly: it is the hot range.
for (let c = 0; c < 128; c++) table[c] = computeClass(c);

/** ASCII letter test. */
export function isAsciiLetter(c: number): boolean {
  return (c | 32) >= 97 && (c | 32) <= 122;
}

/** ASCII digit test. */
export function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Letter (any script, including combining marks). */
export function isLetterCode(c: number): boolean {
  return (charClass(c) & CC.LETTER) !== 0;
}

/** Letter or digit. */
export function isAlnumCode(c: number): boolean {
  return (charClass(c) & (CC.LETTER | CC.DIGIT)) !== 0;
}

function isEmojiModifier(cp: number): boolean {
  return cp === 0xfe0f || cp === 0xfe0e || cp === 0x20e3 || (cp >= 0x1f3fb && cp <= 0x1f3ff) || (cp >= 0xe0020 && cp <= 0xe007f);
}

function isEmojiBase(cp: number): boolean {
  if (cp < 0x10000) return (charClass(cp) & CC.EMOJI) !== 0;
  return (cp >= 0x1f000 && cp <= 0x1faff) || (cp >= 0x1fc00 && cp <= 0x1fffd);
}

function isRegional(cp: number): boolean {
  return cp >= 0x1f1e6 && cp <= 0x1f1ff;
}

/** Code point at `i` when it is a well-formed surrogate pair or a BMP unit (lone surrogates returned as is). */
function cpAt(s: string, i: number, end: number): number {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
  }
  return c;
}

/**
 * Length in code units of the emoji cluster starting at `i` (0 if none): a base with its
 * modifiers (variation selectors, skin tones, tags, keycap) and ZWJ-joined followers, or a
 * regional-indicator pair (a flag).
 */
export function emojiLength(s: string, i: number, end: number): number {
  let cp = cpAt(s, i, end);
  if (isRegional(cp)) {
    const n = cp > 0xffff ? 2 : 1;
    if (i + n < end && isRegional(cpAt(s, i + n, end))) return n * 2;
    return n;
  }
  if (!isEmojiBase(cp)) return 0;
  let j = i + (cp > 0xffff ? 2 : 1);
  for (;;) {
    while (j < end) {
      const m = cpAt(s, j, end);
      if (!isEmojiModifier(m)) break;
      j += m > 0xffff ? 2 : 1;
    }
    if (j + 1 < end && s.charCodeAt(j) === 0x200d) {
      cp = cpAt(s, j + 1, end);
      if (isEmojiBase(cp)) {
        j += 1 + (cp > 0xffff ? 2 : 1);
        continue;
      }
    }
    return j - i;
  }
}

function lower(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/** Whether `s[i..]` starts with the lower-case ASCII `lit`, ignoring case. */
export function startsWithCI(s: string, i: number, end: number, lit: string): boolean {
  if (end - i < lit.length) return false;
  for (let k = 0; k < lit.length; k++) if (lower(s.charCodeAt(i + k)) !== lit.charCodeAt(k)) return false;
  return true;
}

const SCHEMES = ['http://', 'https://', 'ftp://', 'www.', 'mailto:', 'file://', 'sftp://', 'news:'];
const TLDS = new Set(
  'com org net edu gov mil int info biz io co uk us ca de fr au nz in jp cn ru it es nl se no ch br mx ie be at dk fi pl za tv me ly gl ac'.split(' '),
);

/** Whether a URL scheme (or `www.`) starts at `i`. */
export function hasUrlScheme(s: string, i: number, end: number): boolean {
  if (end - i < 6) return false;
  const c = s.charCodeAt(i) | 32;
  // h(ttp), f(tp/ile), w(ww), m(ailto), n(ews), s(ftp)
  if (c !== 104 && c !== 102 && c !== 119 && c !== 109 && c !== 110 && c !== 115) return false;
  for (const sc of SCHEMES) if (startsWithCI(s, i, end, sc) && end - i > sc.length + 1) return true;
  return false;
}

/** A URL: a known scheme or `www.` followed by more characters, or `name.tld/...`. */
export function isUrl(s: string, i: number, end: number): boolean {
  for (const sc of SCHEMES) if (startsWithCI(s, i, end, sc) && end - i > sc.length + 1) return true;
  // host.tld followed by '/' or ':' (a path or a port): "example.com/page".
  let j = i;
  let lastDot = -1;
  while (j < end) {
    const c = s.charCodeAt(j);
    if (c === 46) lastDot = j;
    else if (c === 47 || c === 58) break;
    else if (!(isAsciiLetter(c) || isDigitCode(c) || c === 45)) return false;
    j++;
  }
  if (j >= end || lastDot < 0 || j - lastDot < 3) return false;
  return TLDS.has(s.slice(lastDot + 1, j).toLowerCase());
}

/** An e-mail address: `local@domain.tld` with a letter-only top-level domain. */
export function isEmail(s: string, i: number, end: number): boolean {
  let at = -1;
  for (let j = i; j < end; j++) {
    const c = s.charCodeAt(j);
    if (c === 64) {
      if (at >= 0) return false;
      at = j;
    } else if (!(isAlnumCode(c) || c === 46 || c === 95 || c === 45 || c === 43 || c === 37 || c === 39)) return false;
  }
  if (at <= i || at >= end - 3) return false;
  let dot = -1;
  for (let j = at + 1; j < end; j++) if (s.charCodeAt(j) === 46) dot = j;
  if (dot < at + 2 || dot >= end - 2) return false;
  for (let j = dot + 1; j < end; j++) if (!isAsciiLetter(s.charCodeAt(j))) return false;
  return true;
}

const FILE_EXTS = new Set(
  'doc docx xls xlsx ppt pptx pdf txt htm html xml csv zip gz tar jpg jpeg gif png bmp mp3 mp4 wav avi mov exe dll url rtf dat log msg ics vcf js css json'.split(' '),
);

/** Whether `s[i, end)` is a known file extension (`doc`, `xls`, `pdf`...). */
export function isFileExt(s: string, i: number, end: number): boolean {
  return end - i >= 2 && end - i <= 4 && FILE_EXTS.has(s.slice(i, end).toLowerCase());
}

/** A file name: word characters then `.ext` with a known extension (`report_v2.doc`). */
export function isFileName(s: string, i: number, end: number): boolean {
  let dot = -1;
  for (let j = end - 1; j > i && end - j <= 6; j--) {
    if (s.charCodeAt(j) === 46) {
      dot = j;
      break;
    }
  }
  if (dot < 0 || end - dot > 6 || end - dot < 3) return false;
  if (!FILE_EXTS.has(s.slice(dot + 1, end).toLowerCase())) return false;
  for (let j = i; j < dot; j++) {
    const c = s.charCodeAt(j);
    if (isSpaceCode(c) || c === 40 || c === 41 || c === 60 || c === 62 || c === 34 || c === 44 || c === 59) return false;
  }
  return true;
}

/**
 * Initialisms kept whole: letters joined by single periods, ending in a period or a letter
 * (`U.S.`, `U.S.A`, `a.k.a.`, `p.m`), or one upper-case letter and a period (`W.`).
 */
export function isInitialism(s: string, i: number, end: number): boolean {
  const n = end - i;
  if (n < 2 || n > 16) return false;
  if (n === 2) {
    const c = s.charCodeAt(i);
    return c >= 65 && c <= 90 && s.charCodeAt(i + 1) === 46;
  }
  let dots = 0;
  for (let j = i; j < end; j++) {
    const c = s.charCodeAt(j);
    const even = (j - i) % 2 === 0;
    if (even ? !isAsciiLetter(c) : c !== 46) return false;
    if (!even) dots++;
  }
  return dots >= 1;
}

/**
 * A phone-like number kept whole: digit groups joined by hyphens that do not read as a range.
 * Three or more groups (`713-853-3989`), a short area part and a long line part (`345-9945`),
 * a ZIP+4 (`77042-2016`) or a descending pair (`600-480`) stay whole; ranges such as `5-10`,
 * `400-500` and `1969-1970` do not.
 */
export function isPhone(s: string, i: number, end: number): boolean {
  let j = i;
  let groups = 0;
  let first = 0;
  let last = 0;
  let firstVal = 0;
  let lastVal = 0;
  while (j < end) {
    const g = j;
    let v = 0;
    while (j < end && isDigitCode(s.charCodeAt(j))) {
      if (j - g < 9) v = v * 10 + s.charCodeAt(j) - 48;
      j++;
    }
    const len = j - g;
    if (len === 0) return false;
    if (groups === 0) {
      first = len;
      firstVal = v;
    }
    last = len;
    lastVal = v;
    groups++;
    if (j < end) {
      if (s.charCodeAt(j) !== 45) return false;
      j++;
      if (j >= end) return false;
    }
  }
  if (groups >= 3) return true;
  if (groups !== 2) return false;
  return (last >= 4 && first <= 3) || first >= 5 || (first === last && firstVal > lastVal);
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * Whether the space at `at` (inside the chunk begun at `start`) joins two digit groups of one
 * number (`80 000`, French GSD): one to three digits before it that no letter, digit, `.` or `,`
 * precedes, exactly three digits after it. Constant work per space: no backtracking.
 */
export function spacedNumberJoin(text: string, start: number, at: number): boolean {
  const s = text.charCodeAt(at);
  if (s !== 32 && s !== 0xa0 && s !== 0x202f) return false;
  let d = at;
  while (d > start && at - d < 4 && isDigit(text.charCodeAt(d - 1))) d--;
  const run = at - d;
  if (run === 0 || run > 3) return false;
  if (d > start) {
    const p = text.charCodeAt(d - 1);
    if (isDigit(p) || p === 46 || p === 44 || (p | 32) - 97 < 26 && (p | 32) >= 97 || p > 0x7f) return false;
  }
  if (at + 4 > text.length) return false;
  for (let k = 1; k <= 3; k++) if (!isDigit(text.charCodeAt(at + k))) return false;
  return at + 4 === text.length || !isDigit(text.charCodeAt(at + 4));
}
