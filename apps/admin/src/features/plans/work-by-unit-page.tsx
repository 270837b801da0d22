import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { isoDateInChina } from "@ybplan/domain/common";
import { type WorkStatus, workStatusLabels } from "@ybplan/domain/task";
import { App, Button, Card, Empty, Flex, Input, Popconfirm, Select, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTRPC } from "../../api/trpc.ts";
import type { RouterOutputs } from "../../api/types.ts";
import { can } from "../../auth/roles.ts";
import { useSession } from "../../auth/session-context.ts";
import { flattenCodes } from "../../components/jurisdiction-tree.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { useSearchState } from "../../lib/use-search-state.ts";
import { Link } from "../../router/link.tsx";
import { refusalText } from "../jurisdictions/jurisdictions-page.tsx";

type Row = RouterOutputs["tasks"]["byLeadUnit"]["groups"][number]["items"][number];

/**
 * 任务督办 (planner's view): a jurisdiction's key tasks and 专栏 items by lead unit, overdue
 * first, with the department list the lead units are chosen from. "Today" is this browser's
 * date in China, sent to the server so the list and the plan page agree.
 */
export default function WorkByUnitPage() {
  const trpc = useTRPC();
  const { user } = useSession();
  const { search, set } = useSearchState();
  const tree = useQuery(trpc.jurisdictions.tree.queryOptions());
  const all = tree.data ? flattenCodes(tree.data) : [];
  const code = search.get("j") ?? user.jurisdictionCode ?? undefined;
  const unit = search.get("unit") ?? undefined;
  const today = isoDateInChina(new Date());
  const view = useQuery({
    ...trpc.tasks.byLeadUnit.queryOptions({ jurisdictionCode: code ?? "000000", departmentId: unit, today }),
    enabled: code !== undefined,
  });
  const departments = useQuery({
    ...trpc.departments.list.queryOptions({ jurisdictionCode: code ?? "000000" }),
    enabled: code !== undefined,
  });
  return (
    <>
      <h1 className="page-title">任务督办</h1>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label="所属地区"
          placeholder="选择地区"
          showSearch={{ optionFilterProp: "label" }}
          style={{ width: 220 }}
          value={code ?? null}
          options={all.map((j) => ({ value: j.code, label: j.name }))}
          onChange={(v: string) => set({ j: v, unit: null })}
        />
        <Select
          aria-label="牵头单位"
          placeholder="全部牵头单位"
          allowClear
          style={{ width: 220 }}
          value={unit}
          options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
          onChange={(v?: string) => set({ unit: v ?? null })}
        />
        <Typography.Text type="secondary" style={{ alignSelf: "center" }}>
          今天：{today}
        </Typography.Text>
      </Flex>
      {code === undefined ? (
        <Empty description="请选择地区" />
      ) : (
        <Flex vertical gap={12}>
          <DepartmentsCard jurisdictionCode={code} editable={can.editPlans(user.role)} />
          <QueryState query={view}>
            {(v) => (
              <Flex vertical gap={12}>
                {v.groups.map((g) => (
                  <Card
                    key={g.department?.id ?? "none"}
                    size="small"
                    title={
                      <Flex gap={8} align="center">
                        <span>{g.department?.name ?? "未指定牵头单位"}</span>
                        <Tag>{g.items.length} 项</Tag>
                        {g.overdue > 0 ? <Tag color="red">逾期 {g.overdue} 项</Tag> : null}
                      </Flex>
                    }
                  >
                    <Table<Row>
                      size="small"
                      rowKey="id"
                      dataSource={g.items}
                      pagination={false}
                      locale={{ emptyText: "暂无牵头任务" }}
                      columns={[
                        {
                          title: "任务",
                          render: (_, r) => (
                            <span>
                              {r.overdue ? (
                                <Tag color="red" style={{ marginRight: 6 }}>
                                  逾期
                                </Tag>
                              ) : null}
                              {r.number} {r.title}
                            </span>
                          ),
                        },
                        {
                          title: "规划",
                          width: 260,
                          ellipsis: true,
                          render: (_, r) => (
                            <Link to={`/plans/${r.planId}?tab=${r.kind === "task" ? "tasks" : "projects"}`}>
                              {r.planTitle}
                            </Link>
                          ),
                        },
                        {
                          title: "截止日期",
                          dataIndex: "deadline",
                          width: 110,
                          render: (d: string | null) => d ?? "—",
                        },
                        {
                          title: "状态",
                          dataIndex: "status",
                          width: 80,
                          render: (s: WorkStatus) => workStatusLabels[s],
                        },
                      ]}
                    />
                  </Card>
                ))}
              </Flex>
            )}
          </QueryState>
        </Flex>
      )}
    </>
  );
}

/** The jurisdiction's departments (lead units and co-units are chosen from it). */
function DepartmentsCard({ jurisdictionCode, editable }: { jurisdictionCode: string; editable: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [name, setName] = useState("");
  const list = useQuery(trpc.departments.list.queryOptions({ jurisdictionCode }));
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.departments.list.queryKey({ jurisdictionCode }) });
    void queryClient.invalidateQueries({ queryKey: trpc.tasks.byLeadUnit.queryKey() });
  };
  const onError = (e: unknown) => void message.error(refusalText(e));
  const create = useMutation(
    trpc.departments.create.mutationOptions({
      onSuccess: () => {
        setName("");
        refresh();
      },
      onError,
    }),
  );
  const remove = useMutation(trpc.departments.delete.mutationOptions({ onSuccess: refresh, onError }));
  return (
    <Card size="small" title="部门名单（牵头单位、配合单位从中选择）">
      <Flex gap={6} wrap>
        {(list.data ?? []).map((d) =>
          editable ? (
            <Popconfirm
              key={d.id}
              title={`删除“${d.name}”？`}
              description="仍牵头或配合任务的部门不能删除。"
              okText="删除"
              cancelText="取消"
              onConfirm={() => remove.mutateAsync({ id: d.id, version: d.version }).catch(() => undefined)}
            >
              <Tag closable onClose={(e) => e.preventDefault()} style={{ cursor: "pointer" }}>
                {d.name}
              </Tag>
            </Popconfirm>
          ) : (
            <Tag key={d.id}>{d.name}</Tag>
          ),
        )}
        {list.data?.length === 0 ? <Typography.Text type="secondary">尚无部门</Typography.Text> : null}
      </Flex>
      {editable ? (
        <Flex gap={8} style={{ marginTop: 8 }}>
          <Input
            aria-label="部门名称"
            placeholder="如 县医疗保障局"
            style={{ width: 240 }}
            value={name}
            onChange={(e) => setName(e.target.value)}
            onPressEnter={() => name.trim() && create.mutate({ jurisdictionCode, name: name.trim() })}
          />
          <Button
            loading={create.isPending}
            disabled={!name.trim()}
            onClick={() => create.mutate({ jurisdictionCode, name: name.trim() })}
          >
            添加部门
          </Button>
        </Flex>
      ) : null}
    </Card>
  );
}
