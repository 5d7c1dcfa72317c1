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

/**
 * The lemma of `form` with part of speech `upos`: an exception if one is listed; proper nouns
 * keep their form; a form that is itself a known lemma stays; otherwise the first suffix rule
 * whose output is a known lemma (or not alphabetic), else the first rule output, else the
 * lower-cased form.
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
  return oov ?? lower;
}
