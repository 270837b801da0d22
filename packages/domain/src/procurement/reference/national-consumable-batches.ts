import type { Batch, ConsumableVariety } from "../schema.ts";

/**
 * National high-value consumable VBP batches 1–6 (国家组织高值医用耗材集中带量采购), from
 * vbp-batches.csv and domain-rules.md §3.2. Consumables count classes (类); each batch lists its
 * classes as published (hip and knee joints are one class). After batch 6 NHSA reports nine major
 * categories, which the 9 classes below match. Price cuts per class where sourced.
 */
const cls = (
  productClass: string,
  priceCutPct: number | null,
  note: string | null = null,
): ConsumableVariety => ({
  kind: "consumable",
  productClass,
  priceCutPct,
  note,
});

const hvc = (
  id: string,
  name: string,
  announced: string,
  classes: ConsumableVariety[],
  averagePriceCutPct: number | null,
  sourceUrl: string,
  note: string | null = null,
): Batch => ({
  id,
  level: "national",
  name,
  announced,
  category: "highValueConsumable",
  averagePriceCutPct,
  sourceUrl,
  regionCodes: [],
  varieties: { kind: "listed", items: classes },
  retenderOf: null,
  note,
});

export const nationalConsumableBatches: readonly Batch[] = [
  hvc(
    "national-hvc-01",
    "第一批高值耗材（冠脉支架）",
    "2020-11-05",
    [cls("冠脉支架", 93, "约13000元降至约700元；2022-11-29接续采购均价约770元")],
    93,
    "https://chinaservicesinfo.com/s/202011/06/WS5fa4ecaa498eaba5051bc6d2/chinas-centralized-purchasing-leads-to-90-percent-drop-in-price-of-coronary-stents.html",
    "8家企业10个产品中选",
  ),
  hvc(
    "national-hvc-02",
    "第二批高值耗材（人工关节）",
    "2021-09-14",
    [cls("人工关节", 82, "髋关节与膝关节合计一类；2024-05接续采购再降6%")],
    82,
    "https://chinaservicesinfo.com/s/202109/15/WS6141c620498e6a12c1205b1f/artificial-hips-and-knees-set-to-become-cheaper.html",
  ),
  hvc(
    "national-hvc-03",
    "第三批高值耗材（骨科脊柱类）",
    "2022-09-27",
    [cls("骨科脊柱类", 84, "5个产品类别、14个产品系统类别")],
    84,
    "https://www.breakinglatest.news/business/an-average-price-reduction-of-84the-third-batch-of-national-consumables-centralized-procurement-produces-the-results-to-be-selected/",
  ),
  hvc(
    "national-hvc-04",
    "第四批高值耗材（人工晶体、运动医学）",
    "2023-11-30",
    [cls("人工晶体", 60), cls("运动医学", 74)],
    70,
    "https://yicaiglobal.com/news/chinas-fourth-bulk-buying-round-cuts-medical-devices-prices-by-70",
  ),
  hvc(
    "national-hvc-05",
    "第五批高值耗材（人工耳蜗、外周血管支架）",
    "2024-12-19",
    [cls("人工耳蜗", null, "约20万元降至约5万元"), cls("外周血管支架", null)],
    null,
    "http://en.people.cn/n3/2024/1220/c90000-20256609.html",
    "平均降幅未见公布；另见 https://chinaservicesinfo.com/s/202412/24/WS6776662e498eec7e1f72c3ee/cochlear-implants-now-significantly-cheaper.html",
  ),
  hvc(
    "national-hvc-06",
    "第六批高值耗材（药物涂层球囊、泌尿介入）",
    "2026-01-14",
    [cls("药物涂层球囊", null), cls("泌尿介入", null)],
    null,
    "http://en.people.cn/n3/2026/0114/c90000-20414427.html",
    "12个品类、202家企业440个产品；平均降幅未见公布；另见 http://en.people.cn/n3/2026/0114/c90000-20414187.html",
  ),
];
