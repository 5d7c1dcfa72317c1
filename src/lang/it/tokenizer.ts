/**
 * Italian tokenizer rules, written from Italian grammar and the UD Italian conventions (no
 * treebank tuning): elided articles and prepositions are split off (`l'uomo` -> `l' uomo`),
 * articulated prepositions are multiword tokens (`della` -> `di la`, `nell'` -> `in l'`),
 * infinitive + clitic pronouns split (`farlo` -> `far lo`).
 */
import { apostropheForms, caseVariants, spacedRules, words } from '../define.js';

/** Elided forms peeled off the start of a word (longest first). */
export const IT_ELISIONS: readonly string[] = Object.freeze(apostropheForms(
  words("l' un' d' c' s' m' t' v' dell' all' dall' nell' sull' coll' quest' quell' nessun' buon' bell' sant' tutt' dov' com'"),
));

const art = (prep: string, base: string) => ({
  [`${base}l`]: [prep, 'il'], [`${base}llo`]: [prep, 'lo'], [`${base}lla`]: [prep, 'la'], [`${base}i`]: [prep, 'i'],
  [`${base}gli`]: [prep, 'gli'], [`${base}lle`]: [prep, 'le'], [`${base}ll'`]: [prep, "l'"], [`${base}ll’`]: [prep, 'l’'],
});

/** Articulated prepositions (lower case; case variants are generated). */
export const IT_MULTIWORD_TOKENS: Readonly<Record<string, readonly string[]>> = Object.freeze(caseVariants({
  ...art('di', 'de'), ...art('a', 'a'), ...art('da', 'da'), ...art('in', 'ne'), ...art('su', 'su'),
  col: ['con', 'il'], coi: ['con', 'i'],
}));

/** Abbreviations kept whole with their period. */
export const IT_ABBREVIATIONS: readonly string[] = Object.freeze(words(`
Art. Avv. Civ. Cod. Cost. Jr. Proc. St. a.C. al. art. artt. att. avv. c.d. cm. col. d.C. distr. ecc. etc. pag. prof.
s.p.a. sett. sett.. ss. tel.
Sig. Sigg. Sig.ra Dott. Dott.ssa Ing. Prof. Avv. On. Geom. Rag. ecc. es. pag. pagg. cap. vol. n. nn. cfr. ca.
`));

/** The Italian rules. */
export const IT_RULES = spacedRules({
  prefixes: IT_ELISIONS,
  abbreviations: IT_ABBREVIATIONS,
  multiwordTokens: IT_MULTIWORD_TOKENS,
  enclitics: Object.freeze({
    clitics: words('glielo gliela glieli gliele gliene lo la li le gli ne mi ti ci si vi'),
    verbEndings: words('ar er ir ando endo'),
    minStem: 1,
    hyphen: false,
    accents: Object.freeze({}),
    // Words that end like infinitive + clitic but are one word.
    exceptions: words('parlo parla parli parle carlo carla carli merlo merli perla perle tarlo ciarla sirena'),
  }),
});
