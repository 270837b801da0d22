import type { Batch } from "../schema.ts";

/**
 * National drug VBP batches 1–11 (国家组织药品集中带量采购), from vbp-batches.csv and
 * domain-rules.md §3.1. Sources publish only the number of varieties, not lists we could verify, so
 * every batch is count-only: counts that include them are flagged as estimates until the official
 * variety lists are imported (the import fills a batch's list by its name).
 *
 * Checks against official running totals: batches 1–3 = 25 + 32 + 55 = 112 (NHSA, 2020-11-20);
 * 1–5 = 218; 1–7 = 294; 1–8 = 333; 1–9 = 374. After batch 10 NHSA reports 435 while the sum is 436
 * (one variety presumably repeated; unresolved, [U]).
 */
const drug = (
  id: string,
  name: string,
  announced: string,
  count: number,
  averagePriceCutPct: number | null,
  sourceUrl: string,
  note: string | null = null,
  retenderOf: string | null = null,
): Batch => ({
  id,
  level: "national",
  name,
  announced,
  category: "drug",
  averagePriceCutPct,
  sourceUrl,
  regionCodes: [],
  varieties: { kind: "countOnly", count },
  retenderOf,
  note,
});

export const nationalDrugBatches: readonly Batch[] = [
  drug(
    "national-drug-01",
    "第一批（“4+7”试点）",
    "2018-12",
    25,
    52,
    "https://www.chinadaily.com.cn/a/201812/09/WS5c0c7452a310eff30328feb2.html",
    "11个试点城市；降幅相对2017年价格",
  ),
  drug(
    "national-drug-01-ext",
    "第一批扩围",
    "2019-09",
    25,
    59,
    "https://medworm.com/761182408/47-city-drug-volume-based-purchasing-and-using-pilot-program-in-china-and-its-impact/",
    "25个省份及新疆生产建设兵团；同一批25个品种，不计新增",
    "national-drug-01",
  ),
  drug(
    "national-drug-02",
    "第二批",
    "2020-01-17",
    32,
    53,
    "https://electrodealpro.com/the-second-batch-of-drug-collection-the-highest-drop-of-93-acetaminophen/",
    "招采33个品种，32个中选；最高降幅93%",
  ),
  drug(
    "national-drug-03",
    "第三批",
    "2020-08-20",
    55,
    53,
    "http://english.www.gov.cn/statecouncil/ministries/202008/21/content_WS5f3f08f1c6d0f497f77cf0e9.html",
    "招采56个品种，55个中选",
  ),
  drug(
    "national-drug-04",
    "第四批",
    "2021-02-03",
    45,
    52,
    "https://yyoutdoors.com/the-average-price-reduction-of-the-drugs-to-be-selected-in-the-bid-opening-of-the-fourth-batch-of-national-centralized-drug-procurement-is-52/",
  ),
  drug(
    "national-drug-05",
    "第五批",
    "2021-06-23",
    61,
    56,
    "http://english.www.gov.cn/news/topnews/202106/30/content_WS60dbbfabc6d0df57f98dc20f.html",
  ),
  drug(
    "national-drug-06",
    "第六批（胰岛素专项）",
    "2021-11-26",
    16,
    48,
    "https://english.www.gov.cn/statecouncil/ministries/202111/29/content_WS61a40cf2c6d0df57f98e5b49.html",
    "2024-04-23胰岛素接续采购（49/53个产品中选）不新增品种",
  ),
  drug(
    "national-drug-07",
    "第七批",
    "2022-07-12",
    60,
    48,
    "https://english.www.gov.cn/statecouncil/ministries/202207/13/content_WS62ce8cdec6d02e533532db16.html",
  ),
  drug(
    "national-drug-08",
    "第八批",
    "2023-03",
    39,
    56,
    "https://shaolingongfu.com/home/news/40933-china-s-new-round-of-bulk-buying-cuts-drug-prices.html",
    "公布日期仅知月份",
  ),
  drug(
    "national-drug-09",
    "第九批",
    "2023-11",
    41,
    58,
    "https://www.tellerreport.com/business/2023-11-25-9-batches-of-centralized-procurement-covered-a-total-of-374-kinds-of-drugs--squeezing-the-%22moisture%22-of-drug-prices--and-benefiting-more-people.BJg2CKZxr6.html",
    "公布日期仅知月份",
  ),
  drug(
    "national-drug-10",
    "第十批",
    "2024-12",
    62,
    null,
    "https://news.futunn.com/flash/18204199/on-average-more-than-six-companies-are-bidding-for-each",
    "385个产品、234家企业；平均降幅未见公布；官方累计435个与逐批相加436个差1，待核实",
  ),
  drug(
    "national-drug-11",
    "第十一批",
    "2025-10-27",
    55,
    null,
    "https://gmteight.com/content/detail/324992",
    "453个产品、272家企业；平均降幅未见公布",
  ),
];
