/**
 * The Snowball German stemmer, written from the published algorithm description
 * (snowballstem.org/algorithms/german/stemmer.html, as released in Snowball 2.2). Expects lower
 * case; returns the stem. Umlauts are folded (`häuser` -> `haus`), `ß` becomes `ss`.
 */
import { grouping, inGrouping } from '../snowball/grouping.js';
import { regionAfter } from '../snowball/regions.js';
import { SuffixTable } from '../snowball/suffix-table.js';
import { SnowballWord } from '../snowball/word.js';

const V = grouping('aeiouyäöü');
const S_ENDING = grouping('bdfghklmnrt');
const ST_ENDING = grouping('bdfghklmnt');
const U = 0x75, Y = 0x79, E = 0x65;

const STEP1 = new SuffixTable([['em', 'ern', 'er'], ['e', 'en', 'es'], ['s']]);
const STEP2 = new SuffixTable([['en', 'er', 'est'], ['st']]);
const STEP3 = new SuffixTable([['end', 'ung'], ['ig', 'ik', 'isch'], ['lich', 'heit'], ['keit']]);
const AFTER_KEIT = new SuffixTable([['lich', 'ig']]);

const w = new SnowballWord();

/** ß -> ss; u and y between vowels become U and Y (consonants for the regions). */
function prelude(): void {
  for (let i = 0; i < w.n; i++) if (w.c[i] === 0xdf) w.splice(i, i + 1, 'ss');
  const c = w.c;
  let i = 0;
  while (i + 2 < w.n) {
    const m = c[i + 1]!;
    if (inGrouping(V, c[i]!) && (m === U || m === Y) && inGrouping(V, c[i + 2]!)) {
      c[i + 1] = m - 32;
      i++; // goto: the next try starts just after the position that matched
    } else i++;
  }
}

function postlude(): void {
  const c = w.c;
  for (let i = 0; i < w.n; i++) {
    const ch = c[i]!;
    if (ch === 0x55 || ch === 0x59) c[i] = ch + 32; // U Y
    else if (ch === 0xe4) c[i] = 0x61; // ä
    else if (ch === 0xf6) c[i] = 0x6f; // ö
    else if (ch === 0xfc) c[i] = U; // ü
  }
}

/**
 * The Snowball German stem of a word. Expects lower case (the `stemmer` component and the
 * analyzers lower-case first); allocates only the returned string.
 * @example germanStem('häuser') // 'haus'
 */
export function germanStem(word: string): string {
  w.load(word);
  prelude();
  // R1 is adjusted so that the region before it holds at least three letters.
  const p1 = Math.min(w.n, Math.max(3, regionAfter(w, V, 0)));
  const p2 = regionAfter(w, V, regionAfter(w, V, 0));

  // Step 1: inflectional endings in R1.
  let g = STEP1.match(w);
  if (g >= 0 && w.n - STEP1.length >= p1) {
    const start = w.n - STEP1.length;
    if (g === 0) w.cut(STEP1.length);
    else if (g === 1) {
      w.cut(STEP1.length);
      if (w.endsWith('niss')) w.cut(1);
    } else if (inGrouping(S_ENDING, w.at(start - 1))) w.cut(1);
  }

  // Step 2: en er est; st after a valid st-ending that has three letters before it.
  g = STEP2.match(w);
  if (g >= 0 && w.n - STEP2.length >= p1) {
    const start = w.n - STEP2.length;
    if (g === 0) w.cut(STEP2.length);
    else if (inGrouping(ST_ENDING, w.at(start - 1)) && start - 1 >= 3) w.cut(2);
  }

  // Step 3: derivational suffixes in R2.
  g = STEP3.match(w);
  if (g >= 0 && w.n - STEP3.length >= p2) {
    const start = w.n - STEP3.length;
    if (g === 0) {
      w.cut(STEP3.length);
      if (w.endsWith('ig') && w.at(w.n - 3) !== E && w.n - 2 >= p2) w.cut(2);
    } else if (g === 1) {
      if (w.at(start - 1) !== E) w.cut(STEP3.length);
    } else if (g === 2) {
      w.cut(STEP3.length);
      if ((w.endsWith('er') || w.endsWith('en')) && w.n - 2 >= p1) w.cut(2);
    } else {
      w.cut(STEP3.length);
      if (AFTER_KEIT.match(w) >= 0 && w.n - AFTER_KEIT.length >= p2) w.cut(AFTER_KEIT.length);
    }
  }
  postlude();
  return w.toString();
}
