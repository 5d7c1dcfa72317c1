/**
 * Dutch lexeme attribute overrides: number words make `likeNum` true (cardinals and
 * ordinals, lower case; spaCy's list, MIT licence).
 */
export const NUMBER_WORDS: ReadonlySet<string> = new Set(
  `acht achtste biljard biljardste biljoen biljoenste derde dertien dertiende dertig dertigste drie duizend duizendste
een eerste elf elfde honderd honderdste miljard miljardste miljoen miljoenste negen negende negentig negentigste nul
tachtig tachtigste tien tiende triljard triljardste triljoen triljoenste twaalf twaalfde twee tweede twintig
twintigste veertien veertiende veertig veertigste vier vierde vijf vijfde vijftig vijftigste zes zesde zestig
zestigste zeven zevende zeventig zeventigste één`
    .split(/\s+/)
    .filter(Boolean),
);
