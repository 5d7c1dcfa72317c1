/**
 * French tokenizer rules (UD French GSD conventions): elided articles and pronouns are split off
 * (`l'homme` -> `l' homme`, `qu'il` -> `qu' il`), inverted subject pronouns too (`dit-il` ->
 * `dit -il`, `a-t-il` -> `a -t-il`), other hyphenated words stay whole (`c'est-à-dire`,
 * `États-Unis`), `du`/`des`/`au`/`aux` are multiword tokens (`du` -> `de le`).
 */
import { apostropheForms, caseVariants, spacedRules, words } from '../define.js';

/** Elided forms peeled off the start of a word (longest first). */
export const FR_ELISIONS: readonly string[] = Object.freeze(apostropheForms(
  words("l' d' j' m' n' s' t' c' ç' qu' jusqu' lorsqu' puisqu' quoiqu' quelqu'"),
));

/** Inverted subject pronouns split off the end of a verb. */
export const FR_INVERTED: readonly string[] = Object.freeze(apostropheForms(
  words('-t-il -t-elle -t-on -t-ils -t-elles -il -elle -ils -elles -on -je -tu -nous -vous -ce -moi -toi -lui -leur -le -la -les -y -en'),
));

/** Abbreviations kept whole with their period. */
export const FR_ABBREVIATIONS: readonly string[] = Object.freeze(words(`
-C. Dr. J. J.-C. M. MM. Mlle. Mme. Mr. No. St. Ste. Vol. apr. av. avr. cf. déc. etc. févr. janv. juill. nov. oct.
pp. sept.
M. Mme. Mlle. MM. Dr. Pr. Me. St. Ste. av. bd. boul. cf. etc. env. ex. hab. min. max. p. pp. vol. éd. chap. art. Cie. Jr. S.A.
`));

/** Preposition + article contractions (lower case; case variants are generated). */
export const FR_MULTIWORD_TOKENS: Readonly<Record<string, readonly string[]>> = Object.freeze(caseVariants({
  du: ['de', 'le'], des: ['de', 'les'], au: ['à', 'le'], aux: ['à', 'les'],
  auquel: ['à', 'lequel'], auxquels: ['à', 'lesquels'], auxquelles: ['à', 'lesquelles'],
  duquel: ['de', 'lequel'], desquels: ['de', 'lesquels'], desquelles: ['de', 'lesquelles'],
}, 'lower'));

/** Hyphenated words that end like an inverted pronoun but are one word. */
const FR_WHOLE = words(`l'on L'on l’on L’on rendez-vous Rendez-vous peut-être Peut-être c'est-à-dire C'est-à-dire vis-à-vis Vis-à-vis
chez-nous chez-soi va-et-vient là-dessus là-dessous au-dessus au-dessous au-delà ci-dessus ci-dessous`);

/** Tokens after which `des` is the article (one word), not `de les`: prepositions, commas, some verbs and adverbs, the text start. */
const FR_DES_ARTICLE = ['', ...words(`, par à dans sur pour entre après avec sans chez vers contre en que sont ont étaient
était est a avait également aussi déjà notamment souvent parfois toujours propose`)];

/** The French rules. */
export const FR_RULES = spacedRules({
  prefixes: FR_ELISIONS,
  suffixes: FR_INVERTED,
  abbreviations: FR_ABBREVIATIONS,
  multiwordTokens: FR_MULTIWORD_TOKENS,
  multiwordKeepAfter: { des: FR_DES_ARTICLE, Des: [''] },
  specialCases: Object.fromEntries(FR_WHOLE.map((w) => [w, [w]])),
  spacedNumbers: true,
});
