/**
 * Portuguese tokenizer rules (UD Portuguese Bosque conventions): preposition + article or
 * pronoun contractions are multiword tokens (`ao` -> `a o`, `do` -> `de o`, `à` -> `a a`),
 * hyphenated clitic pronouns split off verbs (`trata-se` -> `trata se`), other hyphenated words
 * stay whole (`segunda-feira`).
 */
import { caseVariants, spacedRules, words } from '../define.js';

/** Abbreviations kept whole with their period. */
export const PT_ABBREVIATIONS: readonly string[] = Object.freeze(words(`
Adm. Art. Av. Cia. Dr. E.G. E.g. Fund. Gen. Gov. I.E. I.e. Inc. Jr. Ltd. Mr. Ph.D. Rep. Rev. Sen. Sr. Sra. art. av.
dom. dr. e.g. ed. eng. etc. i.e. p.m. pag. pág. sr. sra. tel. vs.
Sr. Sra. Srs. Dra. Prof. Profa. Av. Ex. Exa. pág. págs. sáb. dom. seg. ter. qua. qui. sex. tel. etc. cap. n. núm. p. pp.
`));

const de = (xs: string) => Object.fromEntries(words(xs).map((w) => [`d${w}`, ['de', w]]));
const em = (xs: string) => Object.fromEntries(words(xs).map((w) => [`n${w}`, ['em', w]]));

/** Contractions (lower case; case variants are generated). */
export const PT_MULTIWORD_TOKENS: Readonly<Record<string, readonly string[]>> = Object.freeze(caseVariants({
  ...de('o a os as este esta estes estas esse essa esses essas isto isso aquele aquela aqueles aquelas aquilo ele ela eles elas aí ali um uma uns umas outro outra outros outras'),
  ...em('o a os as este esta estes estas esse essa esses essas isto isso aquele aquela aqueles aquelas aquilo ele ela eles elas um uma uns umas outro outra outros outras'),
  ao: ['a', 'o'], aos: ['a', 'os'], à: ['a', 'a'], às: ['a', 'as'],
  àquele: ['a', 'aquele'], àquela: ['a', 'aquela'], àqueles: ['a', 'aqueles'], àquelas: ['a', 'aquelas'], àquilo: ['a', 'aquilo'],
  pelo: ['por', 'o'], pela: ['por', 'a'], pelos: ['por', 'os'], pelas: ['por', 'as'],
  donde: ['de', 'onde'], daqui: ['de', 'aqui'],
}));

/** The Portuguese rules. */
export const PT_RULES = spacedRules({
  abbreviations: PT_ABBREVIATIONS,
  multiwordTokens: PT_MULTIWORD_TOKENS,
  enclitics: Object.freeze({
    clitics: words('se lhe lhes me te nos vos o a os as lo la los las no na'),
    verbEndings: [],
    minStem: 2,
    hyphen: true,
    accents: Object.freeze({}),
    exceptions: [],
  }),
});
