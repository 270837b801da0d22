import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  type AssessmentRule,
  assessmentRuleLabels,
  type IndicatorAttribute,
  type IndicatorDirection,
  indicatorAttributeLabels,
  indicatorDirectionLabels,
} from "@ybplan/domain/indicator";
import { App, Button, Flex, Input, Popconfirm, Select, Space, Table, Tag } from "antd";
import { type ReactNode, useState } from "react";
import { conflictSentence, formatApiError, readConflict } from "../../api/errors.ts";
import { useTRPC } from "../../api/trpc.ts";
import type { IndicatorItem } from "../../api/types.ts";
import { useKeyboardScroll } from "../../components/keyboard-scroll.ts";
import { MarkedText } from "../../components/marked-text.tsx";
import { TargetPreview } from "../../components/target-preview.tsx";
import { useUnsavedChangesGuard } from "../../router/hooks.ts";
import { ReviseTargetButton } from "../cycle/revise-target-button.tsx";

interface Draft {
  category: string;
  name: string;
  unit: string;
  baselineText: string;
  targetText: string;
  attribute: IndicatorAttribute;
  direction: IndicatorDirection;
  assessment: AssessmentRule;
}

const NEW = "__new__";

function draftOf(i: IndicatorItem): Draft {
  return {
    category: i.category,
    name: i.name,
    unit: i.unit ?? "",
    baselineText: i.baseline.text,
    targetText: i.target.text,
    attribute: i.attribute,
    direction: i.direction,
    assessment: i.assessment,
  };
}

const emptyDraft: Draft = {
  category: "",
  name: "",
  unit: "",
  baselineText: "",
  targetText: "",
  attribute: "expected",
  direction: "higher",
  assessment: "endOfPeriod",
};

const options = <K extends string>(labels: Record<K, string>) =>
  (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));

/**
 * The plan's main-indicator table with inline editing: one row at a time becomes a form, with a
 * live preview of how the baseline and target texts are understood. Saving sends the version read;
 * a newer change by someone else is reported, not overwritten.
 */
export function IndicatorTable({
  planId,
  indicators,
  editable,
}: {
  planId: string;
  indicators: IndicatorItem[];
  editable: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message, modal } = App.useApp();
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [errors, setErrors] = useState<Record<string, string>>({});
  useUnsavedChangesGuard(editing !== null);
  const tableRef = useKeyboardScroll("主要指标表");

  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: trpc.indicators.list.queryKey({ planId }) });
  const onError = (e: unknown) => {
    const conflict = readConflict(e);
    if (conflict) {
      modal.warning({ title: "保存冲突", content: conflictSentence(conflict), okText: "知道了" });
      void refresh();
      return;
    }
    const fieldErrors: Record<string, string> = {};
    const data = (e as { data?: { fields?: Array<{ path: string; message: string }> } }).data;
    for (const f of data?.fields ?? []) fieldErrors[f.path.split(".").pop() ?? ""] = f.message;
    setErrors(fieldErrors);
    void message.error(formatApiError(e));
  };
  const done = () => {
    setEditing(null);
    setErrors({});
    void refresh();
  };
  const update = useMutation(
    trpc.indicators.update.mutationOptions({
      onSuccess: () => {
        void message.success("指标已保存");
        done();
      },
      onError,
    }),
  );
  const create = useMutation(
    trpc.indicators.create.mutationOptions({
      onSuccess: () => {
        void message.success("指标已添加");
        done();
      },
      onError,
    }),
  );
  const remove = useMutation(
    trpc.indicators.delete.mutationOptions({
      onSuccess: () => {
        void message.success("指标已删除");
        void refresh();
      },
      onError,
    }),
  );

  const fields = () => ({
    category: draft.category,
    name: draft.name,
    unit: draft.unit.trim() || null,
    baselineText: draft.baselineText,
    targetText: draft.targetText,
    attribute: draft.attribute,
    direction: draft.direction,
    assessment: draft.assessment,
  });
  const save = (row: IndicatorItem | null) => {
    if (draft.name.trim() === "") {
      setErrors({ name: "请输入指标名称" });
      return;
    }
    if (row) update.mutate({ id: row.id, version: row.version, data: fields() });
    else create.mutate({ planId, ...fields(), definition: null, footnote: null, parentIndicatorId: null });
  };

  const rows: IndicatorItem[] = editing === NEW ? [...indicators, { id: NEW } as IndicatorItem] : indicators;
  const isEditing = (r: IndicatorItem) => r.id === editing;
  const set = (k: keyof Draft) => (v: string) => setDraft((d) => ({ ...d, [k]: v }));
  const textCell =
    (k: keyof Draft, label: string, render: (r: IndicatorItem) => ReactNode) =>
    (_: unknown, r: IndicatorItem) =>
      isEditing(r) ? (
        <Flex vertical gap={2}>
          <Input
            aria-label={label}
            size="small"
            value={draft[k]}
            status={errors[k] ? "error" : ""}
            onChange={(e) => set(k)(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") save(r.id === NEW ? null : r);
              if (e.key === "Escape") setEditing(null);
            }}
          />
          {errors[k] ? <span style={{ color: "#cf1322", fontSize: 12 }}>{errors[k]}</span> : null}
          {k === "targetText" || k === "baselineText" ? (
            <TargetPreview text={draft[k]} unit={draft.unit || null} />
          ) : null}
        </Flex>
      ) : (
        render(r)
      );
  const selectCell =
    <K extends "attribute" | "direction" | "assessment">(
      k: K,
      labels: Record<Draft[K], string>,
      label: string,
    ) =>
    (_: unknown, r: IndicatorItem) =>
      isEditing(r) ? (
        <Select
          aria-label={label}
          size="small"
          style={{ width: "100%" }}
          value={draft[k]}
          options={options(labels)}
          onChange={(v) => set(k)(v)}
        />
      ) : k === "attribute" ? (
        <Tag color={r.attribute === "binding" ? "red" : "blue"}>
          {(labels as Record<string, string>)[r[k]]}
        </Tag>
      ) : (
        (labels as Record<string, string>)[r[k]]
      );

  return (
    <>
      <Table<IndicatorItem>
        ref={tableRef}
        size="small"
        rowKey="id"
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1240 }}
        locale={{ emptyText: "该规划还没有指标" }}
        columns={[
          { title: "序号", width: 50, render: (_, r, i) => (r.id === NEW ? "新" : i + 1) },
          { title: "类别", width: 110, render: textCell("category", "类别", (r) => r.category) },
          {
            title: "指标名称",
            width: 210,
            render: textCell("name", "指标名称", (r) => <MarkedText text={r.name} />),
          },
          { title: "单位", width: 70, render: textCell("unit", "单位", (r) => r.unit ?? "") },
          {
            title: "基期值",
            width: 150,
            render: textCell("baselineText", "基期值", (r) => <MarkedText text={r.baseline.text} />),
          },
          {
            title: "目标值",
            width: 200,
            render: textCell("targetText", "目标值", (r) => <MarkedText text={r.target.text} />),
          },
          { title: "属性", width: 90, render: selectCell("attribute", indicatorAttributeLabels, "属性") },
          { title: "方向", width: 110, render: selectCell("direction", indicatorDirectionLabels, "方向") },
          {
            title: "评估规则",
            width: 120,
            render: selectCell("assessment", assessmentRuleLabels, "评估规则"),
          },
          ...(editable
            ? [
                {
                  title: "操作",
                  width: 190,
                  fixed: "right" as const,
                  render: (_: unknown, r: IndicatorItem) =>
                    isEditing(r) ? (
                      <Space size={4}>
                        <Button
                          size="small"
                          type="primary"
                          loading={update.isPending || create.isPending}
                          onClick={() => save(r.id === NEW ? null : r)}
                        >
                          保存
                        </Button>
                        <Button
                          size="small"
                          onClick={() => {
                            setEditing(null);
                            setErrors({});
                          }}
                        >
                          取消
                        </Button>
                      </Space>
                    ) : (
                      <Space size={4}>
                        <Button
                          size="small"
                          type="link"
                          disabled={editing !== null}
                          onClick={() => {
                            setDraft(draftOf(r));
                            setErrors({});
                            setEditing(r.id);
                          }}
                        >
                          编辑
                        </Button>
                        <ReviseTargetButton indicator={r} disabled={editing !== null} />
                        <Popconfirm
                          title="删除指标"
                          description={`确定删除“${r.name}”及其全部填报数据？此操作无法恢复。`}
                          okText="删除"
                          okButtonProps={{ danger: true }}
                          cancelText="取消"
                          onConfirm={() => remove.mutateAsync({ id: r.id, version: r.version })}
                        >
                          <Button size="small" type="link" danger disabled={editing !== null}>
                            删除
                          </Button>
                        </Popconfirm>
                      </Space>
                    ),
                },
              ]
            : []),
        ]}
      />
      {editable ? (
        <Button
          style={{ marginTop: 8 }}
          disabled={editing !== null}
          onClick={() => {
            setDraft(emptyDraft);
            setErrors({});
            setEditing(NEW);
          }}
        >
          添加指标
        </Button>
      ) : null}
    </>
  );
}
