/**
 * The words of indicator statements written as prose, matched on cleaned text (simplified,
 * half-width, no spaces between Chinese characters). Alternations are longest first.
 */
import { UNIT_ALIASES, UNITS } from "@ybplan/domain/text";

const longestFirst = (words: readonly string[]): string =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("|");

/** A number with an optional unit: "96%", "1200家", "45.6亿元", "500个品种". */
export const VALUE = String.raw`\d+(?:\.\d+)?(?:${longestFirst([...UNITS, ...Object.keys(UNIT_ALIASES), "个百分点"])})?`;

/** After the number: "96%以上", "70%左右". */
export const QUALIFIER = "(?:及以上|及以下|以上|以下|左右|以内)";

/** Verbs (and signs) the domain's target parser reads before a figure. */
export const VERB = `(?:${longestFirst([
  "稳定在",
  "保持在",
  "保持稳定在",
  "继续保持在",
  "继续稳定在",
  "稳定保持在",
  "持续稳定在",
  "持续保持在",
  "始终保持在",
  "维持在",
  "稳定于",
  "达到",
  "达",
  "提高到",
  "提高至",
  "提升到",
  "提升至",
  "增加到",
  "增加至",
  "增长到",
  "增长至",
  "上升到",
  "上升至",
  "扩大到",
  "扩大至",
  "降至",
  "降到",
  "降低到",
  "降低至",
  "下降到",
  "下降至",
  "减少到",
  "减少至",
  "压减到",
  "压减至",
  "增至",
  "增到",
  "升至",
  "升到",
  "缩短至",
  "缩短到",
  "缩小至",
  "缩小到",
  "压缩至",
  "压缩到",
  "保持",
  "维持",
  "控制在",
  "控制到",
  "不低于",
  "不少于",
  "不小于",
  "不高于",
  "不超过",
  "不大于",
  "不多于",
  "大于等于",
  "小于等于",
  "超过",
  "达到或超过",
  "突破",
  "超",
  "逾",
  "巩固在",
  "高于",
  "大于",
  "多于",
  "低于",
  "小于",
  "少于",
  "约为",
  "约",
  ">=",
  "<=",
  "≥",
  "≤",
  ">",
  "<",
])})`;

/** Comparison signs that may stand between a name and its figure without a verb. */
export const SIGN = "(?:>=|<=|≥|≤|>|<)";

/** "由30%提升至70%": the verb of a change between two figures. */
export const CHANGE =
  "(?:提高|提升|增加|增长|上升|扩大|降低|下降|减少|压减|缩短|缩小|压缩|增|升|降)?(?:到|至)";

/** "由2020年的30%": when the starting figure held. */
export const YEAR_OF = String.raw`(?:(?:19|20)\d{2}年(?:底|末)?的?)`;

/**
 * Words between a name and its verb that belong to neither ("参保率力争达到97%", "激活率到2025年
 * 不低于60%"): adverbs of intent and manner, and the target year.
 */
export const ADVERB = String.raw`(?:达到并|并|要|将|年均|累计|逐年|全面|有序|全部|需|应|力争|争取|确保|努力|逐步|稳步|进一步|持续|继续|基本|总体|均|都|原则上|每年|到(?:19|20)\d{2}年(?:底|末)?|至(?:19|20)\d{2}年(?:底|末)?|(?:19|20)\d{2}年(?:底|末)?)*`;

/** A name ends in what it measures. */
export const METRIC =
  /(?:率|比|比例|比重|占比|人数|人次|数量|个数|家数|次数|天数|数|量|品种|种类|金额|总额|额度|限额|补偿额|收入|支出|结余|费用|时间|时长|时限|时效|周期|指数|覆盖面|满意度|知晓度|水平|规模|标准|增速|增幅|降幅|年均增长|平均住院日|住院日|起付线|封顶线|之差|差距|差值|得分|分值)$/;

/** Units that count or sum things: a name that ends in a noun ("定点医药机构") may take them. */
export const COUNT_UNIT =
  /^(?:个|家|种|项|类|批|件|次|户|万户|张|床|人|万人|人次|万人次|亿元|万元|千元|元|天|日|个月)$/;

/** A name that holds an action is a task ("开展专项检查不少于4次"), not an indicator. */
export const ACTION =
  /开展|建设|建成|新建|组建|组织|培训|完成|推进|推动|实施|落实|举办|检查|追回|查处|救助|惠及|减轻|打造|创建|培育|引进|投入|安排|筹集|拨付|发放|采购|谈判|纳入|签约|审核|稽核|整改|处理|督导|指导|宣传|编制|制定|出台|印发|召开|走访|排查|累计|节约|帮助|资助|减免|支付了|结算了/;

/**
 * Statements of what has been (a background, not a target). Comparisons ("同比", "较上年") are not
 * among them: they are relative figures, which no target form reads anyway.
 */
export const PAST =
  /截至|截止|以来|十三五|过去|历年|先后|累计(?:救助|惠及|减轻|追回|完成|支付|结算|发放|节约|资助|帮助|办理|为|享受|减免|拨付|筹集|投入)|已经|已(?:达|稳定|保持|提高|提升|实现|超过|降至|控制)/;

/** A clause that opens on the past ("去年全市…", "目前…") states where things stand. */
export const OPENS_ON_PAST = /^(?:去年|上年|上一年|前年|目前|当前|现已|如今|截至目前)/;

/** What a policy allows or encourages ("鼓励有条件的地区将…提高到60%") is no target of the plan. */
export const PERMISSION = /鼓励|允许|支持有条件|有条件的地区|可根据|可适当|可将/;

/** Statements of what is to be. */
export const FUTURE =
  /到(?:19|20)\d{2}年|(?<!截)至(?:19|20)\d{2}年|力争|争取|确保|预计|目标|十四五|规划期末|期末/;

/** Words before a name that are not part of it ("全市…", "到2025年…", "力争…", "其中…"). */
export const LEAD =
  /^(?:注[:：]?|指(?!标)|其中|此外|另外|同时|并且|并|且|使(?!用)|将|要|全市范围内|全市|全省|全县|全区|全州|全盟|全国|我市|我省|我县|我区|本市|本省|本县|届时|实现|力争|确保|争取|努力|预计|目标是|主要目标是|发展目标是|到(?:19|20)\d{2}年(?:底|末)?|至(?:19|20)\d{2}年(?:底|末)?|(?:19|20)\d{2}年(?:底|末)?|到?“?十四五”?(?:末|期末|期间|时期)|规划期末|期末|[一二三四五六七八九十]+是)+/;

/** A trailing attribute on a list line: "基本医疗保险参保率 96%以上（约束性）". */
export const ATTRIBUTE_TAIL = /[\s(（[【]*(约束性|预期性)(?:指标)?[)）\]】]?\s*$/;

/** A verb inside a name means the clause says more than a name and a target (a rule, a relation). */
export const VERB_IN_NAME =
  /控制在|达到|提高到|提高至|提升到|提升至|稳定在|保持在|不低于|不超过|不少于|降至|原则上/;
