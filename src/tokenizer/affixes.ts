/**
 * Prefix and suffix finders: given a chunk range, how many code units to peel off its start or
 * end. Constant work per call (bounded look-around), so peeling stays linear overall.
 */
import type { CompiledRules } from './compile.js';
import { CC, charClass, emojiLength, isAlnumCode, isDigitCode, isFileExt, isLetterCode } from './scanner.js';

/** `.`, `!`, `?` and `…`: runs of these, mixed, are one token (`?!`, `...`, `!!!`). */
function isTerm(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 0x2026;
}

function isApos(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 96;
}

function lc(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/** Whether `s` has `lit` at `i` (short literals; no call into the string builtins). */
function sameAt(s: string, i: number, lit: string): boolean {
  for (let k = 0; k < lit.length; k++) if (s.charCodeAt(i + k) !== lit.charCodeAt(k)) return false;
  return true;
}

/** Decoration characters: mixed runs of these are one token (`---->`, `==----`, `|--+--|`). */
function isDecor(c: number): boolean {
  return c === 45 || c === 61 || c === 42 || c === 126 || c === 43 || c === 124 || c === 60 || c === 62 || c === 123 || c === 125 || c === 94;
}

function runForward(s: string, i: number, end: number): number {
  const c = s.charCodeAt(i);
  let j = i + 1;
  if (isTerm(c)) while (j < end && isTerm(s.charCodeAt(j))) j++;
  else if (isDecor(c)) while (j < end && isDecor(s.charCodeAt(j))) j++;
  else while (j < end && s.charCodeAt(j) === c) j++;
  return j - i;
}

function runBackward(s: string, start: number, end: number): number {
  const c = s.charCodeAt(end - 1);
  let j = end - 2;
  if (isTerm(c)) {
    // "...?" is "..." + "?" in EWT, while ".?" and "?!" stay one token: a run of two or more
    // periods is cut off from the ?/! that follow it.
    while (j >= start && isTerm(s.charCodeAt(j))) {
      if (s.charCodeAt(j) === 46 && j > start && s.charCodeAt(j - 1) === 46 && s.charCodeAt(j + 1) !== 46) break;
      j--;
    }
  } else if (isDecor(c)) while (j >= start && isDecor(s.charCodeAt(j))) j--;
  else while (j >= start && s.charCodeAt(j) === c) j--;
  return end - 1 - j;
}

/** Length of the prefix to peel from `s[p, q)` (0 if none). */
export function prefixLen(s: string, p: number, q: number, R: CompiledRules): number {
  for (const x of R.prefixes) if (q - p > x.length && s.startsWith(x, p)) return x.length;
  const c = s.charCodeAt(p);
  const k = charClass(c);
  if (k & CC.SURROGATE || k & CC.EMOJI) return emojiLength(s, p, q);
  if ((k & CC.PUNCT) === 0) return 0;
  const next = p + 1 < q ? s.charCodeAt(p + 1) : -1;
  // An emoticon followed by punctuation: ":-)." -> ":-)" "."
  const emos = R.emoticonsByFirst.get(c);
  if (emos) for (const e of emos) if (e.length < q - p && !isAlnumCode(s.charCodeAt(p + e.length)) && sameAt(s, p, e)) return e.length;
  switch (c) {
    case 64: // @mention stays whole; '@' before a number is split ("@2.975")
      return next >= 0 && isDigitCode(next) ? 1 : 0;
    case 38: // &
    case 95: // _
    case 37: // %
    case 47: // /
      return 0;
    case 35: // #hashtag stays whole; '#' before a number or punctuation is split
      return next >= 0 && isLetterCode(next) ? 0 : 1;
    case 43: // +1, +44
      return next >= 0 && isDigitCode(next) ? 0 : runForward(s, p, q);
    case 39: // '72, ’73: an apostrophe before a two-digit year stays
    case 0x2019:
      if (next >= 0 && isDigitCode(next) && p + 2 < q && isDigitCode(s.charCodeAt(p + 2))) return 0;
      if (c === 0x2019) break;
      return runForward(s, p, q);
    case 0x2018: // ‘’ as one opening quote
      return next === 0x2019 ? 2 : runForward(s, p, q);
    case 46: {
      // ".5" and file extensions (".doc") stay whole; ".thank" is "." + "thank".
      const n = runForward(s, p, q);
      if (n === 1 && next >= 0) {
        if (isDigitCode(next)) return 0;
        let e = p + 1;
        while (e < q && e - p <= 5 && isAlnumCode(s.charCodeAt(e))) e++;
        if (isFileExt(s, p + 1, e)) return 0;
      }
      return n;
    }
  }
  return runForward(s, p, q);
}

/** Length of the suffix to peel from `s[p, q)` (0 if none). */
export function suffixLen(s: string, p: number, q: number, R: CompiledRules): number {
  const n = q - p;
  for (const x of R.suffixes) if (n > x.length && s.endsWith(x, q)) return x.length;
  const c = s.charCodeAt(q - 1);
  const k = charClass(c);
  if (k & CC.LETTER) {
    if (R.apostropheClitics && n >= 3) {
      // 's 'm 'd
      const a = s.charCodeAt(q - 2);
      const l = lc(c);
      if (isApos(a) && (l === 115 || l === 109 || l === 100) && isLetterCode(s.charCodeAt(q - 3))) return 2;
    }
    if (R.apostropheClitics && n >= 4) {
      // n't 're 've 'll
      const a = s.charCodeAt(q - 3);
      const b = lc(s.charCodeAt(q - 2));
      const l = lc(c);
      const before = s.charCodeAt(q - 4);
      if (isApos(a) && ((b === 114 && l === 101) || (b === 118 && l === 101) || (b === 108 && l === 108)) && isLetterCode(before)) return 3;
      if (lc(a) === 110 && isApos(s.charCodeAt(q - 2)) && l === 116 && isLetterCode(before)) return 3;
    }
    // A unit after a number: 5pm, 35mm, 7:30PM, $3M.
    let r = q - 1;
    const lim = Math.max(p, q - R.maxUnitLen);
    while (r > lim && isLetterCode(s.charCodeAt(r - 1))) r--;
    if (r > p && isDigitCode(s.charCodeAt(r - 1)) && R.units.has(s.slice(r, q))) return q - r;
    return 0;
  }
  if ((k & CC.PUNCT) === 0) return 0;
  // An emoticon glued to a word: "great:)".
  const emos = n > 2 ? R.emoticonsByLast.get(c) : undefined;
  if (emos) {
    for (const e of emos) {
      const m = e.length;
      if (m < n && isAlnumCode(s.charCodeAt(q - m - 1)) && !isAlnumCode(s.charCodeAt(q - m)) && sameAt(s, q - m, e)) return m;
    }
  }
  switch (c) {
    case 35: // 6871082#
    case 64:
    case 38:
    case 95:
      return 0;
    case 47: {
      // "w/", "duties/" split; URLs ending in '/' do not (only letters may precede).
      if (n > 21) return 0;
      for (let j = p; j < q - 1; j++) if (!isLetterCode(s.charCodeAt(j))) return 0;
      return n > 1 ? 1 : 0;
    }
  }
  if (k & CC.CURRENCY) return n > 1 && isDigitCode(s.charCodeAt(q - 2)) ? runBackward(s, p, q) : 0;
  // German GSD writes "!!" as two tokens.
  if (R.splitMarkRuns && (c === 33 || c === 63)) return 1;
  const run = runBackward(s, p, q);
  if (isTerm(c) && run < n) {
    const r0 = q - run;
    // "Inc.." / "T.V.?": the first period belongs to an abbreviation.
    if (run >= 2 && s.charCodeAt(r0) === 46 && R.specials.has(s.slice(p, r0 + 1))) return run - 1;
    // ",?" and ":?" are one token in EWT (but ",..." is two).
    const b = s.charCodeAt(r0 - 1);
    if ((b === 44 || b === 58) && s.charCodeAt(r0) !== 46 && r0 - 1 > p && (charClass(s.charCodeAt(r0 - 2)) & CC.PUNCT) === 0) return run + 1;
  }
  return run;
}
