import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { actionLabels, entityLabels } from "@ybplan/domain/common";
import { DatePicker, Flex, Input, InputNumber, Select, Table, Tag } from "antd";
import dayjs from "dayjs";
import { useTRPC } from "../../api/trpc.ts";
import type { AuditItem } from "../../api/types.ts";
import { QueryState } from "../../components/query-state.tsx";
import { useSearchState } from "../../lib/use-search-state.ts";

const PAGE_SIZE = 20;

/**
 * 审计日志: every change, newest first, as a person reads it — the object by name, what changed
 * field by field in Chinese, the time in Beijing time. Filters by plan, indicator, year, person,
 * object kind, action and date answer "who changed 黄石's 2024 参保率"; the entry grid links here
 * with `?indicatorId=…&year=…` for the history of one value.
 */
export default function AuditPage() {
  const trpc = useTRPC();
  const { search, set } = useSearchState();
  const page = Number(search.get("page")) || 1;
  const entity = search.get("entity") ?? undefined;
  const action = search.get("action") ?? undefined;
  const actor = search.get("actor") ?? undefined;
  const planId = search.get("planId") ?? undefined;
  const indicatorId = search.get("indicatorId") ?? undefined;
  const year = Number(search.get("year")) || undefined;
  const from = search.get("from") ?? undefined;
  const to = search.get("to") ?? undefined;
  const plans = useQuery(trpc.plans.list.queryOptions({ pageSize: 200 }));
  const indicators = useQuery({
    ...trpc.indicators.list.queryOptions({ planId: planId ?? "" }),
    enabled: planId !== undefined,
  });
  const list = useQuery({
    ...trpc.audit.list.queryOptions({
      page,
      pageSize: PAGE_SIZE,
      entity,
      action,
      actor,
      planId,
      indicatorId,
      year,
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
          aria-label="规划"
          placeholder="规划（含其指标与数据）"
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          style={{ width: 280 }}
          value={planId}
          loading={plans.isPending}
          options={(plans.data?.items ?? []).map((p) => ({ value: p.id, label: p.title }))}
          onChange={(v?: string) => set({ planId: v ?? null, indicatorId: null, page: null })}
        />
        {planId ? (
          <Select
            aria-label="指标"
            placeholder="指标"
            allowClear
            showSearch={{ optionFilterProp: "label" }}
            style={{ width: 240 }}
            value={indicatorId}
            loading={indicators.isPending}
            options={(indicators.data ?? []).map((i) => ({ value: i.id, label: i.name }))}
            onChange={(v?: string) => set({ indicatorId: v ?? null, page: null })}
          />
        ) : null}
        <InputNumber
          aria-label="数据年份"
          placeholder="数据年份"
          min={1949}
          max={2100}
          style={{ width: 110 }}
          value={year ?? null}
          onChange={(v) => set({ year: v ? String(v) : null, page: null })}
        />
        <Select
          aria-label="对象类型"
          placeholder="对象类型"
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
          style={{ width: 160 }}
          onSearch={(v) => set({ actor: v.trim() || null, page: null })}
        />
        <DatePicker.RangePicker
          aria-label="时间范围"
          value={from && to ? [dayjs(from), dayjs(to)] : null}
          onChange={(r) =>
            set({
              from: r?.[0]?.format("YYYY-MM-DD") ?? null,
              to: r?.[1]?.format("YYYY-MM-DD") ?? null,
              page: null,
            })
          }
        />
        {indicatorId && !planId ? (
          <Tag closable onClose={() => set({ indicatorId: null, page: null })}>
            仅看一个指标
          </Tag>
        ) : null}
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
              rowExpandable: (r) => r.changes.length > 0,
              expandedRowRender: (r) => (
                <Table
                  size="small"
                  rowKey="field"
                  pagination={false}
                  dataSource={r.changes}
                  columns={[
                    { title: "字段", dataIndex: "label", width: 160 },
                    { title: "修改前", dataIndex: "before", ellipsis: true },
                    { title: "修改后", dataIndex: "after", ellipsis: true },
                  ]}
                />
              ),
            }}
            columns={[
              { title: "时间（北京时间）", dataIndex: "atLocal", width: 170 },
              { title: "操作人", dataIndex: "actorName", width: 120 },
              { title: "操作", dataIndex: "actionLabel", width: 90 },
              { title: "对象类型", dataIndex: "entityLabel", width: 110 },
              { title: "对象", dataIndex: "objectLabel", ellipsis: true },
              {
                title: "地区",
                dataIndex: "jurisdictionName",
                width: 100,
                render: (v: string | null) => v ?? "—",
              },
            ]}
          />
        )}
      </QueryState>
    </>
  );
}
