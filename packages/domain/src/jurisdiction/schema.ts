import { z } from "zod";

/** Administrative level of a jurisdiction. County-level cities (县级市) are `county`. */
export const JurisdictionLevel = z.enum(["province", "city", "county"]);
export type JurisdictionLevel = z.infer<typeof JurisdictionLevel>;

export const jurisdictionLevelLabels: Record<JurisdictionLevel, string> = {
  province: "省级",
  city: "市级",
  county: "县级",
};

/** GB/T 2260 six-digit administrative division code, e.g. `420200` for 黄石市. */
export const AdminCode = z
  .string()
  .regex(/^\d{6}$/, "行政区划代码应为6位数字")
  .describe("GB/T 2260 administrative division code");
export type AdminCode = z.infer<typeof AdminCode>;

export const Jurisdiction = z.object({
  /** GB/T 2260 code; the jurisdiction's identity. */
  code: AdminCode,
  /** Official name, e.g. 黄石市. */
  name: z.string().min(1),
  /** Province, city (地级) or county (县级, including county-level cities). */
  level: JurisdictionLevel,
  /** Code of the jurisdiction above; null for a province. */
  parentCode: AdminCode.nullable(),
});
export type Jurisdiction = z.infer<typeof Jurisdiction>;
