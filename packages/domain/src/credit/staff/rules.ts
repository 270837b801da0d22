import { z } from "zod";
import { IsoDate } from "../../common/schema.ts";
import { Source } from "../shared/provenance.ts";

/**
 * The 医保支付资格 "驾照式记分" rules as DATA with an effective date, because provinces publish
 * their own 细则 (Hunan, Gansu, Sichuan, Beijing...). The national 2024 rules are shipped.
 */
export const StaffPointRules = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  /** null = national. */
  jurisdiction: z.string().nullable(),
  effectiveFrom: IsoDate,
  /** Severity bands used to pick the points of one act. */
  severityBands: z
    .array(z.object({ label: z.string(), min: z.number().int(), max: z.number().int() }))
    .min(1),
  suspendAt: z.number().int().positive(),
  suspensionMonths: z.object({ min: z.number().int().positive(), max: z.number().int().positive() }),
  terminateAt: z.number().int().positive(),
  /** Years before re-registration: after accumulating to the threshold, or reaching it in one scoring. */
  barYears: z.object({ accumulated: z.number().positive(), singleScoring: z.number().positive() }),
  sources: z.array(Source).min(1),
});
export type StaffPointRules = z.infer<typeof StaffPointRules>;

/** National rules: 指导意见 of NHSA, NHC and NMPA (press conference 2024-09-27; 经办规程 from 2025-01-01). */
export const nationalStaffRules2024: StaffPointRules = StaffPointRules.parse({
  id: "national-2024",
  name: "关于建立定点医药机构相关人员医保支付资格管理制度的指导意见（2024）",
  jurisdiction: null,
  effectiveFrom: "2025-01-01",
  severityBands: [
    { label: "一般违规", min: 1, max: 3 },
    { label: "较重违规", min: 4, max: 6 },
    { label: "严重违规", min: 7, max: 9 },
    { label: "欺诈骗保等特别严重违规", min: 10, max: 12 },
  ],
  suspendAt: 9,
  suspensionMonths: { min: 1, max: 6 },
  terminateAt: 12,
  barYears: { accumulated: 1, singleScoring: 3 },
  sources: [
    {
      title: "央视：一个自然年度内记分达9分暂停1–6个月，达12分终止；累计12分1年、一次性12分3年内不得再次登记",
      url: "https://jlspr.com/yaowen/202409/673644.html",
      tag: "S",
    },
    {
      title: "湖南、北京、四川细则：自然年度累计，1月1日自动清零",
      url: "https://vchenbingguo.com.cn/post/9592.html",
      tag: "S",
    },
    {
      title: "国家医保局典型案例：村医记10分后又记4分，终止资格、1年内不得再次登记",
      url: "http://ayao.rasgz.cn/zz/index.php?id=avasor.html",
      tag: "S",
    },
    { title: "全国经办规程2025年1月1日起施行", url: "https://flcube.com/?p=21345", tag: "S" },
  ],
});
