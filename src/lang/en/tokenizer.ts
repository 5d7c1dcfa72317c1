/**
 * English tokenizer rules, as data only. The lists follow the Universal Dependencies English Web
 * Treebank (EWT) conventions; the word lists were derived from EWT train+dev statistics (a form is
 * listed when EWT keeps it whole more often than it splits it), never from test.
 */
import type { TokenizerRules } from '../../tokenizer/rules.js';

/** Clitics split off the end of a word (checked case-insensitively, any apostrophe form). */
export const CLITICS: readonly string[] = ["n't", "'s", "'m", "'d", "'re", "'ve", "'ll"];

/** Contractions and fused forms written without an apostrophe, split as EWT does (lower case; case variants are generated). */
const FUSED: Record<string, readonly string[]> = {
  cannot: ['can', 'not'],
  gonna: ['gon', 'na'],
  gotta: ['got', 'ta'],
  wanna: ['wan', 'na'],
  outta: ['out', 'ta'],
  sorta: ['sort', 'a'],
  dunno: ['du', 'n', 'no'],
  dont: ['do', 'nt'],
  cant: ['ca', 'nt'],
  wont: ['wo', 'nt'],
  aint: ['ai', 'nt'],
  arent: ['are', 'nt'],
  arnt: ['ar', 'nt'],
  couldnt: ['could', 'nt'],
  wouldnt: ['would', 'nt'],
  shouldnt: ['should', 'nt'],
  didnt: ['did', 'nt'],
  doesnt: ['does', 'nt'],
  isnt: ['is', 'nt'],
  wasnt: ['was', 'nt'],
  werent: ['were', 'nt'],
  havent: ['have', 'nt'],
  hasnt: ['has', 'nt'],
  hadnt: ['had', 'nt'],
  im: ['i', 'm'],
  ive: ['i', 've'],
  itll: ['it', 'll'],
  youll: ['you', 'll'],
  youre: ['you', 're'],
  theyre: ['they', 're'],
  thats: ['that', 's'],
  theres: ['there', 's'],
  whats: ['what', 's'],
  hes: ['he', 's'],
  lets: ['let', 's'],
  elses: ['else', 's'],
};

/**
 * Hyphenated words kept whole, although EWT splits most `x-y` forms: names whose parts are not
 * words and which EWT keeps as one NOUN when written without the hyphen (`WiFi`, `wifi`). None
 * occurs hyphenated in EWT, so this changes no EWT tokenization.
 */
const WHOLE_HYPHENATED: readonly string[] = ['wi-fi'];

function caseVariants(table: Record<string, readonly string[]>): Record<string, readonly string[]> {
  const out: Record<string, readonly string[]> = {};
  for (const [k, pieces] of Object.entries(table)) {
    out[k] = pieces;
    const title = k[0]!.toUpperCase() + k.slice(1);
    out[title] = [pieces[0]![0]!.toUpperCase() + pieces[0]!.slice(1), ...pieces.slice(1)];
    out[k.toUpperCase()] = pieces.map((p) => p.toUpperCase());
  }
  return out;
}

/** The default English special cases. */
export const EN_SPECIAL_CASES: Readonly<Record<string, readonly string[]>> = Object.freeze({
  ...caseVariants(FUSED),
  ...caseVariants(Object.fromEntries(WHOLE_HYPHENATED.map((w) => [w, [w]]))),
  'Wi-Fi': ['Wi-Fi'],
  // Clitics standing alone are one token each.
  "'s": ["'s"],
  "'S": ["'S"],
  '’s': ['’s'],
  "c'mon": ["c'm", 'on'],
  "C'mon": ["C'm", 'on'],
  'US$': ['US$'],
  'Yahoo!': ['Yahoo!'],
  "I'ma": ['I', "'m", 'a'],
  'C$': ['C$'],
  'A$': ['A$'],
  'HK$': ['HK$'],
  'U$': ['U$'],
});

/** Abbreviations EWT keeps whole (train+dev), plus common forms of the same kinds. */
export const EN_ABBREVIATIONS: readonly string[] = Object.freeze(
  `A.M. Aplo. Arrv. Ass't. Attn. Aug. Apr. Blvd. Capt. Co. Col. Conf. Corp. D.C. Dec. Dr. Drs. Esp. E.g. Etc.
F.O.B. Fax. Feb. Fri. Ft. Gen. Gov. I.E. I.e. Inc. Jan. Jr. Jul. Jun. L.A. L.P. LA. LTD. La. Lt. Ltd. M.D. M.S.
Mar. Mob. Mon. Mr. Mrs. Ms. Mt. N.O. No. Nov. Oct. P.M. P.O. P.S. PS. PVT. Para. Ph. Prof. Que. Rep. Reps. Rev. S.A. S.D. Sat.
Sc. Sec. Sen. Sept. Sep. Sgt. Spec. Sr. St. Sts. Sun. T.V. Thu. Thur. Thurs. Tue. Tues. U.C. U.K. U.N. U.S. U.T. Va. vs. Vs. Vol. Wed.
a.k.a. a.m. approx. arrv. co. dept. dom. e.g. eg. esp. est. et. etc. eve. ext. i.e. lb. lbs. lv. mins. o.k. oz. p.m.
ps. rec. vol. yrs.`.split(/\s+/),
);

/** First parts that keep `x-y` whole (EWT train+dev: kept whole more often than split). */
export const EN_HYPHEN_PREFIXES: readonly string[] = Object.freeze(
  `anti arch co counter cross e ex intra mid mis multi neo non over post pre pro psycho re semi socio sub un
micro`.split(/\s+/),
);

/** Second parts that keep `x-y` whole. */
export const EN_HYPHEN_SUFFIXES: readonly string[] = Object.freeze(['wise', 'esque']);

/** Units split off a number (EWT train+dev `35mm` -> `35 mm`; ordinals and decades like `20th`, `1970s` stay whole). */
export const EN_UNITS: readonly string[] = Object.freeze(
  `m pm PM am AM k K b M mm ft x bn hh cm kg t Hz f C p MM lb lbs kb KB gb GB mb MB hrs hr mins min km kms mph sq oz g mg ml
 in yrs yr s2 percent days day minutes`.split(/\s+/).filter((u) => u && u !== 's2'),
);

/** Emoticons kept whole (seen in EWT train, plus their common mirrored and nosed forms). */
export const EN_EMOTICONS: readonly string[] = Object.freeze(
  `:) :-) :( :-( ;) ;-) :D :-D :P :-P :p :-p ^_^ ^^ =) =( (: (-: :] :[ :/ :-/ :| :-| :o :O :-O :'( :') <3 </3
xD XD xd ;D ;P 8) 8-) -_- o_O O_o o.O >:( >:) :* :-* :3 :\\ :> :<`.split(/\s+/),
);

/** The default English rules. */
export const EN_RULES: TokenizerRules = Object.freeze({
  prefixes: Object.freeze([]),
  suffixes: Object.freeze([]),
  infixes: Object.freeze([]),
  specialCases: EN_SPECIAL_CASES,
  abbreviations: EN_ABBREVIATIONS,
  hyphenPrefixes: EN_HYPHEN_PREFIXES,
  hyphenSuffixes: EN_HYPHEN_SUFFIXES,
  units: EN_UNITS,
  emoticons: EN_EMOTICONS,
  multiwordTokens: Object.freeze({}),
  multiwordKeepAfter: Object.freeze({}),
  enclitics: null,
  apostropheClitics: true,
  splitHyphens: true,
  ordinalPeriod: false,
  splitMarkRuns: false,
});
