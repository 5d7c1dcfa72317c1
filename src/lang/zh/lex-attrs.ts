/**
 * Chinese lexeme attribute overrides: number words make `likeNum` true (cardinals and
 * ordinals, lower case; spaCy's list, MIT licence).
 */
export const NUMBER_WORDS: ReadonlySet<string> = new Set(
  `〇 一 七 万 三 九 二 五 亿 仟 伍 佰 兆 八 六 十 十一 十七 十三 十九 十二 十五 十八 十六 十四 千 卅 卌 叁 四 壹 廿 拾 拾伍 拾叁 拾壹 拾捌 拾柒 拾玖 拾肆 拾贰 拾陆 捌 柒 玖 百 皕 肆 贰 陆
零`
    .split(/\s+/)
    .filter(Boolean),
);
