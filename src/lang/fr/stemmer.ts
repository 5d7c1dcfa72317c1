/**
 * The Snowball French stemmer, written from the published algorithm description
 * (snowballstem.org/algorithms/french/stemmer.html, as released in Snowball 2.2). Expects lower
 * case; returns the stem.
 */
import { grouping, inGrouping } from '../snowball/grouping.js';
import { regionAfter } from '../snowball/regions.js';
import { SuffixTable } from '../snowball/suffix-table.js';
import { SnowballWord } from '../snowball/word.js';

const V = grouping('aeiouyâàëéêèïîôûù');
const KEEP_WITH_S = grouping('aiouès');
const C_U = 0x75, C_I = 0x69, C_Y = 0x79, C_Q = 0x71, C_H = 0x48;

const STANDARD = new SuffixTable([
  ['ance', 'iqUe', 'isme', 'able', 'iste', 'eux', 'ances', 'iqUes', 'ismes', 'ables', 'istes'],
  ['atrice', 'ateur', 'ation', 'atrices', 'ateurs', 'ations'],
  ['logie', 'logies'],
  ['usion', 'ution', 'usions', 'utions'],
  ['ence', 'ences'],
  ['ement', 'ements'],
  ['ité', 'ités'],
  ['if', 'ive', 'ifs', 'ives'],
  ['eaux'],
  ['aux'],
  ['euse', 'euses'],
  ['issement', 'issements'],
  ['amment'],
  ['emment'],
  ['ment', 'ments'],
]);
const AFTER_EMENT = new SuffixTable([['iv'], ['eus'], ['abl', 'iqU'], ['ièr', 'Ièr']]);
const AFTER_ITE = new SuffixTable([['abil'], ['ic'], ['iv']]);
const I_VERB = new SuffixTable([[
  'îmes', 'ît', 'îtes', 'i', 'ie', 'ies', 'ir', 'ira', 'irai', 'iraIent', 'irais', 'irait', 'iras', 'irent', 'irez', 'iriez',
  'irions', 'irons', 'iront', 'is', 'issaIent', 'issais', 'issait', 'issant', 'issante', 'issantes', 'issants', 'isse',
  'issent', 'isses', 'issez', 'issiez', 'issions', 'issons', 'it',
]]);
const VERB = new SuffixTable([
  ['ions'],
  ['é', 'ée', 'ées', 'és', 'èrent', 'er', 'era', 'erai', 'eraIent', 'erais', 'erait', 'eras', 'erez', 'eriez', 'erions', 'erons', 'eront', 'ez', 'iez'],
  ['âmes', 'ât', 'âtes', 'a', 'ai', 'aIent', 'ais', 'ait', 'ant', 'ante', 'antes', 'ants', 'as', 'asse', 'assent', 'asses', 'assiez', 'assions'],
]);
const RESIDUAL = new SuffixTable([['ion'], ['ier', 'ière', 'Ier', 'Ière'], ['e']]);
const UNDOUBLE = new SuffixTable([['enn', 'onn', 'ett', 'ell', 'eill']]);

const w = new SnowballWord();
let pv = 0;
let p1 = 0;
let p2 = 0;

const isV = (i: number) => inGrouping(V, w.at(i));

/**
 * Marks u, i between vowels, y next to a vowel and u after q as consonants (U I Y); writes ë and
 * ï as He and Hi so that they are not vowels either.
 */
function prelude(): void {
  // Snowball's `repeat goto`: after a change the next try starts at the same position, where
  // another rule may now apply (ï followed by u-vowel: first u -> U, then ï -> Hi).
  let i = 0;
  while (i < w.n) {
    const c = w.c;
    const ch = c[i]!;
    const next = w.at(i + 1);
    if (isV(i) && (next === C_U || next === C_I) && isV(i + 2)) c[i + 1] = next - 32;
    else if (isV(i) && next === C_Y) c[i + 1] = 0x59;
    else if (ch === 0xeb || ch === 0xef) w.splice(i, i + 1, ch === 0xeb ? 'He' : 'Hi');
    else if (ch === C_Y && isV(i + 1)) c[i] = 0x59;
    else if (ch === C_Q && next === C_U) c[i + 1] = 0x55;
    else i++;
  }
}

/** RV: after the third letter when the word starts with two vowels, after par/col/tap, else after the first non-initial vowel. */
function markRV(): number {
  const n = w.n;
  if (n >= 3 && isV(0) && isV(1)) return 3;
  if (n >= 3 && (w.endsWith('par', 3) || w.endsWith('col', 3) || w.endsWith('tap', 3))) return 3;
  for (let i = 1; i < n; i++) if (isV(i)) return i + 1;
  return n;
}

/** Step 1; true when it removed an ending and steps 2a/2b are not to be tried. */
function standardSuffix(): boolean {
  const g = STANDARD.match(w);
  if (g < 0) return false;
  const len = STANDARD.length;
  const start = w.n - len;
  const inR2 = start >= p2;
  switch (g) {
    case 0:
      if (!inR2) return false;
      w.cut(len);
      return true;
    case 1:
      if (!inR2) return false;
      w.cut(len);
      if (w.endsWith('ic')) {
        if (w.n - 2 >= p2) w.cut(2);
        else w.replaceEnd(2, 'iqU');
      }
      return true;
    case 2:
      if (!inR2) return false;
      w.replaceEnd(len, 'log');
      return true;
    case 3:
      if (!inR2) return false;
      w.replaceEnd(len, 'u');
      return true;
    case 4:
      if (!inR2) return false;
      w.replaceEnd(len, 'ent');
      return true;
    case 5: {
      if (start < pv) return false;
      w.cut(len);
      const a = AFTER_EMENT.match(w);
      if (a < 0) return true;
      const alen = AFTER_EMENT.length;
      const s = w.n - alen;
      if (a === 0) {
        if (s >= p2) {
          w.cut(alen);
          if (w.endsWith('at') && w.n - 2 >= p2) w.cut(2);
        }
      } else if (a === 1) {
        if (s >= p2) w.cut(alen);
        else if (s >= p1) w.replaceEnd(alen, 'eux');
      } else if (a === 2) {
        if (s >= p2) w.cut(alen);
      } else if (s >= pv) w.replaceEnd(alen, 'i');
      return true;
    }
    case 6: {
      if (!inR2) return false;
      w.cut(len);
      const a = AFTER_ITE.match(w);
      if (a < 0) return true;
      const alen = AFTER_ITE.length;
      const r2 = w.n - alen >= p2;
      if (r2) w.cut(alen);
      else if (a === 0) w.replaceEnd(alen, 'abl');
      else if (a === 1) w.replaceEnd(alen, 'iqU');
      return true;
    }
    case 7:
      if (!inR2) return false;
      w.cut(len);
      if (w.endsWith('at') && w.n - 2 >= p2) {
        w.cut(2);
        if (w.endsWith('ic')) {
          if (w.n - 2 >= p2) w.cut(2);
          else w.replaceEnd(2, 'iqU');
        }
      }
      return true;
    case 8:
      w.replaceEnd(len, 'eau');
      return true;
    case 9:
      if (start < p1) return false;
      w.replaceEnd(len, 'al');
      return true;
    case 10:
      if (inR2) w.cut(len);
      else if (start >= p1) w.replaceEnd(len, 'eux');
      else return false;
      return true;
    case 11:
      if (start < p1 || isV(start - 1) || start === 0) return false;
      w.cut(len);
      return true;
    // amment, emment, ment(s): replaced or removed, and steps 2a/2b are tried all the same.
    case 12:
      if (start >= pv) w.replaceEnd(len, 'ant');
      return false;
    case 13:
      if (start >= pv) w.replaceEnd(len, 'ent');
      return false;
    default:
      if (isV(start - 1) && start - 1 >= pv) w.cut(len);
      return false;
  }
}

/** Step 2a: verb suffixes beginning with i, in RV after a consonant (not the H of He/Hi) in RV. */
function iVerbSuffix(): boolean {
  if (I_VERB.match(w, pv) < 0) return false;
  const before = w.n - I_VERB.length - 1;
  if (before < pv || isV(before) || w.c[before] === C_H) return false;
  w.cut(I_VERB.length);
  return true;
}

/** Step 2b: other verb suffixes in RV. */
function verbSuffix(): boolean {
  const g = VERB.match(w, pv);
  if (g < 0) return false;
  const len = VERB.length;
  if (g === 0) {
    if (w.n - len < p2) return false;
    w.cut(len);
  } else if (g === 1) w.cut(len);
  else {
    w.cut(len);
    if (w.endsWith('e') && w.n - 1 >= pv) w.cut(1);
  }
  return true;
}

/** Step 4: residual suffixes. */
function residualSuffix(): void {
  if (w.endsWith('s') && w.n >= 2) {
    const b = w.n - 2;
    if (w.endsWith('Hi', w.n - 1) || !inGrouping(KEEP_WITH_S, w.c[b]!)) w.cut(1);
  }
  const g = RESIDUAL.match(w, pv);
  if (g < 0) return;
  const len = RESIDUAL.length;
  const start = w.n - len;
  if (g === 0) {
    const b = w.at(start - 1);
    if (start >= p2 && start - 1 >= pv && (b === 0x73 || b === 0x74)) w.cut(len);
  } else if (g === 1) w.replaceEnd(len, 'i');
  else w.cut(len);
}

/**
 * The Snowball French stem of a word. Expects lower case (the `stemmer` component and the
 * analyzers lower-case first); allocates only the returned string.
 * @example frenchStem('continuellement') // 'continuel'
 */
export function frenchStem(word: string): string {
  w.load(word);
  prelude();
  pv = markRV();
  p1 = regionAfter(w, V, 0);
  p2 = regionAfter(w, V, p1);
  if (standardSuffix() || iVerbSuffix() || verbSuffix()) {
    // Step 3: a final Y becomes i, a final ç becomes c.
    const last = w.at(w.n - 1);
    if (last === 0x59) w.c[w.n - 1] = C_I;
    else if (last === 0xe7) w.c[w.n - 1] = 0x63;
  } else residualSuffix();
  // Step 5: undouble.
  if (UNDOUBLE.match(w) >= 0) w.cut(1);
  // Step 6: é or è followed by at least one consonant at the end loses its accent.
  let k = w.n - 1;
  while (k >= 0 && !isV(k)) k--;
  if (k < w.n - 1 && k >= 0 && (w.c[k] === 0xe9 || w.c[k] === 0xe8)) w.c[k] = 0x65;
  // Postlude: I U Y back to lower case, He Hi back to ë ï.
  for (let i = 0; i < w.n; i++) {
    const ch = w.c[i]!;
    if (ch === 0x49 || ch === 0x55 || ch === 0x59) w.c[i] = ch + 32;
    else if (ch === C_H) {
      const next = w.at(i + 1);
      if (next === 0x65) w.splice(i, i + 2, 'ë');
      else if (next === C_I) w.splice(i, i + 2, 'ï');
      else {
        w.splice(i, i + 1, '');
        i--;
      }
    }
  }
  return w.toString();
}
