/**
 * Japanese: words come from ICU's dictionary-based word segmentation (`Intl.Segmenter`), then
 * adjusted to the UD Japanese GSD conventions: ICU words the treebank writes as several words are
 * split (`した` -> `し た`), adjacent segments it writes as one word are merged
 * (`だ` + `っ`). Both lists were derived from the treebank's dev set (a form is
 * listed when the change is right at least twice as often as wrong there), never from test.
 */
import { spacedRules, words } from '../define.js';

/** ICU segment -> treebank words (`form=word|word`). */
const SPLITS = words(`
した=し|た てい=て|い では=で|は として=と|し|て という=と|いう でも=で|も ので=の|で による=に|よる について=に|つい|て によって=に|よっ|て だが=だ|が により=に|より
ことに=こと|に 弁護士=弁護|士 一つ=一|つ きた=き|た なので=な|の|で ですが=です|が となり=と|なり 後に=後|に その後=その|後 中でも=中|で|も に対して=に|対し|て 時に=時|に
事務所=事務|所 だけど=だ|けど すると=する|と といった=と|いっ|た に関する=に|関する まずは=まず|は にかけて=に|かけ|て 年代=年|代 とともに=と|とも|に そうだ=そう|だ 上の=上|の
における=に|おけ|る 代目=代|目 にとって=に|とっ|て それほど=それ|ほど に対し=に|対し そのため=その|ため 他の=他|の 東日本=東|日本 大震災=大|震災 ちなみに=ちなみ|に に対する=に|対する
イーバンク=イー|バンク これだけ=これ|だけ 本当に=本当|に 超新星=超|新星 にあたる=に|あたる HE=H|E かも=か|も 時には=時|に|は 脳神経=脳|神経 それに=それ|に させる=さ|せる
と共に=と|共|に 日本語=日本|語 装甲車=装甲|車 得て=得|て において=に|おい|て 学的=学|的
`);

/** Adjacent segments written as one word (`a+b`). */
const MERGES = words(`
だ+っ な+っ ま+し ら+れ で+し なか+っ 知+ら た+い 用+い 信+じ い+く わか+り で+しょう 続+い 強+く 言+い 主+な に+て 大+き 飲+み 慣+れ 広+く 知+れ 行+っ 特+化 隆+法
動+い 少+なく や+すく 早+押し 冠+し 与+え 進+め 本+作 ミ+ウラ 日+露 失+い 属+人 出+さ ナ+バラ 思+え 合+わ フェ+レット 済+美
`);

/** Splits as special cases (pieces rejoin to the segment). */
export const JA_SPLITS: Readonly<Record<string, readonly string[]>> = Object.freeze(
  Object.fromEntries(SPLITS.map((e) => {
    const [form, pieces] = e.split('=') as [string, string];
    return [form, pieces.split('|')];
  })),
);

/** Merged segment pairs. */
export const JA_MERGES: readonly (readonly [string, string])[] = Object.freeze(MERGES.map((e) => e.split('+') as [string, string]));

/** The Japanese rules (the splits; Latin-script runs and emoticons follow the shared rules). */
export const JA_RULES = spacedRules({ specialCases: JA_SPLITS });
