/**
 * Spanish lexeme attribute overrides: number words make `likeNum` true (cardinals and
 * ordinals, lower case; spaCy's list, MIT licence).
 */
export const NUMBER_WORDS: ReadonlySet<string> = new Set(
  `billonésima billón catorce centésima cero cien cinco cincuenta cuadragésimo cuarenta cuarto cuatro decimoctavo
decimocuarto decimonoveno decimoquinto decimosexto decimoséptimo decimotercero diecinueve dieciocho diecisiete
dieciséis diez doce dos duodécimo décimo mil millonésima millón milésima nonagésima noveno noventa nueve ochenta ocho
octavo octogésima once primero quince quincuagésimo quinto segundo seis septuagésimo sesenta setenta sexagésimo sexto
siete séptimo tercero trece treinta tres trigésimo trillón undécimo uno veinte veinticinco veinticuatro veintidós
veintinueve veintiocho veintisiete veintiséis veintitrés veintiuno vigésimo`
    .split(/\s+/)
    .filter(Boolean),
);
