/**
 * The Snowball Italian stemmer, written from the published algorithm description
 * (snowballstem.org/algorithms/italian/stemmer.html, as released in Snowball 2.2). Expects lower
 * case; returns the stem. Acute accents are written as grave ones.
 */
import { grouping, inGrouping, letterMap, mapLetter } from '../snowball/grouping.js';
import { regionAfter, romanceRV } from '../snowball/regions.js';
import { SuffixTable } from '../snowball/suffix-table.js';
import { SnowballWord } from '../snowball/word.js';

const V = grouping('aeiouàèìòù');
const FINAL_VOWEL = grouping('aeioàèìò');
const ACUTE_TO_GRAVE = letterMap('áàéèíìóòúù');
const C_U = 0x75, C_I = 0x69;

const PRONOUN = new SuffixTable([[
  'ci', 'gli', 'la', 'le', 'li', 'lo', 'mi', 'ne', 'si', 'ti', 'vi', 'sene', 'gliela', 'gliele', 'glieli', 'glielo', 'gliene',
  'mela', 'mele', 'meli', 'melo', 'mene', 'tela', 'tele', 'teli', 'telo', 'tene', 'cela', 'cele', 'celi', 'celo', 'cene',
  'vela', 'vele', 'veli', 'velo', 'vene',
]]);
const BEFORE_PRONOUN = new SuffixTable([['ando', 'endo'], ['ar', 'er', 'ir']]);
const STANDARD = new SuffixTable([
  ['anza', 'anze', 'ico', 'ici', 'ica', 'ice', 'iche', 'ichi', 'ismo', 'ismi', 'abile', 'abili', 'ibile', 'ibili', 'ista', 'iste', 'isti', 'istà', 'istè', 'istì', 'oso', 'osi', 'osa', 'ose', 'mente', 'atrice', 'atrici', 'ante', 'anti'],
  ['azione', 'azioni', 'atore', 'atori'],
  ['logia', 'logie'],
  ['uzione', 'uzioni', 'usione', 'usioni'],
  ['enza', 'enze'],
  ['amento', 'amenti', 'imento', 'imenti'],
  ['amente'],
  ['ità'],
  ['ivo', 'ivi', 'iva', 'ive'],
]);
const AFTER_AMENTE = new SuffixTable([['iv'], ['os', 'ic', 'abil']]);
const AFTER_ITA = new SuffixTable([['abil', 'ic', 'iv']]);
const VERB = new SuffixTable([[
  'ammo', 'ando', 'ano', 'are', 'arono', 'asse', 'assero', 'assi', 'assimo', 'ata', 'ate', 'ati', 'ato', 'ava', 'avamo', 'avano',
  'avate', 'avi', 'avo', 'emmo', 'enda', 'ende', 'endi', 'endo', 'erà', 'erai', 'eranno', 'ere', 'erebbe', 'erebbero', 'erei',
  'eremmo', 'eremo', 'ereste', 'eresti', 'erete', 'erò', 'erono', 'essero', 'ete', 'eva', 'evamo', 'evano', 'evate', 'evi',
  'evo', 'iamo', 'immo', 'irà', 'irai', 'iranno', 'ire', 'irebbe', 'irebbero', 'irei', 'iremmo', 'iremo', 'ireste',
  'iresti', 'irete', 'irò', 'irono', 'isca', 'iscano', 'isce', 'isci', 'isco', 'iscono', 'issero', 'ita', 'ite', 'iti', 'ito',
  'iva', 'ivamo', 'ivano', 'ivate', 'ivi', 'ivo', 'ar', 'ir', 'ono', 'uta', 'ute', 'uti', 'uto',
]]);

const w = new SnowballWord();
let pv = 0;
let p1 = 0;
let p2 = 0;

/** Acute accents become grave; qu -> qU; u and i between vowels -> U and I (consonants). */
function prelude(): void {
  const c = w.c;
  const n = w.n;
  for (let i = 0; i < n; i++) {
    c[i] = mapLetter(ACUTE_TO_GRAVE, c[i]!);
    if (c[i] === 0x71 && c[i + 1] === C_U && i + 1 < n) c[i + 1] = 0x55;
  }
  let i = 0;
  while (i + 2 < n) {
    const m = c[i + 1]!;
    if (inGrouping(V, c[i]!) && (m === C_U || m === C_I) && inGrouping(V, c[i + 2]!)) {
      c[i + 1] = m - 32;
      i++; // goto: the next try starts just after the position that matched
    } else i++;
  }
}

/** Step 0: a pronoun after a gerund (deleted) or an infinitive stem ar/er/ir (replaced by e). */
function attachedPronoun(): void {
  if (PRONOUN.match(w) < 0) return;
  const plen = PRONOUN.length;
  const end = w.n - plen;
  const g = BEFORE_PRONOUN.match(w, 0, end);
  if (g < 0 || end - BEFORE_PRONOUN.length < pv) return;
  if (g === 0) w.cut(plen);
  else w.replaceEnd(plen, 'e');
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
    case 5:
      if (start < pv) return false;
      w.cut(len);
      return true;
    case 6: {
      if (start < p1) return false;
      w.cut(len);
      const a = AFTER_AMENTE.match(w);
      if (a >= 0 && w.n - AFTER_AMENTE.length >= p2) {
        w.cut(AFTER_AMENTE.length);
        if (a === 0 && w.endsWith('at') && w.n - 2 >= p2) w.cut(2);
      }
      return true;
    }
    case 7:
      if (!inR2) return false;
      w.cut(len);
      if (AFTER_ITA.match(w) >= 0 && w.n - AFTER_ITA.length >= p2) w.cut(AFTER_ITA.length);
      return true;
    default:
      if (!inR2) return false;
      w.cut(len);
      if (w.endsWith('at') && w.n - 2 >= p2) {
        w.cut(2);
        if (w.endsWith('ic') && w.n - 2 >= p2) w.cut(2);
      }
      return true;
  }
}

/**
 * The Snowball Italian stem of a word. Expects lower case (the `stemmer` component and the
 * analyzers lower-case first); allocates only the returned string.
 * @example italianStem('abbandonata') // 'abbandon'
 */
export function italianStem(word: string): string {
  w.load(word);
  prelude();
  pv = romanceRV(w, V);
  p1 = regionAfter(w, V, 0);
  p2 = regionAfter(w, V, p1);
  attachedPronoun();
  if (!standardSuffix() && VERB.match(w, pv) >= 0) w.cut(VERB.length);
  // Step 3a: a final vowel in RV, then an i before it in RV.
  if (inGrouping(FINAL_VOWEL, w.at(w.n - 1)) && w.n - 1 >= pv) {
    w.cut(1);
    if (w.endsWith('i') && w.n - 1 >= pv) w.cut(1);
  }
  // Step 3b: ch / gh in RV -> c / g.
  if ((w.endsWith('ch') || w.endsWith('gh')) && w.n - 2 >= pv) w.cut(1);
  const c = w.c;
  for (let i = 0; i < w.n; i++) if (c[i] === 0x55 || c[i] === 0x49) c[i] = c[i]! + 32;
  return w.toString();
}
