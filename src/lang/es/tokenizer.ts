/**
 * Spanish tokenizer rules (UD Spanish GSD conventions): `del`/`al` are multiword tokens (`del`
 * -> `de el`), verb + clitic pronouns split into words (`darle` -> `dar le`, `dándole` ->
 * `dando le`), hyphenated words and number ranges stay whole.
 */
import { caseVariants, spacedRules, words } from '../define.js';

/** Abbreviations kept whole with their period. */
export const ES_ABBREVIATIONS: readonly string[] = Object.freeze(words(`
12m. Av. Avda. Cía. Dr. Dra. EE.UU. Ee.Uu. Gob. Gral. Ing. J.C. Lic. P.D. Prof. Profa. Q.E.P.D. S.A. S.L. S.R.L. Sr.
Sra. Srta. Ud. Uds. Vd. Vds. a.C. a.J.C. a.m. apdo. aprox. d.C. d.J.C. dna. dpto. ej. esq. etc. fig. m. m.n. núm.
p.ej. p.m. pág. q.e.p.d. s.s.s. vol.
Sres. Sras. Dña. Bros. Ltda. Co. Inc. Ltd. Jr. Mr. Mrs. St. pp. págs. tel. núms. Km. km. art. arts. cap. etc. vs. Ud.
`));

/** The Spanish rules. */
export const ES_RULES = spacedRules({
  abbreviations: ES_ABBREVIATIONS,
  multiwordTokens: Object.freeze(caseVariants({ del: ['de', 'el'], al: ['a', 'el'] }, 'none')),
  suffixes: ['²', '³'],
  enclitics: Object.freeze({
    // 'te', 'os' and 'nos' end too many words (convierte, primeros, cuadernos) to be split off.
    clitics: words('se le les lo los la las me'),
    verbEndings: words('ar er ir ár ér ír ándo iéndo yéndo'),
    minStem: 1,
    hyphen: false,
    accents: Object.freeze({ ár: 'ar', ér: 'er', ír: 'ir', ándo: 'ando', iéndo: 'iendo', yéndo: 'yendo' }),
    exceptions: words('confirme afirme enferme duerme firme sirve cierne'),
  }),
});
