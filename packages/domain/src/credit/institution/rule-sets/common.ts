import type { Source } from "../../shared/provenance.ts";
import type { DeductionItem, SupervisionMeasure } from "../rule-set.ts";

/**
 * The differentiated-supervision menu written into the 黄石市 plan (预警提醒, 及时约谈, 限制结算,
 * 重点监控, 现场检查), plus the usual measures at the good end. Rule sets pick from it per grade.
 */
export const supervisionMeasures = {
  praise: { code: "praise", label: "通报表扬、信用激励" },
  routine: { code: "routine", label: "常规监管" },
  earlyWarning: { code: "early-warning", label: "预警提醒" },
  interview: { code: "interview", label: "约谈" },
  restrictSettlement: { code: "restrict-settlement", label: "限制结算" },
  focusedMonitoring: { code: "focused-monitoring", label: "重点监控" },
  onsiteInspection: { code: "onsite-inspection", label: "现场检查" },
} satisfies Record<string, SupervisionMeasure>;

export const huangshiMeasuresSource: Source = {
  title: "黄石市医疗保障“十四五”规划：预警提醒、及时约谈、限制结算、重点监控、现场检查（差异化监管）",
  tag: "S",
  note: "shared/plans/hubei-huangshi-city.txt 第330行；各等级对应哪些措施为推定",
};

export const flagsCatalogue = {
  seriousDishonestyList: { code: "seriousDishonestyList", label: "列入严重失信主体名单" },
  failedAnnualReview: { code: "failedAnnualReview", label: "年度考核不合格" },
};

const itemsSource: Source = {
  title: "示例扣分项目：各地扣分细目未检索到，按常见违规行为列示，分值为暂定",
  tag: "U",
  note: "domain-rules.md §2.2、§4 第7项；替换为当地细则",
};

/**
 * Illustrative deduction items on a 100-point scale, multiplied by `factor` for other scales.
 * Points are assumptions (no local item list was retrieved); replace them with the local 细则.
 */
export function illustrativeItems(factor: number): DeductionItem[] {
  const base: [string, string, number, number][] = [
    ["data-upload", "未按规定上传医保结算数据", 1, 3],
    ["price-publicity", "未按规定公示药品、医用耗材和服务价格", 2, 5],
    ["over-charge", "违规收费（超标准、重复、分解收费）", 5, 10],
    ["swap-items", "串换药品、医用耗材、诊疗项目", 10, 20],
    ["excessive-treatment", "过度诊疗、过度检查", 5, 15],
    ["refuse-inspection", "拒不配合监督检查或拒绝提供资料", 20, 20],
    ["fraud", "欺诈骗保（虚构医药服务、伪造医疗文书等）", 30, 40],
  ];
  return base.map(([code, label, points, max]) => ({
    code,
    label,
    kind: "deduction" as const,
    points: points * factor,
    maxPoints: max * factor,
    source: itemsSource,
  }));
}
