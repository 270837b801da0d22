import { randomUUID } from "node:crypto";
import type { TRPCError } from "@trpc/server";
import {
  auditLog,
  type Database,
  jurisdictions,
  migrate,
  openDatabase,
  policyParameters,
  savePlanDocument,
  systemActor,
} from "@ybplan/db";
import { createTestDatabase, postgresTestUrl } from "@ybplan/db/testing";
import { sampleJurisdictions } from "@ybplan/domain/jurisdiction";
import type { PolicyDocumentFieldsInput } from "@ybplan/domain/policy";
import { importPlanText, proposePolicyParameters } from "@ybplan/importer";
import { readSamplePlan } from "@ybplan/samples";
import { eq } from "drizzle-orm";
import { Result } from "effect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../src/auth/session.ts";
import { errorData } from "../src/errors.ts";
import { createCaller, createContextInner } from "../src/index.ts";

const user = (role: SessionUser["role"], jurisdictionCode: string | null, name: string): SessionUser => ({
  id: randomUUID(),
  username: name,
  displayName: name,
  role,
  jurisdictionCode,
  mustChangePassword: false,
});
const cityPlanner = user("planner", "420200", "黄石规划");
const countyPlanner = user("planner", "420222", "阳新规划");
const countyViewer = user("viewer", "420222", "阳新只读");
const nanyangPlanner = user("planner", "411300", "南阳规划");
const cityReporter = user("reporter", "420200", "黄石填报");

/** 黄石's 2020 table as a person confirms it from the importer's proposals (the deductibles' scheme chosen). */
function confirmedHuangshi2020(): PolicyDocumentFieldsInput["parameters"] {
  const { proposals } = proposePolicyParameters(readSamplePlan("hubei-huangshi-city"), { defaultYear: 2020 });
  return proposals
    .filter((p) => p.line === 93)
    .map((p) => ({
      kind: p.kind,
      scheme: p.scheme ?? "resident",
      service: p.service,
      level: p.level,
      population: p.population,
      value: p.value,
      approximate: p.approximate,
    }));
}

const huangshi2020: PolicyDocumentFieldsInput = {
  title: "黄石市基本医疗保险市级统筹实施办法",
  docNumber: "黄政规〔2020〕1号",
  issuer: "黄石市人民政府",
  jurisdictionCode: "420200",
  issuedOn: "2019-12-20",
  effectiveFrom: "2020-01-01",
  parameters: confirmedHuangshi2020(),
};
const resident3 = (value: number) =>
  ({ kind: "reimbursementRatio", scheme: "resident", service: "inpatient", level: "level3", value }) as const;

function suite(name: string, open: () => Promise<{ database: Database; done: () => Promise<void> }>) {
  describe(`policies API on ${name}`, () => {
    let database: Database;
    let done: () => Promise<void>;
    const as = (u: SessionUser) => createCaller(createContextInner({ database, user: u }));
    let doc2020: { id: string; version: number };

    beforeAll(async () => {
      ({ database, done } = await open());
      await migrate(database);
      await database.db
        .insert(jurisdictions)
        .values([
          ...sampleJurisdictions.map((j) => ({ ...j })),
          { code: "420222", name: "阳新县", level: "county" as const, parentCode: "420200" },
          { code: "420281", name: "大冶市", level: "county" as const, parentCode: "420200" },
        ]);
    });
    afterAll(() => done());

    it("stores the confirmed 2020 table; the table in force on 2022-06-30 has its nine parameters", async () => {
      doc2020 = await as(cityPlanner).policies.create(huangshi2020);
      const table = await as(cityPlanner).policies.inForce({
        jurisdictionCode: "420200",
        date: "2022-06-30",
      });
      expect(table.map((r) => [r.label, r.valueText])).toEqual(
        expect.arrayContaining([
          ["城乡居民医保一级医疗机构住院起付线", "200元"],
          ["城乡居民医保三级医疗机构住院起付线", "800元"],
          ["职工医保二级医疗机构住院报销比例", "88%"],
          ["城乡居民医保三级医疗机构住院报销比例", "60%"],
        ]),
      );
      expect(table).toHaveLength(9);
      const audit = await database.db.select().from(auditLog).where(eq(auditLog.entityId, doc2020.id));
      expect(audit.map((a) => [a.action, a.entity, a.actorName])).toEqual([
        ["create", "policyDocument", "黄石规划"],
      ]);
    });

    it("a 2023 document raising 居民 三级 to 65 % without naming what it amends is refused, naming the other document", async () => {
      const attempt = as(cityPlanner).policies.create({
        title: "关于调整城乡居民医保住院待遇的通知",
        docNumber: "黄医保发〔2023〕5号",
        issuer: "黄石市医疗保障局",
        jurisdictionCode: "420200",
        effectiveFrom: "2023-01-01",
        parameters: [resident3(65)],
      });
      await expect(attempt).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: expect.stringContaining(
          "与《黄石市基本医疗保险市级统筹实施办法》（黄政规〔2020〕1号）自2023年1月1日起的规定重叠",
        ),
      });
      const params = await database.db.select().from(policyParameters);
      expect(params).toHaveLength(9); // nothing of the refused document was stored
    });

    it("as an amendment it is stored; in force, history, compare and its sentence follow", async () => {
      const api = as(cityPlanner).policies;
      await api.create({
        title: "关于调整城乡居民医保住院待遇的通知",
        docNumber: "黄医保发〔2023〕5号",
        issuer: "黄石市医疗保障局",
        jurisdictionCode: "420200",
        effectiveFrom: "2023-01-01",
        supersedes: [{ documentId: doc2020.id, mode: "amend" }],
        parameters: [resident3(65)],
      });
      const label = "城乡居民医保三级医疗机构住院报销比例";
      const at = async (date: string) =>
        (await api.inForce({ jurisdictionCode: "420200", date })).find((r) => r.label === label)?.valueText;
      expect([await at("2022-06-30"), await at("2024-06-30")]).toEqual(["60%", "65%"]);
      const h = await api.history({ jurisdictionCode: "420200", dimensions: resident3(0) });
      expect(h.steps.map((s) => [s.from, s.to, s.valueText])).toEqual([
        ["2020-01-01", "2022-12-31", "60%"],
        ["2023-01-01", null, "65%"],
      ]);
      const changes = await api.compare({ jurisdictionCode: "420200", from: "2022-06-30", to: "2024-06-30" });
      expect(changes.map((c) => c.sentence)).toEqual([
        "城乡居民医保三级医疗机构住院报销比例由60%调整为65%（自2023年1月1日起，依据《关于调整城乡居民医保住院待遇的通知》（黄医保发〔2023〕5号））。",
      ]);
      // The same table as an .xlsx workbook: read back, its rows are the parameters in force.
      const xlsx = await api.exportInForce({ jurisdictionCode: "420200", date: "2024-06-30" });
      const { default: Excel } = await import("exceljs");
      const wb = new Excel.Workbook();
      await wb.xlsx.load(Buffer.from(xlsx.contentBase64, "base64") as unknown as ArrayBuffer);
      const sheet = wb.getWorksheet("现行待遇参数")!;
      const cells = sheet.getSheetValues().flatMap((r) => (Array.isArray(r) ? [r.slice(1, 3)] : []));
      expect([xlsx.fileName, xlsx.rows, cells.length]).toEqual(["黄石市现行待遇参数_2024-06-30.xlsx", 9, 11]);
      expect(cells).toContainEqual(["城乡居民医保三级医疗机构住院报销比例", "65%"]);
      const list = await api.list({ jurisdictionCode: "420200", search: "黄政规" });
      expect(list.items.map((d) => [d.title, d.statusLabel])).toEqual([
        ["黄石市基本医疗保险市级统筹实施办法", "已修订"],
      ]);
    });

    it("refuses bad input with the field: ratio, amount, period, 废止 without date, cycle, duplicate 文号", async () => {
      const api = as(cityPlanner).policies;
      const base = {
        title: "测试文件",
        issuer: "黄石市医疗保障局",
        jurisdictionCode: "420200",
        effectiveFrom: "2024-01-01",
      };
      const fields = async (p: Promise<unknown>) => {
        try {
          await p;
          return "accepted";
        } catch (e) {
          const err = e as TRPCError;
          const f = errorData(err).fields;
          return `${err.code}: ${f ? f.map((x) => `${x.path}: ${x.message}`).join("；") : err.message}`;
        }
      };
      expect(
        await fields(
          api.create({
            ...base,
            parameters: [{ kind: "assistanceRatio", scheme: "assistance", value: 120 }],
          }),
        ),
      ).toBe("BAD_REQUEST: parameters.0.value: 比例应在0—100%之间");
      expect(
        await fields(
          api.create({ ...base, parameters: [{ kind: "annualCap", scheme: "resident", value: -5 }] }),
        ),
      ).toBe("BAD_REQUEST: parameters.0.value: 金额不能为负数");
      expect(await fields(api.create({ ...base, effectiveTo: "2023-12-31" }))).toBe(
        "BAD_REQUEST: effectiveTo: 失效日期不能早于生效日期",
      );
      expect(await fields(api.create({ ...base, status: "repealed" }))).toBe(
        "BAD_REQUEST: repealedOn: 废止须填写废止日期",
      );
      expect(await fields(api.create({ ...base, docNumber: "黄政规〔2020〕1号" }))).toBe(
        "BAD_REQUEST: docNumber: 文号已被《黄石市基本医疗保险市级统筹实施办法》使用",
      );
      // The 2020 document cannot supersede the 2023 one that supersedes it.
      const list = await api.list({ jurisdictionCode: "420200" });
      const d2023 = list.items.find((d) => d.docNumber === "黄医保发〔2023〕5号")!;
      const current = await api.get({ id: doc2020.id });
      expect(
        await fields(
          api.update({
            id: doc2020.id,
            version: current.version,
            data: { ...huangshi2020, supersedes: [{ documentId: d2023.id, mode: "amend" }] },
          }),
        ),
      ).toMatch(/^BAD_REQUEST: supersedes: 替代关系形成循环/);
      // A stale version is a conflict naming who saved.
      await api.update({
        id: doc2020.id,
        version: current.version,
        data: { ...huangshi2020, note: "已核对" },
      });
      expect(
        await fields(api.update({ id: doc2020.id, version: current.version, data: huangshi2020 })),
      ).toMatch(/^CONFLICT: 数据已被 黄石规划/);
      expect((await api.get({ id: doc2020.id })).note).toBe("已核对");
    });

    it("a county reads its own and its pooling area's policies; only the area's level writes the pooled scheme", async () => {
      await as(cityPlanner).policies.setPoolingArea({
        jurisdictionCode: "420200",
        scheme: "resident",
        level: "city",
        version: null,
      });
      // Reading: the county sees the city's documents and inherits its table.
      const list = await as(countyViewer).policies.list({ jurisdictionCode: "420222" });
      expect(list.items.map((d) => d.jurisdictionName)).toEqual(["黄石市", "黄石市"]);
      const table = await as(countyViewer).policies.inForce({
        jurisdictionCode: "420222",
        date: "2024-06-30",
      });
      expect(table.every((r) => r.inherited)).toBe(true);
      await expect(as(countyViewer).policies.get({ id: doc2020.id })).resolves.toMatchObject({
        title: huangshi2020.title,
      });
      // An unrelated city reads nothing of it.
      await expect(as(nanyangPlanner).policies.list({ jurisdictionCode: "420200" })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(as(nanyangPlanner).policies.get({ id: doc2020.id })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      // Writing: the county may not write the city's document, nor pooled 居民 parameters of its own.
      await expect(
        as(countyPlanner).policies.update({ id: doc2020.id, version: 3, data: huangshi2020 }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      const countyDoc = {
        title: "阳新县城乡居民医保补充规定",
        issuer: "阳新县医疗保障局",
        jurisdictionCode: "420222",
        effectiveFrom: "2021-01-01",
        parameters: [resident3(62)],
      } satisfies PolicyDocumentFieldsInput;
      await expect(as(countyPlanner).policies.create(countyDoc)).rejects.toMatchObject({
        code: "FORBIDDEN",
        message: "城乡居民医保实行市级统筹，其待遇参数由黄石市统一制定，无权修改",
      });
      // A scheme the city does not pool is the county's own business.
      await expect(
        as(countyPlanner).policies.create({
          ...countyDoc,
          title: "阳新县医疗救助办法",
          parameters: [
            { kind: "assistanceRatio", scheme: "assistance", population: "assistanceTarget", value: 70 },
          ],
        }),
      ).resolves.toMatchObject({ version: 1 });
      // The city records the county's divergent document: a pooling finding.
      await as(cityPlanner).policies.create(countyDoc);
      const check = await as(cityPlanner).policies.check({ jurisdictionCode: "420200", date: "2022-06-30" });
      const area = check.pooling.find((p) => p.scheme === "resident")!;
      expect(area.findings.map((f) => f.message)).toEqual([
        "阳新县城乡居民医保三级医疗机构住院报销比例为62%（《阳新县城乡居民医保补充规定》），与黄石市（市级统筹）的60%不一致。",
      ]);
      expect(area.members.map((m) => m.name).sort()).toEqual(["大冶市", "阳新县"]);
      // The county sees the same finding about itself.
      const own = await as(countyViewer).policies.check({ jurisdictionCode: "420222", date: "2022-06-30" });
      expect(own.pooling.flatMap((p) => p.findings.map((f) => f.jurisdictionCode))).toEqual(["420222"]);
      // A reporter may not declare pooling areas.
      await expect(
        as(cityReporter).policies.setPoolingArea({
          jurisdictionCode: "420200",
          scheme: "employee",
          level: "city",
          version: null,
        }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    });

    it("rule findings read the parameters in force and the statistics entered", async () => {
      const api = as(cityPlanner).policies;
      const before = await api.check({ jurisdictionCode: "420200", date: "2024-06-30" });
      const verdict = (c: typeof before, id: string) => c.rules.find((r) => r.ruleId === id)?.verdictLabel;
      expect(verdict(before, "plan.huangshi.outpatient-floor-50")).toBe("数据不足");
      expect(verdict(before, "national.benefit-list")).toBe("需人工研判");
      expect(before.rules.some((r) => r.ruleId.startsWith("plan.nanyang"))).toBe(false);
      await api.create({
        title: "黄石市职工医保门诊共济保障实施细则",
        issuer: "黄石市医疗保障局",
        jurisdictionCode: "420200",
        effectiveFrom: "2022-01-01",
        parameters: [
          { kind: "reimbursementRatio", scheme: "employee", service: "outpatient", value: 50 },
          { kind: "deductible", scheme: "criticalIllness", value: 15_000 },
        ],
      });
      await as(cityReporter).policies.setStatistic({
        jurisdictionCode: "420200",
        statistic: "residentDisposableIncome",
        year: 2023,
        value: 28_000,
        source: "黄石市统计公报",
        version: null,
      });
      const after = await api.check({ jurisdictionCode: "420200", date: "2024-06-30" });
      expect(verdict(after, "plan.huangshi.outpatient-floor-50")).toBe("达标");
      expect(
        after.rules.find((r) => r.ruleId === "national.critical-illness-deductible-half-income")?.explanation,
      ).toBe(
        "大病保险起付线15000元，为2023年居民人均可支配收入（28000元）的0.54倍，要求不高于0.5倍，未达标。",
      );
      // A stale statistic write is refused; the value stays.
      await expect(
        as(cityReporter).policies.setStatistic({
          jurisdictionCode: "420200",
          statistic: "residentDisposableIncome",
          year: 2023,
          value: 1,
          version: null,
        }),
      ).rejects.toMatchObject({ code: "CONFLICT" });
      expect((await api.statistics({ jurisdictionCode: "420200" })).map((s) => s.value)).toEqual([28_000]);
    });

    it("废止 ends the parameters the day before; every write left one audit row", async () => {
      const api = as(cityPlanner).policies;
      const list = await api.list({ jurisdictionCode: "420200", search: "门诊共济" });
      const d = list.items[0]!;
      await api.repeal({ id: d.id, version: d.version, repealedOn: "2024-01-01" });
      const labels = async (date: string) =>
        (await api.inForce({ jurisdictionCode: "420200", date })).map((r) => r.label);
      expect(await labels("2023-12-31")).toContain("职工医保普通门诊报销比例");
      expect(await labels("2024-01-01")).not.toContain("职工医保普通门诊报销比例");
      const audit = await database.db.select().from(auditLog);
      const mine = audit.filter((a) =>
        ["policyDocument", "poolingArea", "policyStatistic"].includes(a.entity),
      );
      expect(mine.map((a) => `${a.entity}.${a.action}`).sort()).toEqual(
        [
          "policyDocument.create", // 2020
          "policyDocument.create", // 2023
          "policyDocument.update", // note 已核对
          "poolingArea.create",
          "policyDocument.create", // county 医疗救助
          "policyDocument.create", // county 居民 (by the city)
          "policyDocument.create", // 门诊共济
          "policyStatistic.create",
          "policyDocument.repeal",
        ].sort(),
      );
    });

    it("links a policy to the plan task it fulfils and the indicator it moves; 待遇清单 clean-up is a share", async () => {
      const read = importPlanText(readSamplePlan("hubei-huangshi-city"), { fileName: "黄石.txt" });
      if (Result.isFailure(read)) throw new Error("sample plan did not import");
      const saved = await savePlanDocument(database.db, read.success, systemActor);
      const plan = await as(cityPlanner).plans.get({ id: saved.planId });
      const task = (await as(cityPlanner).tasks.list({ planId: saved.planId })).find((t) =>
        t.title.includes("长期护理保险"),
      )!;
      const indicator = (await as(cityPlanner).indicators.list({ planId: saved.planId })).find((i) =>
        i.name.includes("城乡居民医保政策范围内住院费用报销比例"),
      )!;
      expect([plan.jurisdictionCode, Boolean(task), Boolean(indicator)]).toEqual(["420200", true, true]);
      const api = as(cityPlanner).policies;
      const created = await api.create({
        title: "黄石市长期护理保险试点实施方案",
        issuer: "黄石市医疗保障局",
        jurisdictionCode: "420200",
        effectiveFrom: "2024-01-01",
        taskIds: [task.id],
        indicatorIds: [indicator.id],
        cleanup: { disposition: "keep", deadline: "2024-06-30", doneOn: "2024-05-01" },
      });
      const got = await api.get({ id: created.id });
      expect([got.taskIds, got.indicatorIds]).toEqual([[task.id], [indicator.id]]);
      // Changing only the note keeps the links, the parameters and the clean-up it did not send.
      await api.update({ id: created.id, version: got.version, data: { note: "试点期三年" } });
      const after = await api.get({ id: created.id });
      expect([after.note, after.taskIds, after.indicatorIds, after.cleanup?.disposition]).toEqual([
        "试点期三年",
        [task.id],
        [indicator.id],
        "keep",
      ]);
      // A patch is checked as a whole with the stored fields: an end before the stored start is refused.
      await expect(
        api.update({ id: created.id, version: after.version, data: { effectiveTo: "2023-12-31" } }),
      ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "effectiveTo: 失效日期不能早于生效日期" });
      // A task that is not of this jurisdiction's (or its ancestors') plans is refused, named by its field.
      await expect(
        api.create({
          title: "错链",
          issuer: "x",
          jurisdictionCode: "420200",
          effectiveFrom: "2024-01-01",
          taskIds: [randomUUID()],
        }),
      ).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: "taskIds.0: 规划任务不存在或不属于本级及上级规划",
      });
      await api.create({
        title: "黄石市门诊慢特病待遇旧规定",
        issuer: "黄石市医疗保障局",
        jurisdictionCode: "420200",
        effectiveFrom: "2018-01-01",
        cleanup: { disposition: "repeal", deadline: "2024-03-31", doneOn: null },
      });
      const check = await api.check({ jurisdictionCode: "420200", date: "2024-06-30" });
      expect(check.cleanup).toEqual({ flagged: 2, done: 1, overdue: 1, sharePct: 50 });
    });

    it("two writers racing to set the same parameter: exactly one document is stored (advisory lock per jurisdiction)", async () => {
      const make = (title: string) =>
        as(cityPlanner).policies.create({
          title,
          issuer: "大冶市医疗保障局",
          jurisdictionCode: "420281",
          effectiveFrom: "2024-01-01",
          parameters: [{ kind: "annualCap", scheme: "employee", value: 400_000 }],
        });
      const results = await Promise.allSettled([make("甲文件"), make("乙文件")]);
      expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
      const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(rejected.reason).toMatchObject({ code: "BAD_REQUEST" });
      const list = await as(cityPlanner).policies.list({ jurisdictionCode: "420281" });
      expect(list.items.filter((d) => d.jurisdictionCode === "420281")).toHaveLength(1);
    });
  });
}

suite("PGlite", async () => {
  const database = await openDatabase();
  return { database, done: () => database.close() };
});

const pgUrl = postgresTestUrl();
if (pgUrl) {
  suite("PostgreSQL", async () => {
    const test = await createTestDatabase(pgUrl, "ybplan_policies");
    const database = await openDatabase({ databaseUrl: test.url, maxConnections: 2 });
    return {
      database,
      done: async () => {
        await database.close();
        await test.drop();
      },
    };
  });
} else {
  describe("policies API on PostgreSQL", () => {
    it.skip("needs YBPLAN_TEST_DATABASE_URL", () => {});
  });
}
