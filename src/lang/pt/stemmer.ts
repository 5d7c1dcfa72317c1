/**
 * The Snowball Portuguese stemmer, written from the published algorithm description
 * (snowballstem.org/algorithms/portuguese/stemmer.html, as released in Snowball 2.2). Expects
 * lower case; returns the stem.
 */
import { grouping } from '../snowball/grouping.js';
import { regionAfter, romanceRV } from '../snowball/regions.js';
import { SuffixTable } from '../snowball/suffix-table.js';
import { SnowballWord } from '../snowball/word.js';

const V = grouping('aeiouáéíóúâêô');
// The nasal vowels ã and õ are written a~ and o~ while stemming (as the algorithm specifies).
const STANDARD = new SuffixTable([
  ['eza', 'ezas', 'ico', 'ica', 'icos', 'icas', 'ismo', 'ismos', 'ável', 'ível', 'ista', 'istas', 'oso', 'osa', 'osos', 'osas', 'amento', 'amentos', 'imento', 'imentos', 'adora', 'ador', 'aça~o', 'adoras', 'adores', 'aço~es', 'ante', 'antes', 'ância'],
  ['logia', 'logias'],
  ['uça~o', 'uço~es'],
  ['ência', 'ências'],
  ['amente'],
  ['mente'],
  ['idade', 'idades'],
  ['iva', 'ivo', 'ivas', 'ivos'],
  ['ira', 'iras'],
]);
const AFTER_AMENTE = new SuffixTable([['iv'], ['os', 'ic', 'ad']]);
const AFTER_MENTE = new SuffixTable([['ante', 'avel', 'ível']]);
const AFTER_IDADE = new SuffixTable([['abil', 'ic', 'iv']]);
const VERB = new SuffixTable([[
  'ada', 'ida', 'ia', 'aria', 'eria', 'iria', 'ará', 'ara', 'erá', 'era', 'irá', 'ava', 'asse', 'esse', 'isse', 'aste', 'este',
  'iste', 'ei', 'arei', 'erei', 'irei', 'am', 'iam', 'ariam', 'eriam', 'iriam', 'aram', 'eram', 'iram', 'avam', 'em', 'arem',
  'erem', 'irem', 'assem', 'essem', 'issem', 'ado', 'ido', 'ando', 'endo', 'indo', 'ara~o', 'era~o', 'ira~o', 'ar', 'er', 'ir',
  'as', 'adas', 'idas', 'ias', 'arias', 'erias', 'irias', 'arás', 'aras', 'erás', 'eras', 'irás', 'avas', 'es', 'ardes',
  'erdes', 'irdes', 'ares', 'eres', 'ires', 'asses', 'esses', 'isses', 'astes', 'estes', 'istes', 'is', 'ais', 'eis', 'íeis',
  'aríeis', 'eríeis', 'iríeis', 'áreis', 'areis', 'éreis', 'ereis', 'íreis', 'ireis', 'ásseis', 'ésseis', 'ísseis', 'áveis',
  'ados', 'idos', 'ámos', 'amos', 'íamos', 'aríamos', 'eríamos', 'iríamos', 'áramos', 'éramos', 'íramos', 'ávamos', 'emos',
  'aremos', 'eremos', 'iremos', 'ássemos', 'êssemos', 'íssemos', 'imos', 'armos', 'ermos', 'irmos', 'eu', 'iu', 'ou', 'ira',
  'iras',
]]);
const RESIDUAL = new SuffixTable([['os', 'a', 'i', 'o', 'á', 'í', 'ó']]);
const RESIDUAL_FORM = new SuffixTable([['e', 'é', 'ê'], ['ç']]);

const w = new SnowballWord();
let pv = 0;
let p1 = 0;
let p2 = 0;

/** Step 1; true when it altered the word. */
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
      w.replaceEnd(len, 'log');
      return true;
    case 2:
      if (!inR2) return false;
      w.replaceEnd(len, 'u');
      return true;
    case 3:
      if (!inR2) return false;
      w.replaceEnd(len, 'ente');
      return true;
    case 4: {
      if (start < p1) return false;
      w.cut(len);
      const a = AFTER_AMENTE.match(w);
      if (a >= 0 && w.n - AFTER_AMENTE.length >= p2) {
        w.cut(AFTER_AMENTE.length);
        if (a === 0 && w.endsWith('at') && w.n - 2 >= p2) w.cut(2);
      }
      return true;
    }
    case 5:
      if (!inR2) return false;
      w.cut(len);
      if (AFTER_MENTE.match(w) >= 0 && w.n - AFTER_MENTE.length >= p2) w.cut(AFTER_MENTE.length);
      return true;
    case 6:
      if (!inR2) return false;
      w.cut(len);
      if (AFTER_IDADE.match(w) >= 0 && w.n - AFTER_IDADE.length >= p2) w.cut(AFTER_IDADE.length);
      return true;
    case 7:
      if (!inR2) return false;
      w.cut(len);
      if (w.endsWith('at') && w.n - 2 >= p2) w.cut(2);
      return true;
    default:
      // ira, iras -> ir when in RV and after e.
      if (start < pv || w.at(start - 1) !== 0x65) return false;
      w.replaceEnd(len, 'ir');
      return true;
  }
}

/** Step 2: verb suffixes in RV; true when one was removed. */
function verbSuffix(): boolean {
  if (VERB.match(w, pv) < 0) return false;
  w.cut(VERB.length);
  return true;
}

/**
 * The Snowball Portuguese stem of a word. Expects lower case (the `stemmer` component and the
 * analyzers lower-case first); allocates only the returned string.
 * @example portugueseStem('canções') // 'cançõ'
 */
export function portugueseStem(word: string): string {
  w.load(word);
  for (let i = 0; i < w.n; i++) {
    const ch = w.c[i]!;
    if (ch === 0xe3) w.splice(i, i + 1, 'a~');
    else if (ch === 0xf5) w.splice(i, i + 1, 'o~');
  }
  pv = romanceRV(w, V);
  p1 = regionAfter(w, V, 0);
  p2 = regionAfter(w, V, p1);
  if (standardSuffix() || verbSuffix()) {
    // Step 3: a final i in RV after c goes.
    if (w.endsWith('ci') && w.n - 1 >= pv) w.cut(1);
  } else if (RESIDUAL.match(w) >= 0 && w.n - RESIDUAL.length >= pv) {
    // Step 4.
    w.cut(RESIDUAL.length);
  }
  // Step 5.
  const g = RESIDUAL_FORM.match(w);
  if (g === 0 && w.n - 1 >= pv) {
    w.cut(1);
    if ((w.endsWith('gu') || w.endsWith('ci')) && w.n - 1 >= pv) w.cut(1);
  } else if (g === 1) w.c[w.n - 1] = 0x63;
  // Postlude: a~ o~ back to ã õ.
  for (let i = 0; i + 1 < w.n; i++) {
    if (w.c[i + 1] === 0x7e && (w.c[i] === 0x61 || w.c[i] === 0x6f)) w.splice(i, i + 2, w.c[i] === 0x61 ? 'ã' : 'õ');
  }
  return w.toString();
}
