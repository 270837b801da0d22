import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** One of the five sample plans shipped with ybplan. */
export interface SamplePlan {
  /** File name stem, also a stable id for tests: e.g. `hubei-huangshi-city`. */
  readonly key: SamplePlanKey;
  /** GB/T 2260 code of the plan's jurisdiction. */
  readonly jurisdictionCode: string;
  /** Absolute path of the plain-text document. */
  readonly path: string;
}

export const samplePlanKeys = [
  "hubei-huangshi-city",
  "henan-nanyang-city",
  "guangdong-heshan-city",
  "hunan-province",
  "anhui-qingyang-county",
] as const;
export type SamplePlanKey = (typeof samplePlanKeys)[number];

const jurisdictionCodes: Record<SamplePlanKey, string> = {
  "hubei-huangshi-city": "420200",
  "henan-nanyang-city": "411300",
  "guangdong-heshan-city": "440784",
  "hunan-province": "430000",
  "anhui-qingyang-county": "341723",
};

export const samplePlansDir = fileURLToPath(new URL("../plans/", import.meta.url));

export const samplePlans: readonly SamplePlan[] = samplePlanKeys.map((key) => ({
  key,
  jurisdictionCode: jurisdictionCodes[key],
  path: `${samplePlansDir}${key}.txt`,
}));

/** Reads a sample plan's text (UTF-8). */
export function readSamplePlan(key: SamplePlanKey): string {
  return readFileSync(`${samplePlansDir}${key}.txt`, "utf8");
}
