/**
 * Chinese: words come from ICU's dictionary-based word segmentation (`Intl.Segmenter`), then
 * adjusted to the UD Chinese GSDSimp conventions: ICU words the treebank writes as several words are
 * split (`一个` -> `一 个`), adjacent segments it writes as one word are merged
 * (`联` + `赛`). Both lists were derived from the treebank's dev set (a form is
 * listed when the change is right at least twice as often as wrong there), never from test.
 */
import { spacedRules, words } from '../define.js';

/** ICU segment -> treebank words (`form=word|word`). */
const SPLITS = words(`
一个=一|个 成为=成|为 位于=位|于 一种=一|种 这个=这|个 他的=他|的 因此=因|此 之一=之|一 称为=称|为 但在=但|在 还有=还|有 的是=的|是 一座=一|座 共和国=共和|国 生于=生|于
属于=属|于 来说=来|说 作为=作|为 一部分=一|部分 性的=性|的 中的=中|的 人口密度=人口|密度 正在=正|在 北京市=北京|市 及其=及|其 一部=一|部 华人=华|人 欧元=欧|元
文化大革命=文化|大|革命 视为=视|为 国务院=国务|院 早在=早|在 大规模=大|规模 国立=国|立 多个=多|个 一条=一|条 除了=除|了 世界上=世界|上 吞吐量=吞吐|量 也有=也|有 台北市=台北|市
辛亥革命=辛亥|革命 也可以=也|可以 咖啡因=咖啡|因 副总统=副|总统 一年=一|年 学的=学|的 之地=之|地 两侧=两|侧 三层=三|层 一队=一|队 都会=都|会 华北=华|北 一方面=一|方面 双方=双|方
只是=只|是 主要是=主要|是 华尔街=华尔|街 内的=内|的 自此=自|此 随着=随|着 南京市=南京|市 有人=有|人 不再=不|再 一支=一|支 英文=英|文 一所=一|所 名为=名|为 天主教=天主|教
不了=不|了 她是=她|是 是以=是|以 孙中山=孙|中山 东欧=东|欧 三大=三|大 裁判所=裁判|所 在于=在|于 古希腊=古|希腊 荷马史诗=荷马|史诗 大部分=大|部分 来自=来|自 嘉义县=嘉义|县
并不=并|不 处于=处|于 多次=多|次 中有=中|有 五十人=五十|人 在一起=在|一起 他是=他|是 单边=单|边 嘉义市=嘉义|市 深蓝色=深蓝|色 四年=四|年 副校长=副|校长
`);

/** Adjacent segments written as one word (`a+b`). */
const MERGES = words(`
联+赛 设+有 港+铁 华+纳 二+战 饰+演 国+军 三+桂 领+骑 玛丽+娜 全+线 赛+季 第+一 狂+气 小+调 下+辖 骏+彦 命+理 玄+宗 则+是 贝+勒 人+气 公+交 亚+冠 参+赛 赛+事 批+复
取+道 20+万 #+A 资+阳 而+非 杰+克 零+部件 中+兴 全+名 靳+岗 第+6 贾+霸 勾+手 全+诗 平方+千米 黄+岩 英+超 树+青 很+远 桑+坦 苯+教 合+共 后+港 向+岛 濑+户 征+选
军+需 达+夏 传+媒 风+行 较+高 罗斯+福 肃+宗 维+吉尼亚 嘉+薰 数+词 汗+国 校+门
`);

/** Splits as special cases (pieces rejoin to the segment). */
export const ZH_SPLITS: Readonly<Record<string, readonly string[]>> = Object.freeze(
  Object.fromEntries(SPLITS.map((e) => {
    const [form, pieces] = e.split('=') as [string, string];
    return [form, pieces.split('|')];
  })),
);

/** Merged segment pairs. */
export const ZH_MERGES: readonly (readonly [string, string])[] = Object.freeze(MERGES.map((e) => e.split('+') as [string, string]));

/** The Chinese rules (the splits; Latin-script runs and emoticons follow the shared rules). */
export const ZH_RULES = spacedRules({ specialCases: ZH_SPLITS });
