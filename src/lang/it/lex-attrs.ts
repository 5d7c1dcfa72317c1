/**
 * Italian lexeme attribute overrides: number words make `likeNum` true (cardinals and
 * ordinals, lower case).
 */
export const NUMBER_WORDS: ReadonlySet<string> = new Set(
  `centesimo cento cinquanta cinque decimo diciannove diciassette diciotto dieci dodici due duemila miliardi miliardo
milione milioni mille millesimo nono novanta nove ottanta ottavo otto prima primo quaranta quarto quattordici quattro
quindici quinto seconda secondo sedici sei sessanta sesto settanta sette settimo terza terzo tre tredici trenta una
undici uno venti zero`
    .split(/\s+/)
    .filter(Boolean),
);
