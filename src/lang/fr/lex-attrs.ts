/**
 * French lexeme attribute overrides: number words make `likeNum` true (cardinals and
 * ordinals, lower case; spaCy's list, MIT licence).
 */
export const NUMBER_WORDS: ReadonlySet<string> = new Set(
  `billion billionnième cent centième cinq cinquante cinquantième cinquième decillion decillionnième deux deuxième dix
dix-huit dix-huitième dix-neuf dix-neuvième dix-sept dix-septième dixième douze douzième huit huitante huitantième
huitième mil mille milliard milliardième million millionnième millième neuf neuvième nonante nonantième nonillion
nonillionnième octillion octillionnième onze onzième premier première quadrillion quadrillionnième quarante
quarantième quatorze quatorzième quatre quatre-vingt quatre-vingt-dix quatre-vingt-dixième quatre-vingtième quatrième
quintillion quintillionnième quinze quinzième second seconde seize seizième sept septante septantième septillion
septillionnième septième sextillion sextillionnième six sixième soixante soixante-dix soixante-dixième soixantième
treize treizième trente trentième trois troisième un une vingt vingtième zero`
    .split(/\s+/)
    .filter(Boolean),
);
