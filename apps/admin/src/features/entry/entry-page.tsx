import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Breadcrumb, Button, Flex, Input, Select, Table, Tag, Tooltip, Typography } from "antd";
import { useEffect, useMemo, useRef, useState } from "react";
import { type ConflictInfo, conflictSentence, formatApiError, formatTime, readApiError, readConflict } from "../../api/errors.ts";
import { useTRPC } from "../../api/trpc.ts";
import type { IndicatorItem, ObservationItem, PlanDetail } from "../../api/types.ts";
import { can } from "../../auth/roles.ts";
import { useSession } from "../../auth/session-context.ts";
import { QueryState } from "../../components/query-state.tsx";
import { useSearchState } from "../../lib/use-search-state.ts";
import { defaultYear, periodYears } from "../../lib/years.ts";
import { useUnsavedChangesGuard } from "../../router/hooks.ts";
import { Link } from "../../router/link.tsx";
import type { PageProps } from "../../routes/registry.ts";
import {
  changedEntries,
  displayValue,
  type Draft,
  type EntryRow,
  entryKey,
  initialDraft,
  isRowChanged,
  validateDraft,
} from "./entry-model.ts";

/** 年度数据填报: one year of a plan's indicators, saved at once. */
export default function EntryPage({ params }: PageProps) {
  const planId = params.planId!;
  const trpc = useTRPC();
  const plan = useQuery(trpc.plans.get.queryOptions({ id: planId }));
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { title: <Link to="/plans">规划管理</Link> },
          { title: <Link to={`/plans/${planId}`}>{plan.data?.title ?? "规划详情"}</Link> },
          { title: "年度数据填报" },
        ]}
      />
      <QueryState query={plan}>{(p) => <EntryScreen plan={p} />}</QueryState>
    </>
  );
}

interface GridRow {
  indicator: IndicatorItem;
  subject: string | null;
  entry: EntryRow;
  previous: Record<number, ObservationItem | undefined>;
  current: ObservationItem | undefined;
}

function EntryScreen({ plan }: { plan: PlanDetail }) {
  const trpc = useTRPC();
  const { search, set } = useSearchState();
  const { user } = useSession();
  const years = periodYears(plan.periodStart, plan.periodEnd);
  const year = Number(search.get("year")) || defaultYear(plan.periodStart, plan.periodEnd);
  const indicators = useQuery(trpc.indicators.list.queryOptions({ planId: plan.id }));
  const observations = useQuery(trpc.observations.list.queryOptions({ planId: plan.id, toYear: year }));
  const readOnly = !can.enterData(user.role);

  return (
    <Flex vertical gap={12}>
      <Flex align="center" gap={12} wrap>
        <h1 className="page-title" style={{ margin: 0 }}>
          {plan.title} · 年度数据填报
        </h1>
        <label htmlFor="entry-year">填报年度</label>
        <Select
          id="entry-year"
          value={year}
          style={{ width: 110 }}
          options={years.map((y) => ({ value: y, label: `${y}年` }))}
          onChange={(y: number) => set({ year: String(y) })}
        />
      </Flex>
      <QueryState query={indicators} isEmpty={(l) => l.length === 0} emptyText="该规划没有指标，无需填报">
        {(inds) => (
          <QueryState query={observations}>
            {(obs) => <EntryGrid key={`${plan.id}/${year}`} plan={plan} year={year} indicators={inds} observations={obs} readOnly={readOnly} />}
          </QueryState>
        )}
      </QueryState>
    </Flex>
  );
}

/** Subjects a row is entered for: one per part of a compound target ("药品", "高值医用耗材"), else none. */
function subjectsOf(indicator: IndicatorItem, observations: ObservationItem[]): Array<string | null> {
  const t = indicator.target.expression;
  const subjects: Array<string | null> = t.kind === "compound" ? t.parts.map((p) => p.subject) : [null];
  for (const o of observations) {
    const s = o.subject ?? null;
    if (o.indicatorId === indicator.id && !subjects.includes(s)) subjects.push(s);
  }
  return subjects;
}

function toGridRows(indicators: IndicatorItem[], observations: ObservationItem[], year: number, prevYears: number[]): GridRow[] {
  return indicators.flatMap((indicator) =>
    subjectsOf(indicator, observations).map((subject) => {
      const mine = observations.filter((o) => o.indicatorId === indicator.id && (o.subject ?? null) === subject);
      const current = mine.find((o) => o.year === year);
      const t = indicator.target.expression;
      const part = t.kind === "compound" ? t.parts.find((p) => p.subject === subject)?.target : t;
      const kind = part?.kind;
      const previous: GridRow["previous"] = {};
      for (const y of prevYears) previous[y] = mine.find((o) => o.year === y);
      return {
        indicator,
        subject,
        current,
        previous,
        entry: {
          key: entryKey(indicator.id, subject),
          indicatorId: indicator.id,
          subject,
          unit: indicator.unit,
          name: indicator.name,
          textAllowed: kind === "qualitative" || kind === "milestone" || current?.value.kind === "text",
          stored: current ? { value: current.value, source: current.source, note: current.note, version: current.version } : null,
        },
      };
    }),
  );
}

function EntryGrid({
  plan,
  year,
  indicators,
  observations,
  readOnly,
}: {
  plan: PlanDetail;
  year: number;
  indicators: IndicatorItem[];
  observations: ObservationItem[];
  readOnly: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const prevYears = useMemo(() => {
    const ys: number[] = [];
    for (let y = Math.max(plan.baselineYear, year - 3); y < year; y++) ys.push(y);
    return ys;
  }, [plan.baselineYear, year]);
  const rows = useMemo(() => toGridRows(indicators, observations, year, prevYears), [indicators, observations, year, prevYears]);
  const entries = useMemo(() => rows.map((r) => r.entry), [rows]);
  const [draft, setDraft] = useState<Draft>(() => initialDraft(entries));
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState<ConflictInfo | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [touched, setTouched] = useState<Record<string, boolean>>({});

  const localErrors = validateDraft(entries, draft);
  const changed = changedEntries(entries, draft);
  const dirtyCount = entries.filter((e) => isRowChanged(e, draft[e.key])).length;
  useUnsavedChangesGuard(dirtyCount > 0);

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.observations.list.queryKey({ planId: plan.id }) });
  const save = useMutation(
    trpc.observations.upsertYear.mutationOptions({
      onSuccess: (r) => {
        setConflict(null);
        setSaveError(null);
        setServerErrors({});
        resetOnData.current = true;
        void message.success(`已保存：新增 ${r.created} 项，修改 ${r.updated} 项${r.deleted ? `，清除 ${r.deleted} 项` : ""}`);
        void refresh();
        // Verdicts computed before this save are wrong now: drop them rather than show them stale.
        queryClient.removeQueries({ queryKey: trpc.evaluation.pathKey() });
      },
      onError: (e, input) => {
        const c = readConflict(e);
        if (c) {
          setConflict(c);
          setSaveError(null);
          return;
        }
        // Field paths ("rows.3.value") point into what was sent; map them back to indicators.
        const info = readApiError(e);
        const byIndicator: Record<string, string> = {};
        for (const f of info.fields) {
          const [head, index] = f.path;
          const row = head === "rows" ? input.rows[Number(index)] : undefined;
          if (row) byIndicator[entryKey(row.indicatorId, row.subject ?? null)] = f.message;
        }
        setServerErrors(byIndicator);
        const names = input.rows
          .filter((r) => byIndicator[entryKey(r.indicatorId, r.subject ?? null)])
          .map((r) => indicators.find((i) => i.id === r.indicatorId)?.name ?? "")
          .filter(Boolean);
        setSaveError(
          names.length > 0
            ? `保存失败，以下 ${names.length} 项未通过校验（见单元格下方提示），全部数据均未保存：${names.join("、")}`
            : formatApiError(e),
        );
      },
    }),
  );

  // After a save, or "discard mine", the draft follows the stored values once the refetch lands.
  const resetOnData = useRef(false);
  useEffect(() => {
    if (!resetOnData.current) return;
    resetOnData.current = false;
    setDraft(initialDraft(entries));
    setTouched({});
  }, [entries]);

  const errorOf = (id: string) => (touched[id] || save.isError ? (localErrors[id] ?? serverErrors[id]) : serverErrors[id]);
  const submit = () => {
    setTouched(Object.fromEntries(entries.map((e) => [e.key, true])));
    if (Object.keys(localErrors).length > 0) {
      setSaveError(`有 ${Object.keys(localErrors).length} 项填写有误，请按提示修改后再保存`);
      return;
    }
    if (changed.length === 0) {
      void message.info("没有需要保存的修改");
      return;
    }
    save.mutate({ planId: plan.id, year, rows: changed });
  };
  const updateCell = (id: string, patch: Partial<Draft[string]>) => {
    setDraft((d) => ({ ...d, [id]: { ...d[id]!, ...patch } }));
    setServerErrors((e) => {
      if (!(id in e)) return e;
      const { [id]: _, ...rest } = e;
      return rest;
    });
  };

  return (
    <Flex vertical gap={12}>
      {conflict ? (
        <Alert
          type="error"
          showIcon
          data-testid="conflict-alert"
          title="保存失败：他人已先保存"
          description={
            <div>
              <div>{conflictSentence(conflict)}</div>
              {conflict.rows.length > 0 ? (
                <ul style={{ margin: "4px 0" }}>
                  {conflict.rows.map((r) => (
                    <li key={r.indicatorId}>
                      {r.indicatorName}：{r.changedBy ?? "其他用户"} {formatTime(r.changedAt)} 保存
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          }
          action={
            <Flex vertical gap={4}>
              <Button
                size="small"
                onClick={() => {
                  setConflict(null);
                  resetOnData.current = true;
                  void refresh();
                }}
              >
                放弃我的修改，载入最新数据
              </Button>
              <Button
                size="small"
                onClick={() => {
                  setConflict(null);
                  void refresh();
                  void message.info("已载入最新版本号；确认无误后再次保存将以您的修改为准");
                }}
              >
                保留我的修改
              </Button>
            </Flex>
          }
        />
      ) : null}
      {saveError ? <Alert type="error" showIcon title={saveError} data-testid="save-error" /> : null}
      <Table<GridRow>
        size="small"
        rowKey={(r) => r.entry.key}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1000, y: "calc(100vh - 330px)" }}
        columns={[
          {
            title: "指标",
            width: 220,
            fixed: "left",
            render: (_, r) => (
              <Flex vertical>
                <span>
                  {r.indicator.name}
                  {r.subject ? ` · ${r.subject}` : ""}
                  {r.indicator.unit ? `（${r.indicator.unit}）` : ""}
                </span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.indicator.attribute === "binding" ? <Tag color="red">约束性</Tag> : <Tag>预期性</Tag>} 目标 {r.indicator.target.text || "—"}
                </Typography.Text>
              </Flex>
            ),
          },
          {
            title: `基期（${plan.baselineYear}）`,
            width: 90,
            render: (_, r) => r.previous[plan.baselineYear] ? displayValue(r.previous[plan.baselineYear]?.value) : r.indicator.baseline.text || "—",
          },
          ...prevYears
            .filter((y) => y !== plan.baselineYear)
            .map((y) => ({
              title: `${y}年`,
              width: 80,
              render: (_: unknown, r: GridRow) => displayValue(r.previous[y]?.value) || "—",
            })),
          {
            title: `${year}年数值`,
            width: 170,
            render: (_, r) => {
              const id = r.entry.key;
              const label = `${r.indicator.name}${r.subject ? ` ${r.subject}` : ""}`;
              const err = errorOf(id);
              const dirty = isRowChanged(r.entry, draft[id]);
              return (
                <Flex vertical gap={2}>
                  <Input
                    aria-label={`${label} ${year}年数值`}
                    data-indicator={r.indicator.name}
                    size="small"
                    value={draft[id]?.raw ?? ""}
                    disabled={readOnly}
                    status={err ? "error" : dirty ? "warning" : undefined}
                    suffix={r.indicator.unit ?? undefined}
                    onChange={(e) => updateCell(id, { raw: e.target.value })}
                    onBlur={() => setTouched((t) => ({ ...t, [id]: true }))}
                    onKeyDown={(e) => {
                      if (e.key === "Enter") submit();
                    }}
                  />
                  {err ? (
                    <span role="alert" style={{ color: "#ff4d4f", fontSize: 12 }}>
                      {err}
                    </span>
                  ) : null}
                </Flex>
              );
            },
          },
          {
            title: "数据来源",
            width: 150,
            render: (_, r) => (
              <Input
                aria-label={`${r.indicator.name}${r.subject ? ` ${r.subject}` : ""} 数据来源`}
                size="small"
                disabled={readOnly}
                value={draft[r.entry.key]?.source ?? ""}
                onChange={(e) => updateCell(r.entry.key, { source: e.target.value })}
              />
            ),
          },
          {
            title: "备注",
            width: 150,
            render: (_, r) => (
              <Input
                aria-label={`${r.indicator.name}${r.subject ? ` ${r.subject}` : ""} 备注`}
                size="small"
                disabled={readOnly}
                value={draft[r.entry.key]?.note ?? ""}
                onChange={(e) => updateCell(r.entry.key, { note: e.target.value })}
              />
            ),
          },
          {
            title: "最近保存",
            width: 130,
            render: (_, r) =>
              r.current ? (
                <Tooltip title={`版本 ${r.current.version}`}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.current.recordedBy ?? ""} {formatTime(r.current.recordedAt)}
                  </Typography.Text>
                </Tooltip>
              ) : (
                "—"
              ),
          },
        ]}
      />
      {readOnly ? (
        <Alert type="info" showIcon title="当前角色为只读，不能填报数据。" />
      ) : (
        <Flex gap={12} align="center" justify="flex-end">
          <Typography.Text type={dirtyCount ? "warning" : "secondary"} data-testid="dirty-count">
            {dirtyCount ? `${dirtyCount} 项未保存` : "没有未保存的修改"}
          </Typography.Text>
          <Button disabled={dirtyCount === 0} onClick={() => { setDraft(initialDraft(entries)); setServerErrors({}); setSaveError(null); }}>
            撤销修改
          </Button>
          <Button type="primary" loading={save.isPending} onClick={submit}>
            全部保存
          </Button>
        </Flex>
      )}
    </Flex>
  );

}
