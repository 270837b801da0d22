import { Limits } from "@ybplan/domain/common";
import { AdminCode } from "@ybplan/domain/jurisdiction";
import { z } from "zod";
import { versioned } from "../services/common.ts";
import * as svc from "../services/departments.ts";
import { protectedProcedure, router } from "../trpc.ts";

/** A jurisdiction's departments (lead units and co-units of work items). Read: read; edits: editPlan. */
const Name = z.string().trim().min(1, "请输入部门名称").max(Limits.name);

export const departmentsRouter = router({
  list: protectedProcedure
    .input(z.object({ jurisdictionCode: AdminCode }))
    .output(z.array(svc.DepartmentDto))
    .query(async ({ ctx, input }) => {
      await ctx.authorize("read", { jurisdictionCode: input.jurisdictionCode });
      return svc.listDepartments(ctx.db, input.jurisdictionCode);
    }),

  create: protectedProcedure
    .input(z.object({ jurisdictionCode: AdminCode, name: Name }))
    .output(svc.DepartmentDto)
    .mutation(async ({ ctx, input }) => {
      await ctx.authorize("editPlan", { jurisdictionCode: input.jurisdictionCode });
      return svc.createDepartment(ctx.db, ctx.actor, input);
    }),

  update: protectedProcedure
    .input(versioned(z.object({ name: Name, position: z.number().int().nonnegative() }).partial()))
    .output(svc.DepartmentDto)
    .mutation(async ({ ctx, input }) => {
      const code = await svc.departmentJurisdiction(ctx.db, input.id);
      await ctx.authorize("editPlan", { jurisdictionCode: code });
      return svc.updateDepartment(ctx.db, ctx.actor, input);
    }),

  delete: protectedProcedure
    .input(z.object({ id: z.uuid(), version: z.number().int().positive() }))
    .mutation(async ({ ctx, input }) => {
      const code = await svc.departmentJurisdiction(ctx.db, input.id);
      await ctx.authorize("editPlan", { jurisdictionCode: code });
      return svc.deleteDepartment(ctx.db, ctx.actor, input);
    }),
});
