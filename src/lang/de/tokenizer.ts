/**
 * German tokenizer rules (UD German GSD conventions): hyphenated compounds and ordinals (`13.`)
 * stay whole, `!!` is two tokens, preposition + article contractions are multiword tokens
 * (`zum` -> `zu dem`). Abbreviations: spaCy's German exceptions (MIT) plus common forms.
 */
import { caseVariants, spacedRules, words } from '../define.js';

/** Abbreviations kept whole with their period. */
export const DE_ABBREVIATIONS: readonly string[] = Object.freeze(words(`
A.C. A.D. A.G. Abb. Abk. Abs. Abt. Apr. Aug. B.A. B.Sc. Bd. Betr. Bf. Bhf. Biol. Bsp. Chr. Cie. Co. D.C. Dez. Di.
Dipl. Dipl.-Ing. Do. Dr. Fa. Fam. Feb. Fr. Frl. G.m.b.H. Gebr. Hbf. Hg. Hr. Hrn. Hrsg. I. II. III. IV. Inc. Ing.
Jan. Jh. Jhd. Jr. Jul. Jun. K.O. L.A. M.A. M.Sc. Mi. Mio. Mo. Mr. Mrd. Mrz. MwSt. Mär. N.Y. N.Y.C. Nov. Nr. O.K.
Okt. Orig. P.S. Pkt. Prof. R.I.P. Red. Sa. Sep. Sept. So. St. Std. Str. Tel. Tsd. U.S. U.S.A. U.S.S. Univ. Vol. a.D.
a.M. a.Z. abzgl. adv. al. allg. betr. biol. bspw. bzgl. bzw. ca. co. d.h. dgl. e.V. e.g. ebd. ehem. eigtl. engl.
entspr. erm. etc. ev. evtl. frz. geb. gegr. gem. ggf. ggfs. ggü. h.c. hrsg. i.A. i.G. i.O. i.Tr. i.V. i.d.R. i.e.
incl. inkl. insb. jr. jun. jur. kath. lat. lt. m.E. m.M. max. min. mind. mtl. n.Chr. nat. o.a. o.g. o.k. o.ä. orig.
p.a. p.s. pers. phil. q.e.d. rer. röm. s.o. sen. sog. std. stellv. tägl. u.U. u.a. u.s.w. u.v.m. usf. usw. uvm.
v.Chr. v.a. v.l.n.r. vgl. vllt. vlt. vs. wiss. z.B. z.Bsp. z.T. z.Z. z.Zt. z.b. zzgl. österr.
z.B. Z.B. u.a. U.a. usw. d.h. D.h. evtl. ggf. inkl. max. min. v.a. u.U. s.o. s.u. vgl. Vgl. z.T. Az. zzgl.
`));

/** Preposition + article contractions (lower case; case variants are generated). */
export const DE_MULTIWORD_TOKENS: Readonly<Record<string, readonly string[]>> = Object.freeze(caseVariants({
  im: ['in', 'dem'], am: ['an', 'dem'], zum: ['zu', 'dem'], zur: ['zu', 'der'], vom: ['von', 'dem'],
  beim: ['bei', 'dem'], ins: ['in', 'das'], ans: ['an', 'das'], aufs: ['auf', 'das'], fürs: ['für', 'das'],
  ums: ['um', 'das'], durchs: ['durch', 'das'], übers: ['über', 'das'], unters: ['unter', 'das'], vors: ['vor', 'das'],
  hinterm: ['hinter', 'dem'], überm: ['über', 'dem'], unterm: ['unter', 'dem'], vorm: ['vor', 'dem'],
}));

/** The German rules. */
export const DE_RULES = spacedRules({
  abbreviations: DE_ABBREVIATIONS,
  multiwordTokens: DE_MULTIWORD_TOKENS,
  specialCases: { "'s": ["'s"], "'n": ["'n"], "'ne": ["'ne"], "'nen": ["'nen"], "'nem": ["'nem"] },
  // GSD splits hyphenated compounds: "US-Präsident" -> "US - Präsident".
  splitHyphens: true,
  suffixes: ["'s", '’s'],
  ordinalPeriod: true,
  splitMarkRuns: true,
});
