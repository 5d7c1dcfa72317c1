/**
 * Japanese lexeme attribute overrides: number words make `likeNum` true (cardinals and
 * ordinals, lower case).
 */
export const NUMBER_WORDS: ReadonlySet<string> = new Set(
  `〇 ゼロ 一 七 万 三 九 二 五 億 兆 八 六 十 千 参 四 壱 弐 拾 百 零`
    .split(/\s+/)
    .filter(Boolean),
);
