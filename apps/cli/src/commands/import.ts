import { group } from "./group.ts";
import { importObservationsCommand } from "./import-observations.ts";
import { importPlanCommand } from "./import-plan.ts";

export const importCommand = group("import", "导入规划文档或监测数据", [
  importPlanCommand,
  importObservationsCommand,
]);
