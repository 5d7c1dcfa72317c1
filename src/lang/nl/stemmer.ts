/**
 * The Snowball Dutch stemmer (Porter's algorithm), written from the published algorithm
 * description (snowballstem.org/algorithms/dutch/stemmer.html, as released in Snowball 2.2).
 * Expects lower case; returns the stem. Diaereses and acute accents are folded.
 */
import { grouping, inGrouping, letterMap, mapLetter } from '../snowball/grouping.js';
import { regionAfter } from '../snowball/regions.js';
import { SuffixTable } from '../snowball/suffix-table.js';
import { SnowballWord } from '../snowball/word.js';

const V = grouping('aeiouyè');
const C_E = 0x65, C_I = 0x69, C_Y = 0x79, C_UPPER_I = 0x49, C_J = 0x6a, C_C = 0x63;

const STEP1 = new SuffixTable([['heden'], ['en', 'ene'], ['s', 'se']]);
const STEP3B = new SuffixTable([['end', 'ing'], ['ig'], ['lijk'], ['baar'], ['bar']]);
// Folded in the prelude: ä ë ï ö ü á é í ó ú.
const FOLD = letterMap('äaëeïiöoüuáaéeíióoúu');

const w = new SnowballWord();
let p1 = 0;
let p2 = 0;
let eFound = false;

const isV = (i: number) => inGrouping(V, w.at(i));
/** A letter that is not a vowel (the marked I and Y count as consonants); -1 (no letter) is not. */
const isNonV = (i: number) => i >= 0 && i < w.n && !isV(i);

/** Folds accents; marks initial y, y after a vowel and i between vowels as consonants (Y, I). */
function prelude(): void {
  const c = w.c;
  for (let i = 0; i < w.n; i++) c[i] = mapLetter(FOLD, c[i]!);
  if (w.n > 0 && c[0] === C_Y) c[0] = 0x59;
  let i = 0;
  while (i + 1 < w.n) {
    if (isV(i)) {
      const m = c[i + 1]!;
      if (m === C_I && i + 2 < w.n && isV(i + 2)) {
        c[i + 1] = C_UPPER_I;
        i++; // goto: the next try starts just after the position that matched
        continue;
      }
      if (m === C_Y) {
        c[i + 1] = 0x59;
        i++; // goto: the next try starts just after the position that matched
        continue;
      }
    }
    i++;
  }
}

function postlude(): void {
  const c = w.c;
  for (let i = 0; i < w.n; i++) if (c[i] === 0x59 || c[i] === C_UPPER_I) c[i] = c[i]! + 32;
}

/** kk, dd, tt at the end lose their last letter. */
function undouble(): void {
  if (w.endsWith('kk') || w.endsWith('dd') || w.endsWith('tt')) w.cut(1);
}

/** An ending `en` of length `len` (in R1, after a consonant, not after `gem`) is removed. */
function enEnding(len: number): boolean {
  const start = w.n - len;
  if (start < p1 || !isNonV(start - 1) || w.endsWith('gem', start)) return false;
  w.cut(len);
  undouble();
  return true;
}

/** Step 2: a final e in R1 after a consonant is removed. */
function eEnding(): void {
  eFound = false;
  const start = w.n - 1;
  if (!w.endsWith('e') || start < p1 || !isNonV(start - 1)) return;
  w.cut(1);
  eFound = true;
  undouble();
}

/**
 * The Snowball Dutch stem of a word. Expects lower case (the `stemmer` component and the
 * analyzers lower-case first); allocates only the returned string.
 * @example dutchStem('huizen') // 'huiz'
 */
export function dutchStem(word: string): string {
  w.load(word);
  prelude();
  const r1 = regionAfter(w, V, 0);
  p1 = Math.min(w.n, Math.max(3, r1));
  p2 = regionAfter(w, V, r1);

  // Step 1.
  const g = STEP1.match(w);
  if (g >= 0) {
    const len = STEP1.length;
    const start = w.n - len;
    if (g === 0) {
      if (start >= p1) w.replaceEnd(len, 'heid');
    } else if (g === 1) enEnding(len);
    else if (start >= p1 && isNonV(start - 1) && w.at(start - 1) !== C_J) w.cut(len);
  }
  // Step 2.
  eEnding();
  // Step 3a: heid in R2, not after c; then an en before it as in step 1.
  if (w.endsWith('heid') && w.n - 4 >= p2 && w.at(w.n - 5) !== C_C) {
    w.cut(4);
    if (w.endsWith('en')) enEnding(2);
  }
  // Step 3b: derivational suffixes.
  const d = STEP3B.match(w);
  if (d >= 0 && w.n - STEP3B.length >= p2) {
    const len = STEP3B.length;
    if (d === 0) {
      w.cut(len);
      if (w.endsWith('ig') && w.n - 2 >= p2 && w.at(w.n - 3) !== C_E) w.cut(2);
      else undouble();
    } else if (d === 1) {
      if (w.at(w.n - len - 1) !== C_E) w.cut(len);
    } else if (d === 2) {
      w.cut(len);
      eEnding();
    } else if (d === 3) w.cut(len);
    else if (eFound) w.cut(len);
  }
  // Step 4: undouble the vowel of a final consonant-vowel-vowel-consonant (maan -> man).
  const n = w.n;
  if (n >= 4 && isNonV(n - 4) && isNonV(n - 1) && w.c[n - 1] !== C_UPPER_I) {
    const a = w.c[n - 3]!;
    if (a === w.c[n - 2] && (a === 0x61 || a === C_E || a === 0x6f || a === 0x75)) {
      w.c[n - 2] = w.c[n - 1]!;
      w.cut(1);
    }
  }
  postlude();
  return w.toString();
}
