import { useQueryClient } from "@tanstack/react-query";
import type { TargetInForceEntry as StageEntry } from "@ybplan/domain/cycle";
import { isWorkIndicator } from "@ybplan/domain/indicator";
import { Alert, App, Button, Checkbox, Flex, Input, Popconfirm, Table, Tag, Tooltip, Typography } from "antd";
import { useEffect, useMemo, useState } from "react";
import { type ConflictInfo, formatApiError, readApiError, readConflict } from "../../api/errors.ts";
import { useTRPC } from "../../api/trpc.ts";
import type { IndicatorItem, ObservationItem, PlanDetail } from "../../api/types.ts";
import { useKeyboardScroll } from "../../components/keyboard-scroll.ts";
import { MarkedText } from "../../components/marked-text.tsx";
import { formatTime } from "../../lib/time.ts";
import { useUnsavedChangesGuard } from "../../router/hooks.ts";
import { Link } from "../../router/link.tsx";
import { ConflictChoice } from "./conflict-choice.tsx";
import { draftKey, loadDraft, saveDraft } from "./draft-storage.ts";
import {
  changedEntries,
  conflictOf,
  conflictsOf,
  type Draft,
  type DraftCell,
  displayValue,
  editedCells,
  entryKey,
  initialDraft,
  isEdited,
  keepMine,
  rebaseDraft,
  restoreDraft,
  takeTheirs,
  validateDraft,
} from "./entry-model.ts";
import { focusValueCell, valueCellKeyDown } from "./grid-keys.ts";
import { type GridRow, rowLabel, toGridRows } from "./grid-rows.ts";
import { draftWarnings } from "./plausibility.ts";
import { isNetworkFailure, type SaveYearInput, useSaveYear } from "./use-save-year.ts";

const browserStore = () => window.localStorage;

export interface EntryGridProps {
  plan: PlanDetail;
  year: number;
  indicators: IndicatorItem[];
  observations: ObservationItem[];
  readOnly: boolean;
  /** Whose local draft this is (drafts are kept per user, plan and year). */
  userId: string;
  /** Work indicators' staged yearly targets (工作指标), by indicator, when loaded. */
  stages?: readonly {
    indicator: { id: string };
    stages: readonly { year: number; targetText: string; target: StageEntry["target"] }[];
  }[];
}

/** The year's values of one plan: typed cell by cell, kept locally until saved, saved at once. */
export function EntryGrid({
  plan,
  year,
  indicators,
  observations,
  readOnly,
  userId,
  stages = [],
}: EntryGridProps) {
  const stageOf = new Map(
    stages.flatMap((w) => w.stages.filter((s) => s.year === year).map((s) => [w.indicator.id, s.targetText])),
  );
  // The plan's own step between two staged years is expected growth, not an implausible jump.
  const stageEntries = useMemo(
    () =>
      new Map(
        stages.map((w) => [
          w.indicator.id,
          w.stages.map((s): StageEntry => ({ effectiveYear: s.year, target: s.target, scope: "year" })),
        ]),
      ),
    [stages],
  );
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const tableRef = useKeyboardScroll(`${year}年数据填报表`);
  const prevYears = useMemo(() => {
    const ys: number[] = [];
    for (let y = Math.max(plan.baselineYear, year - 3); y < year; y++) ys.push(y);
    return ys;
  }, [plan.baselineYear, year]);
  const rows = useMemo(
    () => toGridRows(indicators, observations, year, prevYears),
    [indicators, observations, year, prevYears],
  );
  const entries = useMemo(() => rows.map((r) => r.entry), [rows]);
  const storageKey = draftKey(userId, plan.id, year);

  // A draft left by an earlier visit (reload, crash, lost connection) is laid over the stored values.
  const [restored] = useState(() => {
    const saved = readOnly ? null : loadDraft(browserStore(), storageKey);
    if (!saved) return null;
    const count = Object.keys(editedCells(entries, restoreDraft(entries, saved.cells))).length;
    return count > 0 ? { cells: saved.cells, savedAt: saved.savedAt, count } : null;
  });
  const [draft, setDraft] = useState<Draft>(() =>
    restored ? restoreDraft(entries, restored.cells) : initialDraft(entries),
  );
  const [showRestored, setShowRestored] = useState(restored !== null);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState<ConflictInfo | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [networkFailed, setNetworkFailed] = useState<SaveYearInput | null>(null);
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [tabAll, setTabAll] = useState(false);

  // Newer stored data (a refetch after a save or a conflict): untouched cells follow, edits stay.
  useEffect(() => setDraft((d) => rebaseDraft(entries, d)), [entries]);
  // Edits are kept in this browser until they are saved.
  useEffect(() => {
    if (!readOnly) saveDraft(browserStore(), storageKey, editedCells(entries, draft));
  }, [draft, entries, storageKey, readOnly]);

  const localErrors = validateDraft(entries, draft);
  const conflicts = conflictsOf(entries, draft);
  const dirtyCount = entries.filter((e) => isEdited(e, draft[e.key])).length;
  const warnings = useMemo(
    () => draftWarnings(rows, draft, observations, year, plan.baselineYear, stageEntries),
    [rows, draft, observations, year, plan.baselineYear, stageEntries],
  );
  const unexplainedWarnings = rows.filter((r) => warnings[r.entry.key] && !draft[r.entry.key]?.note.trim());
  useUnsavedChangesGuard(dirtyCount > 0);

  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: trpc.observations.list.queryKey({ planId: plan.id }) });
  const save = useSaveYear();
  const send = (input: SaveYearInput) => {
    setNetworkFailed(null);
    save.mutate(input, {
      onSuccess: (r) => {
        setConflict(null);
        setSaveError(null);
        setServerErrors({});
        void message.success(
          `已保存：新增 ${r.created} 项，修改 ${r.updated} 项${r.deleted ? `，清除 ${r.deleted} 项` : ""}`,
        );
        if (unexplainedWarnings.length > 0) {
          void message.warning(
            `有 ${unexplainedWarnings.length} 项数值变动异常（${unexplainedWarnings.map(rowLabel).join("、")}），请核实；提交前须在备注中说明`,
          );
        }
        void refresh();
        // Verdicts computed before this save are wrong now: drop them rather than show them stale.
        queryClient.removeQueries({ queryKey: trpc.evaluation.pathKey() });
      },
      onError: (e) => onSaveError(e, input),
    });
  };

  const onSaveError = (e: unknown, input: SaveYearInput) => {
    const c = readConflict(e);
    if (c) {
      // Load what the colleague saved: untouched cells take it, cells both changed ask for a choice.
      setConflict(c);
      setSaveError(null);
      void refresh();
      return;
    }
    if (isNetworkFailure(e)) {
      setNetworkFailed(input);
      setSaveError(
        "网络异常：未能连接服务器，本次保存未完成。您的修改仍在本页，并已存入本机草稿，可稍后重试。",
      );
      return;
    }
    // Field paths ("rows.3.value") point into what was sent; map them back to the cells.
    const info = readApiError(e);
    const byKey: Record<string, string> = {};
    for (const f of info.fields) {
      const [head, index] = f.path;
      const row = head === "rows" ? input.rows[Number(index)] : undefined;
      if (row) byKey[entryKey(row.indicatorId, row.subject ?? null)] = f.message;
    }
    setServerErrors(byKey);
    const names = rows.filter((r) => byKey[r.entry.key]).map(rowLabel);
    setSaveError(
      names.length > 0
        ? `保存失败，以下 ${names.length} 项未通过校验（见单元格下方提示），全部数据均未保存：${names.join("、")}`
        : formatApiError(e),
    );
    focusFirst((r) => Boolean(byKey[r.entry.key]));
  };

  const focusFirst = (pick: (r: GridRow) => boolean) => {
    const index = rows.findIndex(pick);
    if (index >= 0) focusValueCell(index);
  };

  const submit = () => {
    setTouched(Object.fromEntries(entries.map((e) => [e.key, true])));
    if (conflicts.length > 0) {
      setSaveError(
        `有 ${conflicts.length} 项与他人已保存的数值冲突，请在单元格下方逐项选择保留哪一个后再保存`,
      );
      focusFirst((r) => conflicts.some((c) => c.key === r.entry.key));
      return;
    }
    const invalid = rows.filter((r) => localErrors[r.entry.key]);
    if (invalid.length > 0) {
      setSaveError(
        `有 ${invalid.length} 项填写有误，请按提示修改后再保存：${invalid.map(rowLabel).join("、")}`,
      );
      focusFirst((r) => Boolean(localErrors[r.entry.key]));
      return;
    }
    const changed = changedEntries(entries, draft);
    if (changed.length === 0) {
      void message.info("没有需要保存的修改");
      return;
    }
    send({ planId: plan.id, year, rows: changed });
  };

  const updateCell = (key: string, patch: Partial<DraftCell>) => {
    setDraft((d) => ({ ...d, [key]: { ...d[key]!, ...patch } }));
    setServerErrors((e) => {
      if (!(key in e)) return e;
      const { [key]: _, ...rest } = e;
      return rest;
    });
  };

  const discardAll = () => {
    setConflict(null);
    setSaveError(null);
    setServerErrors({});
    setNetworkFailed(null);
    setDraft(initialDraft(entries));
    void refresh();
  };

  const errorOf = (key: string) =>
    touched[key] || save.isError ? (localErrors[key] ?? serverErrors[key]) : serverErrors[key];

  return (
    <Flex vertical gap={12}>
      {showRestored && restored ? (
        <Alert
          type="info"
          showIcon
          data-testid="draft-restored"
          title={`已从本机恢复 ${restored.count} 项尚未保存的修改（${formatTime(restored.savedAt)}），保存后本机草稿自动清除。`}
          action={
            <Button
              size="small"
              onClick={() => {
                setShowRestored(false);
                discardAll();
              }}
            >
              放弃这些修改
            </Button>
          }
          closable
          onClose={() => setShowRestored(false)}
        />
      ) : null}
      {conflict || conflicts.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          data-testid="conflict-alert"
          title="保存未完成：他人已先保存了部分数值"
          description={
            <div>
              {conflict ? (
                <div>
                  {conflict.changedBy ?? "其他用户"}
                  {conflict.changedAt ? ` 于 ${formatTime(conflict.changedAt)}` : ""}{" "}
                  先保存了本年度的部分数值，您的修改尚未保存。
                </div>
              ) : null}
              <div>
                您未改动的单元格已载入最新数值。
                {conflicts.length > 0
                  ? `以下 ${conflicts.length} 项双方都修改过，请在单元格下方选择保留哪一个：${rows
                      .filter((r) => conflicts.some((c) => c.key === r.entry.key))
                      .map(rowLabel)
                      .join("、")}`
                  : "没有需要选择的单元格，可以再次保存。"}
              </div>
            </div>
          }
          action={
            <Flex vertical gap={4}>
              {conflicts.length > 0 ? (
                <Button
                  size="small"
                  onClick={() =>
                    setDraft((d) => {
                      const next = { ...d };
                      for (const r of entries)
                        if (conflictOf(r, d[r.key])) next[r.key] = keepMine(r, d[r.key]!);
                      return next;
                    })
                  }
                >
                  冲突项全部保留我的修改
                </Button>
              ) : null}
              <Button size="small" onClick={discardAll}>
                放弃我的修改，载入最新数据
              </Button>
            </Flex>
          }
        />
      ) : null}
      {saveError ? (
        <Alert
          type="error"
          showIcon
          title={saveError}
          data-testid="save-error"
          action={
            networkFailed ? (
              <Button
                size="small"
                type="primary"
                loading={save.isPending}
                onClick={() => send(networkFailed)}
              >
                重试
              </Button>
            ) : undefined
          }
        />
      ) : null}
      <Table<GridRow>
        ref={tableRef}
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
                  <MarkedText text={r.indicator.name} />
                  {r.subject ? ` · ${r.subject}` : ""}
                  {r.indicator.unit ? `（${r.indicator.unit}）` : ""}
                </span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {isWorkIndicator(r.indicator) ? <Tag color="blue">工作指标</Tag> : null}
                  {r.indicator.attribute === "binding" ? <Tag color="red">约束性</Tag> : <Tag>预期性</Tag>}{" "}
                  {stageOf.has(r.indicator.id) ? (
                    `${year}年目标 ${stageOf.get(r.indicator.id)}`
                  ) : (
                    <>
                      目标 <MarkedText text={r.indicator.target.text} />
                    </>
                  )}
                </Typography.Text>
              </Flex>
            ),
          },
          {
            title: `基期（${plan.baselineYear}）`,
            width: 90,
            render: (_, r) =>
              r.previous[plan.baselineYear] ? (
                displayValue(r.previous[plan.baselineYear]?.value)
              ) : (
                <MarkedText text={r.indicator.baseline.text} />
              ),
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
            width: 200,
            render: (_, r, index) => {
              const key = r.entry.key;
              const err = errorOf(key);
              const cell = draft[key];
              const dirty = isEdited(r.entry, cell);
              const clash = conflictOf(r.entry, cell);
              return (
                <Flex vertical gap={2}>
                  <Input
                    aria-label={`${rowLabel(r)} ${year}年数值`}
                    aria-invalid={err ? true : undefined}
                    data-indicator={r.indicator.name}
                    data-entry-index={index}
                    size="small"
                    value={cell?.raw ?? ""}
                    disabled={readOnly}
                    status={err || clash ? "error" : dirty ? "warning" : ""}
                    suffix={r.indicator.unit ?? undefined}
                    onChange={(e) => updateCell(key, { raw: e.target.value })}
                    onBlur={() => setTouched((t) => ({ ...t, [key]: true }))}
                    onKeyDown={(e) => valueCellKeyDown(e, index, rows.length)}
                  />
                  {err ? (
                    <span role="alert" style={{ color: "#cf1322", fontSize: 12 }}>
                      {err}
                    </span>
                  ) : null}
                  {!err && warnings[key] ? (
                    <span data-testid="cell-warning" style={{ color: "#ad4e00", fontSize: 12 }}>
                      {warnings[key]}
                      {cell?.note.trim() ? "（已在备注中说明）" : ""}
                    </span>
                  ) : null}
                  {clash && cell ? (
                    <ConflictChoice
                      label={rowLabel(r)}
                      conflict={clash}
                      onKeepMine={() => updateCell(key, keepMine(r.entry, cell))}
                      onTakeTheirs={() => updateCell(key, takeTheirs(r.entry))}
                    />
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
                aria-label={`${rowLabel(r)} 数据来源`}
                size="small"
                tabIndex={tabAll ? undefined : -1}
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
                aria-label={`${rowLabel(r)} 备注`}
                size="small"
                tabIndex={tabAll ? undefined : -1}
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
                <Flex vertical>
                  <Tooltip title={`版本 ${r.current.version}`}>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {r.current.recordedBy ?? ""} {formatTime(r.current.recordedAt)}
                    </Typography.Text>
                  </Tooltip>
                  <Link
                    to={`/audit?planId=${plan.id}&indicatorId=${r.indicator.id}&year=${year}`}
                    style={{ fontSize: 12 }}
                  >
                    修改记录
                  </Link>
                </Flex>
              ) : (
                "—"
              ),
          },
        ]}
      />
      {readOnly ? (
        <Alert type="info" showIcon title="当前为只读，不能填报数据。" />
      ) : (
        <Flex gap={12} align="center" justify="flex-end" wrap>
          <Checkbox checked={tabAll} onChange={(e) => setTabAll(e.target.checked)}>
            Tab 键经过数据来源、备注列
          </Checkbox>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            回车或 ↑↓ 在数值间移动
          </Typography.Text>
          <Typography.Text type={dirtyCount ? "warning" : "secondary"} data-testid="dirty-count">
            {dirtyCount ? `${dirtyCount} 项未保存` : "没有未保存的修改"}
          </Typography.Text>
          <Popconfirm
            title={`撤销全部 ${dirtyCount} 项未保存的修改？`}
            description="撤销后恢复为已保存的数值，本机草稿一并清除。"
            okText="确定撤销"
            cancelText="取消"
            onConfirm={discardAll}
            disabled={dirtyCount === 0}
          >
            <Button disabled={dirtyCount === 0}>撤销修改</Button>
          </Popconfirm>
          <Button type="primary" loading={save.isPending} onClick={submit}>
            全部保存
          </Button>
        </Flex>
      )}
    </Flex>
  );
}
