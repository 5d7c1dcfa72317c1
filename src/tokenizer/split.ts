/**
 * The per-chunk algorithm (spaCy's `_split_affixes` + `_attach_tokens`): on one whitespace-free
 * chunk, check special cases and whole-token matches, peel prefixes and suffixes (re-checking
 * special cases after each peel), then match URLs/e-mails/file names on what is left, else split
 * it at infixes. Output is a list of (start, length, rule) pieces covering the chunk exactly.
 */
import { grow } from '../util/typed.js';
import { prefixLen, suffixLen } from './affixes.js';
import type { CompiledRules } from './compile.js';
import { CC, charClass, emojiLength, hasUrlScheme, isDigitCode, isEmail, isFileName, isInitialism, isLetterCode, isPhone, isUrl } from './scanner.js';

/** Which rule produced a piece (see {@link RULE_NAMES}). SPECIAL pieces add their 0-based index. */
export const Rule = { TOKEN: 0, PREFIX: 1, SUFFIX: 2, INFIX: 3, TOKEN_MATCH: 4, URL_MATCH: 5, SPECIAL: 16 } as const;

/** spaCy's `explain()` names, indexed by {@link Rule} code below SPECIAL. */
export const RULE_NAMES = ['TOKEN', 'PREFIX', 'SUFFIX', 'INFIX', 'TOKEN_MATCH', 'URL_MATCH'] as const;

/** Scratch output of {@link splitChunk}: parallel columns of `n` pieces. */
export class Pieces {
  start = new Int32Array(64);
  len = new Int32Array(64);
  rule = new Uint8Array(64);
  n = 0;
  /** Appends a piece. */
  push(start: number, len: number, rule: number): void {
    const i = this.n;
    if (i >= this.start.length) {
      this.start = grow(this.start, i + 1);
      this.len = grow(this.len, i + 1);
      this.rule = grow(this.rule, i + 1);
    }
    this.start[i] = start;
    this.len[i] = len;
    this.rule[i] = rule;
    this.n = i + 1;
  }
}

function special(s: string, p: number, q: number, R: CompiledRules, atEnd: boolean): readonly string[] | undefined {
  if (q - p > R.maxSpecialLen) return undefined;
  const key = p === 0 && q === s.length ? s : s.slice(p, q);
  const v = R.specials.get(key);
  if (v && atEnd && R.endSplit.has(key)) return undefined;
  return v;
}

function tokenMatch(s: string, p: number, q: number, R: CompiledRules, atEnd: boolean): boolean {
  const n = q - p;
  if (n <= R.maxEmoticonLen && n >= 2 && R.emoticonsByFirst.has(s.charCodeAt(p)) && R.emoticons.has(s.slice(p, q))) return true;
  if (R.ordinalPeriod && n >= 2 && n <= 4 && !atEnd && isOrdinal(s, p, q)) return true;
  return isInitialism(s, p, q) && !(atEnd && s.charCodeAt(q - 1) === 46);
}

/** One to three digits and a period (German `13.`). */
function isOrdinal(s: string, p: number, q: number): boolean {
  if (s.charCodeAt(q - 1) !== 46) return false;
  for (let j = p; j < q - 1; j++) if (!isDigitCode(s.charCodeAt(j))) return false;
  return true;
}

let sufStart = new Int32Array(32);
let sufLen = new Int32Array(32);

/**
 * Splits the chunk `s` into pieces. `isLast` marks the final chunk of a text, where an
 * abbreviation's period is sentence punctuation (EWT splits `etc.` there).
 */
export function splitChunk(s: string, R: CompiledRules, isLast: boolean, out: Pieces): void {
  out.n = 0;
  let p = 0;
  let q = s.length;
  let nSuf = 0;
  let core: readonly string[] | undefined;
  let matched = false;
  const pushSuf = (start: number, len: number) => {
    if (nSuf >= sufStart.length) {
      sufStart = grow(sufStart, nSuf + 1);
      sufLen = grow(sufLen, nSuf + 1);
    }
    sufStart[nSuf] = start;
    sufLen[nSuf++] = len;
  };
  const end = s.length;
  while (p < q) {
    if ((core = special(s, p, q, R, isLast && q === end))) break;
    if ((matched = tokenMatch(s, p, q, R, isLast && q === end))) break;
    const pre = prefixLen(s, p, q, R);
    if (pre > 0 && p + pre < q && (core = special(s, p + pre, q, R, isLast && q === end))) {
      out.push(p, pre, Rule.PREFIX);
      p += pre;
      break;
    }
    const suf = p + pre < q ? suffixLen(s, p + pre, q, R) : 0;
    if (suf > 0 && q - suf > p + pre && (core = special(s, p + pre, q - suf, R, false))) {
      if (pre > 0) out.push(p, pre, Rule.PREFIX);
      p += pre;
      pushSuf(q - suf, suf);
      q -= suf;
      break;
    }
    if (pre === 0 && suf === 0) break;
    if (pre > 0) {
      out.push(p, pre, Rule.PREFIX);
      p += pre;
    }
    if (suf > 0) {
      pushSuf(q - suf, suf);
      q -= suf;
    }
  }
  if (p < q) {
    if (core) {
      let at = p;
      for (let k = 0; k < core.length; k++) {
        const len = core[k]!.length;
        out.push(at, len, Rule.SPECIAL + Math.min(k, 200));
        at += len;
      }
    } else if (matched) out.push(p, q - p, Rule.TOKEN_MATCH);
    else if (isUrl(s, p, q) || isEmail(s, p, q) || isFileName(s, p, q)) out.push(p, q - p, Rule.URL_MATCH);
    else splitInfixes(s, p, q, R, out);
  }
  for (let k = nSuf - 1; k >= 0; k--) out.push(sufStart[k]!, sufLen[k]!, Rule.SUFFIX);
}

function isInfixSplitter(c: number): boolean {
  // ; ( ) [ ] { } " ! ? < > | and typographic double quotes / brackets.
  return c === 59 || c === 40 || c === 41 || c === 91 || c === 93 || c === 123 || c === 125 || c === 34 || c === 33 || c === 63 || c === 60 || c === 62 || c === 124 || c === 0x201c || c === 0x201d || c === 0x2026 || c === 0xab || c === 0xbb;
}

function letterRunBack(s: string, from: number, lo: number): number {
  let j = from;
  while (j > lo && isLetterCode(s.charCodeAt(j - 1))) j--;
  return j;
}

function letterRunFwd(s: string, from: number, hi: number): number {
  let j = from;
  while (j < hi && isLetterCode(s.charCodeAt(j))) j++;
  return j;
}

function countCode(s: string, p: number, q: number, code: number): number {
  let n = 0;
  for (let j = p; j < q; j++) if (s.charCodeAt(j) === code) n++;
  return n;
}

/** Splits `s[p, q)` at infixes: hyphens between words (unless a listed prefix), dashes, slashes, commas, ellipses, brackets, emoji. */
function splitInfixes(s: string, p: number, q: number, R: CompiledRules, out: Pieces): void {
  let from = p;
  let slashes = -1;
  let phone = false;
  let phoneHi = -1;
  // Index of the last '@': after a cut, the rest may be an e-mail ("Julie"<julie@x.com>).
  let lastAt = -1;
  for (let j = q - 1; j >= p; j--) if (s.charCodeAt(j) === 64) {
    lastAt = j;
    break;
  }
  const cut = (a: number, b: number) => {
    if (a > from) out.push(from, a - from, Rule.TOKEN);
    out.push(a, b - a, Rule.INFIX);
    from = b;
  };
  const restIsAddress = () => hasUrlScheme(s, from, q) || (from < lastAt && q - from <= 256 && isEmail(s, from, q));
  let j = p;
  while (j < q) {
    const c = s.charCodeAt(j);
    if (R.infixes.length) {
      let hit = 0;
      for (const x of R.infixes) if (s.startsWith(x, j)) {
        hit = x.length;
        break;
      }
      if (hit) {
        cut(j, j + hit);
        j += hit;
        continue;
      }
    }
    if (c < 128) {
      if (c >= 48 && c <= 57) {
        j++;
        continue;
      }
      if ((c | 32) >= 97 && (c | 32) <= 122) {
        j++;
        continue;
      }
    }
    const prev = j > p ? s.charCodeAt(j - 1) : -1;
    const next = j + 1 < q ? s.charCodeAt(j + 1) : -1;
    if (c === 45) {
      let k = j + 1;
      while (k < q && s.charCodeAt(k) === 45) k++;
      if (k - j >= 2) {
        if (j > p || k < q) cut(j, k);
        j = k;
        continue;
      }
      if (j === from || k === q) {
        j = k;
        continue;
      }
      const pl = isLetterCode(prev);
      const nl = isLetterCode(next);
      let keep = false;
      // Languages that keep hyphenated words and number ranges whole (de, fr, es, pt, nl, it).
      if (!R.splitHyphens && (pl || isDigitCode(prev)) && (nl || isDigitCode(next))) keep = true;
      else if (pl) {
        const left = s.slice(letterRunBack(s, j - 1, from), j).toLowerCase();
        keep = R.hyphenPrefixes.has(left);
        if (!keep && nl) keep = R.hyphenSuffixes.has(s.slice(j + 1, letterRunFwd(s, j + 1, q)).toLowerCase());
      } else if (isDigitCode(prev) && isDigitCode(next)) {
        if (j >= phoneHi) {
          // Decide once per run of digits and hyphens (linear even on "1-1-1-...").
          let lo = j;
          while (lo > from && (isDigitCode(s.charCodeAt(lo - 1)) || s.charCodeAt(lo - 1) === 45)) lo--;
          let hi = j;
          while (hi < q && (isDigitCode(s.charCodeAt(hi)) || s.charCodeAt(hi) === 45)) hi++;
          phoneHi = hi;
          phone = isPhone(s, lo, hi);
        }
        keep = phone;
      }
      if (!keep) cut(j, k);
      j = k;
      continue;
    }
    if (c === 0x2013 || c === 0x2014 || c === 0x2015) {
      let k = j + 1;
      while (k < q && s.charCodeAt(k) === c) k++;
      cut(j, k);
      j = k;
      continue;
    }
    if (c === 47) {
      if (slashes < 0) slashes = countCode(s, p, q, 47);
      let keep = false;
      if (isLetterCode(prev) && isLetterCode(next)) {
        keep = slashes === 1 && letterRunBack(s, j - 1, from) === j - 1 && letterRunFwd(s, j + 1, q) === j + 2;
      } else if (isDigitCode(prev) && isDigitCode(next)) {
        const oneLeft = j - 1 === p || !isDigitCode(s.charCodeAt(j - 2));
        const oneRight = j + 2 >= q || !isDigitCode(s.charCodeAt(j + 2));
        keep = !(slashes === 1 && oneLeft && oneRight);
      }
      if (!keep && j + 1 < q && (j > from || !isDigitCode(next))) cut(j, j + 1);
      j++;
      continue;
    }
    if (c === 44 || c === 58) {
      if (!(isDigitCode(prev) && isDigitCode(next)) && j > from && j + 1 < q) cut(j, j + 1);
      j++;
      continue;
    }
    if (c === 46) {
      let k = j + 1;
      while (k < q && s.charCodeAt(k) === 46) k++;
      if (k - j >= 2 && (j > p || k < q)) cut(j, k);
      j = k;
      continue;
    }
    if (isInfixSplitter(c)) {
      let k = j + 1;
      while (k < q && s.charCodeAt(k) === c) k++;
      cut(j, k);
      j = k;
      if (restIsAddress()) {
        out.push(from, q - from, Rule.URL_MATCH);
        return;
      }
      continue;
    }
    const cls = charClass(c);
    if (cls & (CC.SURROGATE | CC.EMOJI)) {
      const e = emojiLength(s, j, q);
      if (e > 0) {
        cut(j, j + e);
        j += e;
        continue;
      }
    } else if (cls & CC.CURRENCY) {
      if (isDigitCode(next)) {
        // "US$4.5" -> "US$" "4.5"; "-$20" -> "-" "$" "20"
        if (j > from) {
          out.push(from, j + 1 - from, Rule.TOKEN);
          from = j + 1;
        } else cut(j, j + 1);
      } else if (isDigitCode(prev)) cut(j, j + 1);
    }
    j++;
  }
  if (from < q) out.push(from, q - from, from > p && (hasUrlScheme(s, from, q) || (from < lastAt && isEmail(s, from, q))) ? Rule.URL_MATCH : Rule.TOKEN);
}
