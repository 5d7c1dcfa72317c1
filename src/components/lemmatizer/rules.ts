/**
 * Lemmatization rules: suffix rewrites per UPOS (the classic English set, as in spaCy's rule
 * lemmatizer), applied to a lower-cased form, plus the decision procedure that combines them
 * with the tables (exceptions, then known lemmas, then rules).
 */

/** Suffix rules `[old, new]` per UPOS, tried in order. */
export const SUFFIX_RULES: Readonly<Record<string, readonly (readonly [string, string])[]>> = Object.freeze({
  NOUN: [['s', ''], ['ses', 's'], ['ves', 'f'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y']],
  VERB: [['s', ''], ['ies', 'y'], ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', '']],
  AUX: [['s', ''], ['ies', 'y'], ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', '']],
  ADJ: [['er', ''], ['est', ''], ['er', 'e'], ['est', 'e']],
});

/** The tables a rule lemmatizer consults (see `tables.ts`). */
export interface LemmaTables {
  /** UPOS -> set of known lemmas (lower case). */
  index: Map<string, Set<string>>;
  /** UPOS -> lower-case form -> lemma (exact case). */
  exceptions: Map<string, Map<string, string>>;
}

function isAlpha(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || c > 127)) return false;
  }
  return true;
}

/** Open classes whose known lemmas back up each other's (see {@link lemmatize}). */
const OPEN_CLASSES = ['NOUN', 'VERB', 'ADJ'] as const;
const openLemmas = new WeakMap<LemmaTables, Set<string>>();

/** Whether `w` is a known lemma of any open class (the union is built once per tables object). */
function knownOpenLemma(w: string, tables: LemmaTables): boolean {
  let all = openLemmas.get(tables);
  if (!all) {
    all = new Set<string>();
    for (const pos of OPEN_CLASSES) for (const l of tables.index.get(pos) ?? []) all.add(l);
    openLemmas.set(tables, all);
  }
  return all.has(w);
}

/** Suffixes after which English doubles a final consonant (`stopped`, `swimming`, `bigger`). */
const DOUBLING = new Set(['ed', 'ing', 'er', 'est']);

/**
 * The lemma of `form` with part of speech `upos`: an exception if one is listed; proper nouns
 * keep their form; a form that is itself a known lemma stays; otherwise the first suffix rule
 * whose output is a known lemma (or not alphabetic), as spaCy's rule lemmatizer. Where spaCy
 * would fall back to the first rule output (the shipped EWT tables are far smaller than spaCy's
 * WordNet-based ones), a rule output that is a known lemma of another open class is taken
 * (`rained`/VERB -> `rain`, known as a noun), then one with a doubled final consonant undone
 * (`swimming` -> `swim`); else the first rule output, else the lower-cased form.
 * @example lemmatize('geese', 'NOUN', tables) // 'goose' (exception); lemmatize('cats', 'NOUN', tables) // 'cat'
 */
export function lemmatize(form: string, upos: string, tables: LemmaTables): string {
  const lower = form.toLowerCase();
  const exc = tables.exceptions.get(upos)?.get(lower);
  if (exc !== undefined) return exc;
  if (upos === 'PROPN') return form;
  const rules = SUFFIX_RULES[upos];
  if (!rules) return lower;
  const index = tables.index.get(upos);
  if (index?.has(lower)) return lower;
  let oov: string | undefined;
  for (const [old, repl] of rules) {
    if (lower.length <= old.length || !lower.endsWith(old)) continue;
    const cand = lower.slice(0, lower.length - old.length) + repl;
    if (index?.has(cand) || !isAlpha(cand)) return cand;
    if (oov === undefined) oov = cand;
  }
  if (oov === undefined) return lower;
  // Only reached for forms spaCy's algorithm cannot place: outputs are all unknown for this UPOS.
  for (const [old, repl] of rules) {
    if (lower.length <= old.length || !lower.endsWith(old)) continue;
    const cand = lower.slice(0, lower.length - old.length) + repl;
    if (cand.length >= 3 && knownOpenLemma(cand, tables)) return cand;
  }
  for (const [old, repl] of rules) {
    if (repl !== '' || !DOUBLING.has(old) || lower.length <= old.length + 3 || !lower.endsWith(old)) continue;
    const stem = lower.slice(0, lower.length - old.length);
    const c = stem.charCodeAt(stem.length - 1);
    // Doubled consonant other than s, l and z (`kisses`, `called` and `buzzed` keep theirs).
    if (c !== stem.charCodeAt(stem.length - 2) || 'aeiouslz'.includes(stem[stem.length - 1]!)) continue;
    const undoubled = stem.slice(0, -1);
    if (index?.has(undoubled) || knownOpenLemma(undoubled, tables)) return undoubled;
  }
  return oov;
}
