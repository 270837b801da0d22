import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { DatePicker, Flex, Input, Select, Table } from "antd";
import dayjs from "dayjs";
import { formatTime } from "../../api/errors.ts";
import { useTRPC } from "../../api/trpc.ts";
import type { AuditItem } from "../../api/types.ts";
import { flattenCodes } from "../../components/jurisdiction-tree.tsx";
import { QueryState } from "../../components/query-state.tsx";
import { useSearchState } from "../../lib/use-search-state.ts";
import { diffRecords } from "./audit-diff.ts";

const PAGE_SIZE = 20;

const entityLabels: Record<string, string> = {
  plan: "规划",
  indicator: "指标",
  observation: "填报数据",
  task: "重点任务",
  project: "专栏",
  projectItem: "专栏条目",
  progressNote: "进展记录",
  user: "用户",
  jurisdiction: "行政区划",
  session: "登录",
  procurementBatch: "集采批次",
  procurementVariety: "集采品种",
  procurementImplementation: "集采执行",
};

const actionLabels: Record<string, string> = {
  create: "新增",
  update: "修改",
  delete: "删除",
  import: "导入",
  login: "登录",
  logout: "退出",
  setStatus: "更新状态",
  resetPassword: "重置密码",
  changePassword: "修改密码",
};

/** 审计日志: every change, newest first, filtered by entity, action, person and time. */
export default function AuditPage() {
  const trpc = useTRPC();
  const { search, set } = useSearchState();
  const page = Number(search.get("page")) || 1;
  const entity = search.get("entity") ?? undefined;
  const action = search.get("action") ?? undefined;
  const actor = search.get("actor") ?? undefined;
  const from = search.get("from") ?? undefined;
  const to = search.get("to") ?? undefined;
  const tree = useQuery(trpc.jurisdictions.tree.queryOptions());
  const names = new Map((tree.data ? flattenCodes(tree.data) : []).map((j) => [j.code, j.name]));
  const list = useQuery({
    ...trpc.audit.list.queryOptions({
      page,
      pageSize: PAGE_SIZE,
      entity,
      action,
      actor,
      from: from ? dayjs(from).startOf("day").toISOString() : undefined,
      to: to ? dayjs(to).add(1, "day").startOf("day").toISOString() : undefined,
    }),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <h1 className="page-title">审计日志</h1>
      <Flex gap={8} wrap style={{ marginBottom: 12 }} role="search">
        <Select
          aria-label="对象"
          placeholder="对象"
          allowClear
          style={{ width: 130 }}
          value={entity}
          options={Object.entries(entityLabels).map(([value, label]) => ({ value, label }))}
          onChange={(v?: string) => set({ entity: v ?? null, page: null })}
        />
        <Select
          aria-label="操作"
          placeholder="操作"
          allowClear
          style={{ width: 120 }}
          value={action}
          options={Object.entries(actionLabels).map(([value, label]) => ({ value, label }))}
          onChange={(v?: string) => set({ action: v ?? null, page: null })}
        />
        <Input.Search
          aria-label="操作人"
          placeholder="操作人"
          allowClear
          defaultValue={actor}
          style={{ width: 180 }}
          onSearch={(v) => set({ actor: v.trim() || null, page: null })}
        />
        <DatePicker.RangePicker
          aria-label="时间范围"
          value={from && to ? [dayjs(from), dayjs(to)] : null}
          onChange={(r) =>
            set({ from: r?.[0]?.format("YYYY-MM-DD") ?? null, to: r?.[1]?.format("YYYY-MM-DD") ?? null, page: null })
          }
        />
      </Flex>
      <QueryState query={list}>
        {(data) => (
          <Table<AuditItem>
            size="small"
            rowKey="id"
            dataSource={data.items}
            locale={{ emptyText: "没有符合条件的记录" }}
            pagination={{
              current: data.page,
              pageSize: data.pageSize,
              total: data.total,
              showSizeChanger: false,
              showTotal: (t) => `共 ${t} 条`,
              onChange: (p) => set({ page: String(p) }),
            }}
            expandable={{
              rowExpandable: (r) => r.before !== null || r.after !== null,
              expandedRowRender: (r) => {
                const changes = diffRecords(r.before, r.after);
                if (changes.length === 0) return "无字段变化";
                return (
                  <Table
                    size="small"
                    rowKey="field"
                    pagination={false}
                    dataSource={changes}
                    columns={[
                      { title: "字段", dataIndex: "field", width: 160 },
                      { title: "修改前", dataIndex: "before", ellipsis: true },
                      { title: "修改后", dataIndex: "after", ellipsis: true },
                    ]}
                  />
                );
              },
            }}
            columns={[
              { title: "时间", dataIndex: "at", width: 150, render: (v: string) => formatTime(v) },
              { title: "操作人", dataIndex: "actorName", width: 120 },
              { title: "操作", dataIndex: "action", width: 90, render: (a: string) => actionLabels[a] ?? a },
              { title: "对象", dataIndex: "entity", width: 110, render: (e: string) => entityLabels[e] ?? e },
              { title: "对象标识", dataIndex: "entityId", ellipsis: true },
              {
                title: "地区",
                dataIndex: "jurisdictionCode",
                width: 90,
                render: (v: string | null) => (v ? (names.get(v) ?? v) : "—"),
              },
            ]}
          />
        )}
      </QueryState>
    </>
  );
}
