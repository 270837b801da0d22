import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { mainIndicators } from "@ybplan/domain/indicator";
import { planStatusLabels } from "@ybplan/domain/plan";
import { Alert, App, Breadcrumb, Button, Card, Descriptions, Empty, Flex, Tabs, Tag, Typography } from "antd";
import { useState } from "react";
import { formatApiError } from "../../api/errors.ts";
import { useTRPC } from "../../api/trpc.ts";
import type { PlanDetail } from "../../api/types.ts";
import { can } from "../../auth/roles.ts";
import { useSession } from "../../auth/session-context.ts";
import { QueryState } from "../../components/query-state.tsx";
import { formatTime } from "../../lib/time.ts";
import { Link } from "../../router/link.tsx";
import { navigate } from "../../router/navigation.ts";
import type { PageProps } from "../../routes/registry.ts";
import { IndicatorTable } from "./indicator-table.tsx";
import { NewProjectModal } from "./new-project-modal.tsx";
import { PlanMetaModal } from "./plan-meta-modal.tsx";
import { WorkIndicatorsPanel } from "./work-indicators.tsx";
import { WorkItemModal } from "./work-item-modal.tsx";
import { buildTaskTree, WorkItemTable } from "./work-items.tsx";

/** 规划详情: metadata, the indicator table (inline edit), key tasks and 专栏 with progress. */
export default function PlanDetailPage({ params, search }: PageProps) {
  const planId = params.planId!;
  const trpc = useTRPC();
  const plan = useQuery(trpc.plans.get.queryOptions({ id: planId }));
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to="/plans">规划管理</Link> }, { title: "规划详情" }]}
      />
      <QueryState query={plan}>
        {(p) => <PlanView plan={p} tab={search.get("tab") ?? "indicators"} />}
      </QueryState>
    </>
  );
}

function PlanView({ plan, tab }: { plan: PlanDetail; tab: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { user } = useSession();
  const [editMeta, setEditMeta] = useState(false);
  const [adding, setAdding] = useState<{ kind: "task" | "projectItem"; projectId?: string } | null>(null);
  const [addingBox, setAddingBox] = useState(false);
  const departments = useQuery(
    trpc.departments.list.queryOptions({ jurisdictionCode: plan.jurisdictionCode }),
  );
  const refreshWork = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.tasks.list.queryKey({ planId: plan.id }) });
    void queryClient.invalidateQueries({ queryKey: trpc.projects.list.queryKey({ planId: plan.id }) });
    void queryClient.invalidateQueries({ queryKey: trpc.plans.get.queryKey({ id: plan.id }) });
  };
  const indicators = useQuery(trpc.indicators.list.queryOptions({ planId: plan.id }));
  const tasks = useQuery(trpc.tasks.list.queryOptions({ planId: plan.id }));
  const projects = useQuery(trpc.projects.list.queryOptions({ planId: plan.id }));
  const jurisdiction = useQuery(trpc.jurisdictions.get.queryOptions({ code: plan.jurisdictionCode }));
  const editable = can.editPlans(user.role);
  const canEnter = can.enterData(user.role);
  const work = {
    planId: plan.id,
    canEnter,
    editable,
    departments: departments.data ?? [],
    tasks: tasks.data ?? [],
    periodStart: plan.periodStart,
    periodEnd: plan.periodEnd,
  };

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="start" gap={12}>
        <h1 className="page-title" style={{ margin: 0 }}>
          {plan.title}
        </h1>
        <Flex gap={8}>
          {canEnter ? (
            <Button type="primary" onClick={() => void navigate(`/plans/${plan.id}/entry`)}>
              年度数据填报
            </Button>
          ) : null}
          <Button onClick={() => void navigate(`/overview?j=${plan.jurisdictionCode}&plan=${plan.id}`)}>
            查看评估
          </Button>
        </Flex>
      </Flex>
      {plan.importWarnings.length > 0 ? <ImportWarnings plan={plan} editable={editable} /> : null}
      <Tabs
        defaultActiveKey={tab}
        items={[
          {
            key: "meta",
            label: "基本信息",
            children: (
              <Card
                size="small"
                extra={
                  editable ? (
                    <Button size="small" onClick={() => setEditMeta(true)}>
                      编辑基本信息
                    </Button>
                  ) : null
                }
              >
                <Descriptions size="small" column={2} bordered>
                  <Descriptions.Item label="所属地区">
                    {jurisdiction.data?.name ?? plan.jurisdictionCode}
                  </Descriptions.Item>
                  <Descriptions.Item label="状态">
                    <Tag>{planStatusLabels[plan.status]}</Tag>
                  </Descriptions.Item>
                  <Descriptions.Item label="发文机关">{plan.issuer ?? "—"}</Descriptions.Item>
                  <Descriptions.Item label="文号">{plan.documentNumber ?? "—"}</Descriptions.Item>
                  <Descriptions.Item label="印发日期">{plan.issueDate ?? "—"}</Descriptions.Item>
                  <Descriptions.Item label="规划期">
                    {plan.periodStart}–{plan.periodEnd}（基期 {plan.baselineYear}）
                  </Descriptions.Item>
                  <Descriptions.Item label="主要指标 / 工作指标 / 任务 / 专栏">
                    {plan.counts.indicators} / {plan.counts.workIndicators ?? 0} / {plan.counts.tasks} /{" "}
                    {plan.counts.projects}
                  </Descriptions.Item>
                  <Descriptions.Item label="版本">
                    第 {plan.revision} 版，{plan.updatedBy ?? "系统"} 于 {formatTime(plan.updatedAt)} 更新
                  </Descriptions.Item>
                </Descriptions>
              </Card>
            ),
          },
          {
            key: "indicators",
            label: `主要指标（${plan.counts.indicators}）`,
            children: (
              <QueryState query={indicators}>
                {(list) => (
                  // Work indicators of tasks and 专栏 items have their own tab: not 主要指标.
                  <IndicatorTable planId={plan.id} indicators={mainIndicators(list)} editable={editable} />
                )}
              </QueryState>
            ),
          },
          {
            key: "tasks",
            label: `重点任务（${plan.counts.tasks}）`,
            children: (
              <Flex vertical gap={8}>
                {editable ? (
                  <Flex gap={8}>
                    <Button onClick={() => setAdding({ kind: "task" })}>新增任务</Button>
                    <Button type="link" onClick={() => void navigate(`/work?j=${plan.jurisdictionCode}`)}>
                      部门名单与任务督办
                    </Button>
                  </Flex>
                ) : null}
                <QueryState query={tasks} isEmpty={(t) => t.length === 0} emptyText="该规划没有录入重点任务">
                  {(list) => <WorkItemTable kind="task" items={buildTaskTree(list)} {...work} />}
                </QueryState>
              </Flex>
            ),
          },
          {
            key: "projects",
            label: `专栏（${plan.counts.projects}）`,
            children: (
              <Flex vertical gap={8}>
                {editable ? (
                  <Flex>
                    <Button onClick={() => setAddingBox(true)}>新增专栏</Button>
                  </Flex>
                ) : null}
                <QueryState query={projects} isEmpty={(p) => p.length === 0} emptyText="该规划没有专栏">
                  {(list) => (
                    <Flex vertical gap={12}>
                      {list.map((p) => (
                        <Card
                          key={p.id}
                          size="small"
                          title={`${p.number} ${p.title}`}
                          extra={
                            editable ? (
                              <Button
                                size="small"
                                onClick={() => setAdding({ kind: "projectItem", projectId: p.id })}
                              >
                                新增条目
                              </Button>
                            ) : null
                          }
                        >
                          {p.items.length === 0 ? (
                            <Empty description="该专栏没有条目" />
                          ) : (
                            <WorkItemTable kind="projectItem" items={p.items} {...work} />
                          )}
                        </Card>
                      ))}
                    </Flex>
                  )}
                </QueryState>
              </Flex>
            ),
          },
          {
            key: "work-indicators",
            label: `工作指标（${plan.counts.workIndicators ?? 0}）`,
            children: (
              <WorkIndicatorsPanel
                planId={plan.id}
                periodEnd={plan.periodEnd}
                editable={editable}
                tasks={tasks.data ?? []}
                projects={projects.data ?? []}
              />
            ),
          },
        ]}
      />
      {editMeta ? <PlanMetaModal plan={plan} onClose={() => setEditMeta(false)} /> : null}
      {adding ? (
        <WorkItemModal
          kind={adding.kind}
          projectId={adding.projectId}
          item={null}
          {...work}
          onClose={() => setAdding(null)}
          onSaved={refreshWork}
        />
      ) : null}
      {addingBox ? (
        <NewProjectModal planId={plan.id} onClose={() => setAddingBox(false)} onSaved={refreshWork} />
      ) : null}
    </Flex>
  );
}

/**
 * The last import's warnings, each with its source line, until a planner marks it resolved
 * (resolved ones stay listed, struck through, with who resolved them).
 */
function ImportWarnings({ plan, editable }: { plan: PlanDetail; editable: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const resolve = useMutation(
    trpc.plans.resolveWarning.mutationOptions({
      onSuccess: () =>
        void queryClient.invalidateQueries({ queryKey: trpc.plans.get.queryKey({ id: plan.id }) }),
      onError: (e) => void message.error(formatApiError(e)),
    }),
  );
  const same = (a: { line: number; message: string; text: string }, b: typeof a) =>
    a.line === b.line && a.message === b.message && a.text === b.text;
  const resolvedOf = (w: (typeof plan.importWarnings)[number]) =>
    plan.resolvedWarnings.find((r) => same(r, w));
  const open = plan.importWarnings.filter((w) => !resolvedOf(w)).length;
  return (
    <Alert
      type={open > 0 ? "warning" : "success"}
      showIcon
      title={
        open > 0
          ? `导入时有 ${plan.importWarnings.length} 条提示，${open} 条待处理，请核对`
          : `导入时的 ${plan.importWarnings.length} 条提示均已处理`
      }
      description={
        <details open={open > 0 && open <= 5}>
          <summary>查看提示（按原文行号）</summary>
          <ul style={{ margin: "4px 0", paddingLeft: 20 }}>
            {plan.importWarnings.map((w) => {
              const r = resolvedOf(w);
              return (
                <li key={`${w.line}-${w.message}-${w.text}`} style={{ marginBottom: 2 }}>
                  <span style={r ? { textDecoration: "line-through", color: "#595959" } : undefined}>
                    第 {w.line} 行：{w.message}
                    {w.text ? (
                      <Typography.Text type="secondary">（{w.text.slice(0, 60)}）</Typography.Text>
                    ) : null}
                  </span>
                  {r ? (
                    <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
                      {r.by} 已处理
                    </Typography.Text>
                  ) : null}
                  {editable ? (
                    <Button
                      size="small"
                      type="link"
                      loading={resolve.isPending}
                      onClick={() =>
                        resolve.mutate({
                          id: plan.id,
                          version: plan.version,
                          line: w.line,
                          message: w.message,
                          text: w.text,
                          resolved: !r,
                        })
                      }
                    >
                      {r ? "重新打开" : "标记已处理"}
                    </Button>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </details>
      }
    />
  );
}
