import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type PlanStatus, planStatusLabels } from "@ybplan/domain/plan";
import { App, Button, Flex, Input, Popconfirm, Select, Table, Tag } from "antd";
import { formatApiError } from "../../api/errors.ts";
import { useTRPC } from "../../api/trpc.ts";
import type { PlanListItem } from "../../api/types.ts";
import { can } from "../../auth/roles.ts";
import { useSession } from "../../auth/session-context.ts";
import { flattenCodes } from "../../components/jurisdiction-tree.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { useSearchState } from "../../lib/use-search-state.ts";
import { Link } from "../../router/link.tsx";
import { navigate } from "../../router/navigation.ts";

const PAGE_SIZE = 15;

/** 规划管理: every plan the user may read, filtered and paginated on the server. */
export default function PlansPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { user } = useSession();
  const { search, set } = useSearchState();
  const page = Number(search.get("page")) || 1;
  const q = search.get("q") ?? "";
  const status = (search.get("status") as PlanStatus | null) ?? undefined;
  const code = search.get("j") ?? undefined;
  const tree = useQuery(trpc.jurisdictions.tree.queryOptions());
  const list = useQuery({
    ...trpc.plans.list.queryOptions({
      page,
      pageSize: PAGE_SIZE,
      q: q || undefined,
      status,
      jurisdictionCode: code,
      includeDescendants: true,
    }),
    placeholderData: keepPreviousData,
  });
  const remove = useMutation(
    trpc.plans.delete.mutationOptions({
      onSuccess: () => {
        void message.success("规划已归档，其指标与填报数据均已保留");
        void queryClient.invalidateQueries({ queryKey: trpc.plans.list.queryKey() });
      },
      onError: (e) => void message.error(formatApiError(e)),
    }),
  );
  const jurisdictions = tree.data ? flattenCodes(tree.data) : [];
  const nameOf = (c: string) => jurisdictions.find((j) => j.code === c)?.name ?? c;

  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <h1 className="page-title" style={{ margin: 0 }}>
          规划管理
        </h1>
        <Flex gap={8}>
          {can.editPlans(user.role) ? (
            <Button onClick={() => void navigate(code ? `/plans/new?j=${code}` : "/plans/new")}>
              新建规划
            </Button>
          ) : null}
          {can.importPlans(user.role) ? (
            <Button type="primary" onClick={() => void navigate("/import")}>
              导入规划
            </Button>
          ) : null}
        </Flex>
      </Flex>
      <Flex gap={8} wrap style={{ marginBottom: 12 }} role="search">
        <Input.Search
          aria-label="按规划名称搜索"
          placeholder="按规划名称搜索"
          allowClear
          defaultValue={q}
          style={{ width: 260 }}
          onSearch={(v) => set({ q: v.trim() || null, page: null })}
        />
        <Select
          aria-label="所属地区"
          placeholder="所属地区（含下辖）"
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          style={{ width: 200 }}
          value={code}
          options={jurisdictions.map((j) => ({ value: j.code, label: j.name }))}
          onChange={(v?: string) => set({ j: v ?? null, page: null })}
        />
        <Select
          aria-label="状态"
          placeholder="状态"
          allowClear
          style={{ width: 120 }}
          value={status}
          options={Object.entries(planStatusLabels).map(([value, label]) => ({ value, label }))}
          onChange={(v?: string) => set({ status: v ?? null, page: null })}
        />
      </Flex>
      <QueryState query={list}>
        {(data) => (
          <Table<PlanListItem>
            size="small"
            rowKey="id"
            dataSource={data.items}
            locale={{ emptyText: "没有符合条件的规划" }}
            pagination={{
              current: data.page,
              pageSize: data.pageSize,
              total: data.total,
              showSizeChanger: false,
              showTotal: (t) => `共 ${t} 个规划`,
              onChange: (p) => set({ page: String(p) }),
            }}
            columns={[
              {
                title: "规划名称",
                dataIndex: "title",
                render: (t: string, p) => <Link to={`/plans/${p.id}`}>{t}</Link>,
              },
              { title: "地区", dataIndex: "jurisdictionCode", width: 100, render: nameOf },
              {
                title: "文号",
                dataIndex: "documentNumber",
                width: 170,
                render: (v: string | null) => v ?? "—",
              },
              { title: "规划期", width: 110, render: (_, p) => `${p.periodStart}–${p.periodEnd}` },
              { title: "指标数", dataIndex: "indicatorCount", width: 70, align: "right" },
              {
                title: "状态",
                dataIndex: "status",
                width: 80,
                render: (s: PlanStatus) => (
                  <Tag color={s === "published" ? "green" : s === "draft" ? "gold" : "default"}>
                    {planStatusLabels[s]}
                  </Tag>
                ),
              },
              {
                title: "操作",
                width: 170,
                render: (_, p) => (
                  <Flex gap={12}>
                    <Link to={`/plans/${p.id}`}>详情</Link>
                    {can.enterData(user.role) ? <Link to={`/plans/${p.id}/entry`}>填报</Link> : null}
                    {can.editPlans(user.role) ? (
                      <Popconfirm
                        title="归档规划"
                        description={`确定归档“${p.title}”？规划状态改为已归档，其指标、任务和填报数据均保留，可随时改回已发布。`}
                        okText="归档"
                        okButtonProps={{ danger: true }}
                        cancelText="取消"
                        onConfirm={() => remove.mutateAsync({ id: p.id, version: p.version })}
                      >
                        <Button type="link" danger size="small" style={{ padding: 0, height: "auto" }}>
                          归档
                        </Button>
                      </Popconfirm>
                    ) : null}
                  </Flex>
                ),
              },
            ]}
          />
        )}
      </QueryState>
    </>
  );
}
