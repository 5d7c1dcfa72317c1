/**
 * The Snowball Spanish stemmer, written from the published algorithm description
 * (snowballstem.org/algorithms/spanish/stemmer.html, as released in Snowball 2.2). Expects lower
 * case; returns the stem. Acute accents are removed from the result.
 */
import { grouping, letterMap, mapLetter } from '../snowball/grouping.js';
import { regionAfter, romanceRV } from '../snowball/regions.js';
import { SuffixTable } from '../snowball/suffix-table.js';
import { SnowballWord } from '../snowball/word.js';

const V = grouping('aeiouáéíóúü');

const PRONOUN = new SuffixTable([['me', 'se', 'sela', 'selo', 'selas', 'selos', 'la', 'le', 'lo', 'las', 'les', 'los', 'nos']]);
// Verb endings an attached pronoun may follow: accented ones lose their accent, `yendo` needs a u.
const BEFORE_PRONOUN = new SuffixTable([['iéndo'], ['ándo'], ['ár'], ['ér'], ['ír'], ['ando', 'iendo', 'ar', 'er', 'ir'], ['yendo']]);
const UNACCENTED = ['iendo', 'ando', 'ar', 'er', 'ir'];

const STANDARD = new SuffixTable([
  ['anza', 'anzas', 'ico', 'ica', 'icos', 'icas', 'ismo', 'ismos', 'able', 'ables', 'ible', 'ibles', 'ista', 'istas', 'oso', 'osa', 'osos', 'osas', 'amiento', 'amientos', 'imiento', 'imientos'],
  ['adora', 'ador', 'ación', 'adoras', 'adores', 'aciones', 'ante', 'antes', 'ancia', 'ancias'],
  ['logía', 'logías'],
  ['ución', 'uciones'],
  ['encia', 'encias'],
  ['amente'],
  ['mente'],
  ['idad', 'idades'],
  ['iva', 'ivo', 'ivas', 'ivos'],
]);
const AFTER_AMENTE = new SuffixTable([['iv'], ['os', 'ic', 'ad']]);
const AFTER_MENTE = new SuffixTable([['ante', 'able', 'ible']]);
const AFTER_IDAD = new SuffixTable([['abil', 'ic', 'iv']]);

const Y_VERB = new SuffixTable([['ya', 'ye', 'yan', 'yen', 'yeron', 'yendo', 'yo', 'yó', 'yas', 'yes', 'yais', 'yamos']]);
const VERB = new SuffixTable([
  ['en', 'es', 'éis', 'emos'],
  [
    'arían', 'arías', 'arán', 'arás', 'aríais', 'aría', 'aréis', 'aríamos', 'aremos', 'ará', 'aré',
    'erían', 'erías', 'erán', 'erás', 'eríais', 'ería', 'eréis', 'eríamos', 'eremos', 'erá', 'eré',
    'irían', 'irías', 'irán', 'irás', 'iríais', 'iría', 'iréis', 'iríamos', 'iremos', 'irá', 'iré',
    'aba', 'ada', 'ida', 'ía', 'ara', 'iera', 'ad', 'ed', 'id', 'ase', 'iese', 'aste', 'iste', 'an',
    'aban', 'ían', 'aran', 'ieran', 'asen', 'iesen', 'aron', 'ieron', 'ado', 'ido', 'ando', 'iendo',
    'ió', 'ar', 'er', 'ir', 'as', 'abas', 'adas', 'idas', 'ías', 'aras', 'ieras', 'ases', 'ieses',
    'ís', 'áis', 'abais', 'íais', 'arais', 'ierais', 'aseis', 'ieseis', 'asteis', 'isteis', 'ados',
    'idos', 'amos', 'ábamos', 'íamos', 'imos', 'áramos', 'iéramos', 'iésemos', 'ásemos',
  ],
]);
const RESIDUAL = new SuffixTable([['os', 'a', 'o', 'á', 'í', 'ó'], ['e', 'é']]);

const ACUTE = letterMap('áaéeíióoúu');

const w = new SnowballWord();
let pv = 0;
let p1 = 0;
let p2 = 0;

/** Step 0: a pronoun attached to a gerund or infinitive in RV. */
function attachedPronoun(): void {
  if (PRONOUN.match(w) < 0) return;
  const plen = PRONOUN.length;
  const end = w.n - plen;
  const g = BEFORE_PRONOUN.match(w, 0, end);
  if (g < 0 || end - BEFORE_PRONOUN.length < pv) return;
  if (g <= 4) w.replaceEnd(BEFORE_PRONOUN.length + plen, UNACCENTED[g]!);
  else if (g === 5) w.cut(plen);
  else if (w.at(end - 6) === 0x75) w.cut(plen);
}

/** Step 1; true when it removed or replaced an ending. */
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
      if (w.endsWith('ic') && w.n - 2 >= p2) w.cut(2);
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
      w.replaceEnd(len, 'ente');
      return true;
    case 5: {
      if (start < p1) return false;
      w.cut(len);
      const a = AFTER_AMENTE.match(w);
      if (a >= 0 && w.n - AFTER_AMENTE.length >= p2) {
        w.cut(AFTER_AMENTE.length);
        if (a === 0 && w.endsWith('at') && w.n - 2 >= p2) w.cut(2);
      }
      return true;
    }
    case 6:
      if (!inR2) return false;
      w.cut(len);
      if (AFTER_MENTE.match(w) >= 0 && w.n - AFTER_MENTE.length >= p2) w.cut(AFTER_MENTE.length);
      return true;
    case 7:
      if (!inR2) return false;
      w.cut(len);
      if (AFTER_IDAD.match(w) >= 0 && w.n - AFTER_IDAD.length >= p2) w.cut(AFTER_IDAD.length);
      return true;
    default:
      if (!inR2) return false;
      w.cut(len);
      if (w.endsWith('at') && w.n - 2 >= p2) w.cut(2);
      return true;
  }
}

/** Step 2a: verb suffixes beginning with y, in RV, after u; true when one was removed. */
function yVerbSuffix(): boolean {
  if (Y_VERB.match(w, pv) < 0) return false;
  if (w.at(w.n - Y_VERB.length - 1) !== 0x75) return false;
  w.cut(Y_VERB.length);
  return true;
}

/** Step 2b: other verb suffixes in RV. */
function verbSuffix(): void {
  const g = VERB.match(w, pv);
  if (g < 0) return;
  w.cut(VERB.length);
  if (g === 0 && w.endsWith('gu')) w.cut(1);
}

/** Step 3: residual suffixes in RV. */
function residualSuffix(): void {
  const g = RESIDUAL.match(w);
  if (g < 0 || w.n - RESIDUAL.length < pv) return;
  w.cut(RESIDUAL.length);
  if (g === 1 && w.endsWith('u') && w.n - 1 >= pv && w.at(w.n - 2) === 0x67) w.cut(1);
}

/**
 * The Snowball Spanish stem of a word. Expects lower case (the `stemmer` component and the
 * analyzers lower-case first); allocates only the returned string.
 * @example spanishStem('canciones') // 'cancion'
 */
export function spanishStem(word: string): string {
  w.load(word);
  pv = romanceRV(w, V);
  p1 = regionAfter(w, V, 0);
  p2 = regionAfter(w, V, p1);
  attachedPronoun();
  if (!standardSuffix() && !yVerbSuffix()) verbSuffix();
  residualSuffix();
  const c = w.c;
  for (let i = 0; i < w.n; i++) c[i] = mapLetter(ACUTE, c[i]!);
  return w.toString();
}
