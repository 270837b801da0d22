import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { indicatorAttributeLabels } from "@ybplan/domain/indicator";
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Table,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { type FieldIssue, formatApiError, readApiError } from "../../api/errors.ts";
import { useTRPC } from "../../api/trpc.ts";
import type { ProjectItem, RouterOutputs, TaskItem } from "../../api/types.ts";
import { QueryState } from "../../components/query-state.tsx";

type Proposal = RouterOutputs["workIndicators"]["propose"]["proposals"][number];
type Confirmed = RouterOutputs["workIndicators"]["list"][number];

/** "2022年 ≥70%；2023年 ≥80%；2024年 ≥90%" */
const stagesText = (stages: readonly { year: number; text: string }[]) =>
  stages.length ? stages.map((s) => `${s.year}年 ${s.text}`).join("；") : "—";

/**
 * 工作指标: indicators of key tasks and 专栏 items with staged yearly targets. The importer's
 * proposals read from the plan's text (a planner checks and confirms each one), then the confirmed
 * ones with their stages. They are not 主要指标: entered in the yearly grid, judged against the
 * year's own stage, counted apart.
 */
export function WorkIndicatorsPanel({
  planId,
  periodEnd,
  editable,
  tasks,
  projects,
}: {
  planId: string;
  periodEnd: number;
  editable: boolean;
  tasks: readonly TaskItem[];
  projects: readonly ProjectItem[];
}) {
  const trpc = useTRPC();
  const proposals = useQuery(trpc.workIndicators.propose.queryOptions({ planId }));
  const confirmed = useQuery(trpc.workIndicators.list.queryOptions({ planId }));
  const [confirming, setConfirming] = useState<Proposal | null>(null);
  const ownerLabel = new Map<string, string>([
    ...tasks.map((t) => [t.id, `${t.number}${t.title}`] as const),
    ...projects.flatMap((p) => p.items.map((i) => [i.id, `${p.number}（${i.number}）${i.title}`] as const)),
  ]);

  return (
    <Flex vertical gap={12}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        工作指标属于重点任务或专栏项目，不计入规划的主要指标；有分年度目标的，按当年目标评估。
      </Typography.Paragraph>
      <Card size="small" title="规划文本中的工作指标建议">
        <QueryState
          query={proposals}
          isEmpty={(p) => p.proposals.length === 0 && p.warnings.length === 0}
          emptyText="未从规划文本中识别到工作指标"
        >
          {(p) => (
            <Flex vertical gap={8}>
              {p.warnings.map((w) => (
                <Alert
                  key={`${w.line}-${w.text}`}
                  type="warning"
                  showIcon
                  title={`${w.message}（${w.text}）`}
                />
              ))}
              <Table<Proposal>
                size="small"
                rowKey={(r) => `${r.ownerId}/${r.name}`}
                dataSource={[...p.proposals]}
                pagination={false}
                columns={[
                  { title: "所属任务或专栏项目", width: 220, render: (_, r) => r.owner.label },
                  { title: "指标名称", render: (_, r) => r.name },
                  {
                    title: "分年度目标",
                    width: 220,
                    render: (_, r) => stagesText(r.stages.map((x) => ({ year: x.year, text: x.target }))),
                  },
                  { title: "期末目标", width: 90, render: (_, r) => r.target ?? "—" },
                  {
                    title: "原文",
                    width: 260,
                    render: (_, r) => (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {r.line > 0 ? `第 ${r.line} 行：` : ""}
                        {r.text}
                      </Typography.Text>
                    ),
                  },
                  {
                    title: "状态",
                    width: 90,
                    render: (_, r) =>
                      r.confirmedIndicatorId ? (
                        <Tag color="green">已确认</Tag>
                      ) : editable ? (
                        <Button size="small" aria-label={`确认 ${r.name}`} onClick={() => setConfirming(r)}>
                          确认
                        </Button>
                      ) : (
                        <Tag>待确认</Tag>
                      ),
                  },
                ]}
              />
            </Flex>
          )}
        </QueryState>
      </Card>
      <Card size="small" title="已确认的工作指标">
        <QueryState query={confirmed} isEmpty={(l) => l.length === 0} emptyText="尚未确认工作指标">
          {(list) => (
            <Table<Confirmed>
              size="small"
              rowKey={(r) => r.indicator.id}
              dataSource={[...list]}
              pagination={false}
              columns={[
                {
                  title: "所属任务或专栏项目",
                  width: 220,
                  render: (_, r) => ownerLabel.get(r.projectItemId ?? r.taskId ?? "") ?? "—",
                },
                { title: "指标名称", render: (_, r) => r.indicator.name },
                { title: "单位", width: 60, render: (_, r) => r.indicator.unit ?? "—" },
                {
                  title: "属性",
                  width: 70,
                  render: (_, r) => indicatorAttributeLabels[r.indicator.attribute],
                },
                {
                  title: "分年度目标",
                  width: 240,
                  render: (_, r) => stagesText(r.stages.map((x) => ({ year: x.year, text: x.targetText }))),
                },
                { title: `期末目标（${periodEnd}年）`, width: 120, render: (_, r) => r.indicator.targetText },
              ]}
            />
          )}
        </QueryState>
      </Card>
      {confirming ? (
        <ConfirmModal
          planId={planId}
          proposal={confirming}
          periodEnd={periodEnd}
          onClose={() => setConfirming(null)}
        />
      ) : null}
    </Flex>
  );
}

interface Values {
  name: string;
  unit: string;
  attribute: "binding" | "expected";
  targetText: string;
  stages: { year: number; targetText: string }[];
}

const fieldLabels: Record<string, string> = {
  name: "指标名称",
  unit: "单位",
  attribute: "属性",
  targetText: "期末目标",
  baselineText: "基期值",
  owner: "所属任务或专栏项目",
  year: "年份",
};

/** "分年度目标第2项·年份", "指标名称": the field a refusal names, as the form labels it. */
function labelOf(path: FieldIssue["path"]): string {
  const [head, index, leaf] = path;
  if (head === "stages") {
    const n = index === undefined ? "" : `第${Number(index) + 1}项`;
    return `分年度目标${n}${leaf ? `·${fieldLabels[String(leaf)] ?? leaf}` : ""}`;
  }
  return fieldLabels[String(head)] ?? String(head ?? "输入");
}

/** A proposal checked (and corrected) by a planner, then stored through workIndicators.confirm. */
function ConfirmModal({
  planId,
  proposal,
  periodEnd,
  onClose,
}: {
  planId: string;
  proposal: Proposal;
  periodEnd: number;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [refusal, setRefusal] = useState<string | null>(null);
  const confirm = useMutation(
    trpc.workIndicators.confirm.mutationOptions({
      onSuccess: (r) => {
        void message.success(`已确认工作指标“${r.indicator.name}”`);
        for (const key of [
          trpc.workIndicators.propose.queryKey({ planId }),
          trpc.workIndicators.list.queryKey({ planId }),
          trpc.plans.get.queryKey({ id: planId }),
          trpc.indicators.list.queryKey({ planId }),
        ])
          void queryClient.invalidateQueries({ queryKey: key });
        onClose();
      },
      onError: (e) => {
        const info = readApiError(e);
        // Each refused field under its input; the whole list, in Chinese, above the form.
        form.setFields(
          info.fields.flatMap((f): { name: (string | number)[]; errors: string[] }[] => {
            const [head, index, leaf] = f.path;
            if (head === "stages" && index !== undefined)
              return [{ name: ["stages", Number(index), String(leaf ?? "targetText")], errors: [f.message] }];
            return typeof head === "string" && head in fieldLabels && head !== "owner"
              ? [{ name: [head], errors: [f.message] }]
              : [];
          }) as Parameters<typeof form.setFields>[0],
        );
        setRefusal(formatApiError(e, labelOf));
      },
    }),
  );
  const submit = (v: Values) => {
    setRefusal(null);
    confirm.mutate({
      planId,
      owner: { kind: proposal.owner.kind, id: proposal.ownerId },
      name: v.name,
      unit: v.unit.trim() || null,
      attribute: v.attribute,
      targetText: v.targetText.trim() || null,
      stages: v.stages.map((s) => ({ year: s.year, targetText: s.targetText })),
      source: proposal.text,
    });
  };
  return (
    <Modal
      open
      title={`确认工作指标 · ${proposal.owner.label}`}
      okText="确认"
      cancelText="取消"
      width={640}
      confirmLoading={confirm.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        原文：{proposal.text}
      </Typography.Paragraph>
      {refusal ? <Alert type="error" showIcon title={refusal} style={{ marginBottom: 12 }} /> : null}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          name: proposal.name,
          unit: proposal.unit ?? "",
          attribute: "expected",
          targetText: proposal.target ?? "",
          stages: proposal.stages.map((s) => ({ year: s.year, targetText: s.target })),
        }}
      >
        <Form.Item label="指标名称" name="name" rules={[{ required: true, message: "请输入指标名称" }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item label="单位" name="unit" style={{ flex: 1 }}>
            <Input maxLength={20} />
          </Form.Item>
          <Form.Item label="属性" name="attribute" style={{ flex: 1 }}>
            <Select
              options={[
                { value: "expected", label: "预期性" },
                { value: "binding", label: "约束性" },
              ]}
            />
          </Form.Item>
          <Form.Item
            label={`期末目标（${periodEnd}年）`}
            name="targetText"
            tooltip="不填时取最后一年的分年度目标"
            style={{ flex: 1 }}
          >
            <Input maxLength={200} placeholder="如 ≥90%" />
          </Form.Item>
        </Flex>
        <Form.List name="stages">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4}>
              <Typography.Text strong>分年度目标</Typography.Text>
              {fields.map((f, i) => (
                <Flex key={f.key} gap={8} align="start">
                  <Form.Item
                    name={[f.name, "year"]}
                    rules={[{ required: true, message: "请填写年份" }]}
                    style={{ marginBottom: 8 }}
                  >
                    <InputNumber aria-label={`分年度目标第${i + 1}项 年份`} suffix="年" />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, "targetText"]}
                    rules={[{ required: true, message: "请填写目标" }]}
                    style={{ flex: 1, marginBottom: 8 }}
                  >
                    <Input aria-label={`分年度目标第${i + 1}项 目标`} maxLength={200} placeholder="如 ≥80%" />
                  </Form.Item>
                  <Button aria-label={`删除分年度目标第${i + 1}项`} onClick={() => remove(f.name)}>
                    删除
                  </Button>
                </Flex>
              ))}
              <Button type="dashed" onClick={() => add({ year: periodEnd, targetText: "" })}>
                添加分年度目标
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
