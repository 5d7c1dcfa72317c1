/**
 * The Snowball English stemmer ("Porter2"), written from Martin Porter's published algorithm
 * description (snowball.tartarus.org/algorithms/english/stemmer.html, the 2006 revision that NLTK
 * and the published voc.txt/output.txt sample follow). Input is expected in lower case.
 *
 * Works on a small char-code buffer: no regexes, one string allocated per call.
 */

const EXCEPTIONS: ReadonlyMap<string, string> = new Map([
  ['skis', 'ski'], ['skies', 'sky'], ['dying', 'die'], ['lying', 'lie'], ['tying', 'tie'],
  ['idly', 'idl'], ['gently', 'gentl'], ['ugly', 'ugli'], ['early', 'earli'], ['only', 'onli'],
  ['singly', 'singl'], ['sky', 'sky'], ['news', 'news'], ['howe', 'howe'], ['atlas', 'atlas'],
  ['cosmos', 'cosmos'], ['bias', 'bias'], ['andes', 'andes'],
]);
// Words left alone once step 1a has run.
const AFTER_1A = new Set(['inning', 'outing', 'canning', 'herring', 'earring', 'proceed', 'exceed', 'succeed']);

const Y_UPPER = 89; // 'Y' marks a consonant y

function isVowel(c: number): boolean {
  // a e i o u y
  return c === 97 || c === 101 || c === 105 || c === 111 || c === 117 || c === 121;
}

function isDouble(a: number, b: number): boolean {
  // bb dd ff gg mm nn pp rr tt
  return a === b && (a === 98 || a === 100 || a === 102 || a === 103 || a === 109 || a === 110 || a === 112 || a === 114 || a === 116);
}

function isLiEnding(c: number): boolean {
  // c d e g h k m n r t
  return c === 99 || c === 100 || c === 101 || c === 103 || c === 104 || c === 107 || c === 109 || c === 110 || c === 114 || c === 116;
}

/** Mutable word state: char codes plus length and the R1/R2 starts. */
class Word {
  c: number[] = [];
  n = 0;
  p1 = 0;
  p2 = 0;

  endsWith(s: string): boolean {
    const k = s.length;
    if (k > this.n) return false;
    for (let i = 0; i < k; i++) if (this.c[this.n - k + i] !== s.charCodeAt(i)) return false;
    return true;
  }

  /** Replaces the last `k` chars with `s`. */
  replace(k: number, s: string): void {
    this.n -= k;
    for (let i = 0; i < s.length; i++) this.c[this.n++] = s.charCodeAt(i);
  }

  hasVowel(from: number, to: number): boolean {
    for (let i = from; i < to; i++) if (isVowel(this.c[i]!)) return true;
    return false;
  }

  /** Whether the first `len` chars end in a short syllable. */
  endsShortSyllable(len: number): boolean {
    const c = this.c;
    if (len >= 3) {
      const a = c[len - 3]!, b = c[len - 2]!, d = c[len - 1]!;
      if (!isVowel(a) && isVowel(b) && !isVowel(d) && d !== 119 && d !== 120 && d !== Y_UPPER) return true;
    }
    return len === 2 && isVowel(c[0]!) && !isVowel(c[1]!);
  }

  isShort(): boolean {
    return this.p1 >= this.n && this.endsShortSyllable(this.n);
  }

  toString(): string {
    let s = '';
    for (let i = 0; i < this.n; i++) s += String.fromCharCode(this.c[i] === Y_UPPER ? 121 : this.c[i]!);
    return s;
  }
}

/** Start of the region after the first non-vowel following a vowel, searching from `from`. */
function regionStart(c: number[], n: number, from: number): number {
  for (let i = from + 1; i < n; i++) if (!isVowel(c[i]!) && isVowel(c[i - 1]!)) return i + 1;
  return n;
}

/** Longest of `suffixes` the word ends with, or '' (snowball's `among`). */
function longest(w: Word, suffixes: readonly string[]): string {
  let best = '';
  for (const s of suffixes) if (s.length > best.length && w.endsWith(s)) best = s;
  return best;
}

const STEP1B = ['eed', 'eedly', 'ed', 'edly', 'ing', 'ingly'];
const STEP2: ReadonlyArray<readonly [string, string]> = [
  ['tional', 'tion'], ['enci', 'ence'], ['anci', 'ance'], ['abli', 'able'], ['entli', 'ent'], ['izer', 'ize'],
  ['ization', 'ize'], ['ational', 'ate'], ['ation', 'ate'], ['ator', 'ate'], ['alism', 'al'], ['aliti', 'al'],
  ['alli', 'al'], ['fulness', 'ful'], ['ousli', 'ous'], ['ousness', 'ous'], ['iveness', 'ive'], ['iviti', 'ive'],
  ['biliti', 'ble'], ['bli', 'ble'], ['ogi', 'og'], ['fulli', 'ful'], ['lessli', 'less'], ['li', ''],
];
const STEP2_KEYS = STEP2.map(([s]) => s);
const STEP2_MAP = new Map(STEP2);
const STEP3: ReadonlyArray<readonly [string, string]> = [
  ['tional', 'tion'], ['ational', 'ate'], ['alize', 'al'], ['icate', 'ic'], ['iciti', 'ic'], ['ical', 'ic'],
  ['ful', ''], ['ness', ''], ['ative', ''],
];
const STEP3_KEYS = STEP3.map(([s]) => s);
const STEP3_MAP = new Map(STEP3);
const STEP4 = ['al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize', 'ion'];

/**
 * Stems one lower-case English word with the Snowball English (Porter2) algorithm.
 * @example porter2('generously') // 'generous'
 * @example porter2('consolingly') // 'consol'
 */
export function porter2(word: string): string {
  if (!warm) warmUp();
  return stem(word);
}

function stem(word: string): string {
  const exc = EXCEPTIONS.get(word);
  if (exc !== undefined) return exc;
  if (word.length <= 2) return word;
  const w = new Word();
  const start = word.charCodeAt(0) === 39 ? 1 : 0; // initial apostrophe
  for (let i = start; i < word.length; i++) w.c.push(word.charCodeAt(i));
  w.n = w.c.length;
  const c = w.c;
  // Prelude: y at the start or after a vowel is a consonant.
  if (c[0] === 121) c[0] = Y_UPPER;
  for (let i = 1; i < w.n; i++) if (c[i] === 121 && isVowel(c[i - 1]!)) c[i] = Y_UPPER;
  // Regions.
  if (startsWith(c, w.n, 'gener')) w.p1 = 5;
  else if (startsWith(c, w.n, 'commun')) w.p1 = 6;
  else if (startsWith(c, w.n, 'arsen')) w.p1 = 5;
  else w.p1 = regionStart(c, w.n, 0);
  w.p2 = w.p1 >= w.n ? w.n : regionStart(c, w.n, w.p1);

  // Step 0: apostrophe suffixes.
  const s0 = longest(w, ["'s'", "'s", "'"]);
  if (s0) w.n -= s0.length;

  // Step 1a.
  const s1a = longest(w, ['sses', 'ied', 'ies', 's', 'us', 'ss']);
  if (s1a === 'sses') w.replace(4, 'ss');
  else if (s1a === 'ied' || s1a === 'ies') w.replace(3, w.n > 4 ? 'i' : 'ie');
  else if (s1a === 's' && w.hasVowel(0, w.n - 2)) w.n -= 1;

  if (AFTER_1A.has(w.toString())) return w.toString();

  // Step 1b.
  const s1b = longest(w, STEP1B);
  if (s1b === 'eed' || s1b === 'eedly') {
    if (w.n - s1b.length >= w.p1) w.replace(s1b.length, 'ee');
  } else if (s1b && w.hasVowel(0, w.n - s1b.length)) {
    w.n -= s1b.length;
    if (w.endsWith('at') || w.endsWith('bl') || w.endsWith('iz')) w.replace(0, 'e');
    else if (w.n >= 2 && isDouble(c[w.n - 2]!, c[w.n - 1]!)) w.n -= 1;
    else if (w.isShort()) w.replace(0, 'e');
  }

  // Step 1c: y -> i after a non-vowel that is not the first letter.
  if (w.n > 2 && (c[w.n - 1] === 121 || c[w.n - 1] === Y_UPPER) && !isVowel(c[w.n - 2]!)) c[w.n - 1] = 105;

  // Step 2 (in R1).
  const s2 = longest(w, STEP2_KEYS);
  if (s2 && w.n - s2.length >= w.p1) {
    const before = c[w.n - s2.length - 1];
    if (s2 === 'ogi') {
      if (before === 108) w.replace(3, 'og');
    } else if (s2 === 'li') {
      if (before !== undefined && w.n - 2 > 0 && isLiEnding(before)) w.n -= 2;
    } else w.replace(s2.length, STEP2_MAP.get(s2)!);
  }

  // Step 3 (in R1; ative in R2).
  const s3 = longest(w, STEP3_KEYS);
  if (s3 && w.n - s3.length >= w.p1) {
    if (s3 === 'ative') {
      if (w.n - 5 >= w.p2) w.n -= 5;
    } else w.replace(s3.length, STEP3_MAP.get(s3)!);
  }

  // Step 4 (in R2).
  const s4 = longest(w, STEP4);
  if (s4 && w.n - s4.length >= w.p2) {
    if (s4 === 'ion') {
      const b = c[w.n - 4];
      if (b === 115 || b === 116) w.n -= 3;
    } else w.n -= s4.length;
  }

  // Step 5.
  if (w.n > 0 && c[w.n - 1] === 101) {
    const at = w.n - 1;
    if (at >= w.p2 || (at >= w.p1 && !w.endsShortSyllable(at))) w.n -= 1;
  } else if (w.n > 1 && c[w.n - 1] === 108 && w.n - 1 >= w.p2 && c[w.n - 2] === 108) w.n -= 1;

  return w.toString();
}

function startsWith(c: number[], n: number, s: string): boolean {
  if (s.length > n) return false;
  for (let i = 0; i < s.length; i++) if (c[i] !== s.charCodeAt(i)) return false;
  return true;
}

// Words that between them take every branch of porter2. Stemming them before the first real word (a
// few milliseconds, once per thread) gives V8 complete type feedback, so it optimises the
// stemmer once instead of discarding its optimised code the first time a rare step (ogi, ative,
// eedly...) fires.
const WARMUP = [
  'skies', 'at', "'tis", "dog's", "dogs'", "dog'", 'caresses', 'cried', 'ties', 'gas', 'cats', 'focus', 'kiss', 'inning', 'agreed', 'feed',
  'proceedly', 'hopped', 'hoping', 'luxuriated', 'troubled', 'sized', 'hopping', 'fizzed', 'failing', 'filing', 'cry', 'say', 'by', 'yelling',
  'generously', 'communism', 'arsenal', 'relational', 'valenci', 'hesitanci', 'digitizer', 'conformabli', 'radicalli', 'differentli',
  'vileli', 'analogousli', 'vietnamization', 'predication', 'operator', 'feudalism', 'decisiveness', 'hopefulness', 'callousness',
  'formaliti', 'sensitiviti', 'sensibiliti', 'archaeology', 'apology', 'hopefulli', 'lessli', 'fluentli', 'briskli', 'formalize',
  'electricite', 'electrical', 'hopeful', 'goodness', 'demonstrative', 'formative', 'revival', 'allowance', 'inference', 'airliner',
  'gyroscopic', 'adjustable', 'defensible', 'irritant', 'replacement', 'adjustment', 'dependent', 'adoption', 'emotion', 'homologou',
  'communism', 'activate', 'angulariti', 'effective', 'bowdlerize', 'probate', 'rate', 'cease', 'controll', 'roll', 'yelled', 'ugly', 'aping', 'warmly', 'openly', 'clearly', 'quietly',
];
let warm = false;

function warmUp(): void {
  warm = true;
  // The first calls run before V8 allocates the feedback vector: repeat the start of the list.
  for (let i = 0; i < 24; i++) stem(WARMUP[i]!);
  for (const w of WARMUP) stem(w);
}
