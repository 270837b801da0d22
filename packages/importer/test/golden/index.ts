import { heshan } from "./heshan.ts";
import { huangshi } from "./huangshi.ts";
import { hunan } from "./hunan.ts";
import { nanyang } from "./nanyang.ts";
import { qingyang } from "./qingyang.ts";
import type { GoldenPlan } from "./types.ts";

export type { GoldenPlan, GoldenRow } from "./types.ts";
export const goldenPlans: readonly GoldenPlan[] = [huangshi, nanyang, heshan, hunan, qingyang];
