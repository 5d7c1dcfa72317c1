/**
 * German lexeme attribute overrides: number words make `likeNum` true (cardinals and
 * ordinals, lower case).
 */
export const NUMBER_WORDS: ReadonlySet<string> = new Set(
  `acht achte achtzehn achtzig billion billionen drei dreissig dreizehn dreißig dritte ein eine eins elf elfte erste fünf
fünfte fünfzehn fünfzig hundert hundertste milliarde milliarden million millionen neun neunte neunzehn neunzig null
sechs sechste sechzehn sechzig sieben siebte siebzehn siebzig tausend tausendste vier vierte vierzehn vierzig zehn
zehnte zwanzig zwanzigste zwei zweite zwölf zwölfte`
    .split(/\s+/)
    .filter(Boolean),
);
