/**
 * Portuguese lexeme attribute overrides: number words make `likeNum` true (cardinals and
 * ordinals, lower case; spaCy's list, MIT licence).
 */
export const NUMBER_WORDS: ReadonlySet<string> = new Set(
  `bilhao bilhoes bilhão bilhões bilionésimo catorze cem cento centésimo cinco cinquenta dez dezanove dezasseis dezassete
dezoito dois doze ducentésimo duzentos duzia duzias décimo dúzia dúzias mil milhao milhoes milhão milhões milionésimo
milésimo nonagésimo nongentésimo nono nove novecentos noventa octingentésimo octogésimo oitavo oitenta oito oitocentos
onze primeiro quadragésimo quadrilhao quadrilhoes quadrilhão quadrilhões quadringentésimo quarenta quarto quatro
quatrocentos quingentésimo quinhentos quinquagésimo quinto quinze segundo seicentos seis septingentésimo septuagésimo
sessenta sete setecentos setenta sexagésimo sexcentésimo sexto sétimo terceiro trecentésimo tres treze trezentos
trigésimo trilhao trilhoes trilhão trilhões trinta três um vigésimo vinte zero`
    .split(/\s+/)
    .filter(Boolean),
);
