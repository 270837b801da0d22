import { attachmentsRouter } from "./router/attachments.ts";
import { auditRouter } from "./router/audit.ts";
import { authRouter } from "./router/auth.ts";
import { creditRouter } from "./router/credit.ts";
import { cycleRouter } from "./router/cycle.ts";
import { departmentsRouter } from "./router/departments.ts";
import { evaluationRouter } from "./router/evaluation.ts";
import { importRouter } from "./router/import.ts";
import { indicatorsRouter } from "./router/indicators.ts";
import { jurisdictionsRouter } from "./router/jurisdictions.ts";
import { observationsRouter } from "./router/observations.ts";
import { plansRouter } from "./router/plans.ts";
import { policiesRouter } from "./router/policies.ts";
import { procurementRouter } from "./router/procurement.ts";
import { reportsRouter } from "./router/reports.ts";
import { projectsRouter, tasksRouter } from "./router/tasks.ts";
import { usersRouter } from "./router/users.ts";
import { workIndicatorsRouter } from "./router/work-indicators.ts";
import { createCallerFactory, router } from "./trpc.ts";

/** The whole API: `<router>.<verb>`. Procurement and credit add their routers here. */
export const appRouter = router({
  auth: authRouter,
  jurisdictions: jurisdictionsRouter,
  plans: plansRouter,
  indicators: indicatorsRouter,
  observations: observationsRouter,
  cycle: cycleRouter,
  tasks: tasksRouter,
  projects: projectsRouter,
  departments: departmentsRouter,
  attachments: attachmentsRouter,
  workIndicators: workIndicatorsRouter,
  evaluation: evaluationRouter,
  import: importRouter,
  procurement: procurementRouter,
  policies: policiesRouter,
  credit: creditRouter,
  reports: reportsRouter,
  users: usersRouter,
  audit: auditRouter,
});

export type AppRouter = typeof appRouter;

/** Server-side caller (CLI, tests): `createCaller(createContextInner({ database, user }))`. */
export const createCaller = createCallerFactory(appRouter);
