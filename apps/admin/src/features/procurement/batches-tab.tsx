import { useQuery } from "@tanstack/react-query";
import { Button, Select, Space, Table, Tag, Tooltip } from "antd";
import { useState } from "react";
import { useTRPC } from "../../api/trpc.ts";
import { QueryState } from "../../components/query-state.tsx";

type Category = "drug" | "highValueConsumable" | "otherConsumable";
type Level = "national" | "provincial" | "alliance";

/** All batches (national, provincial, alliance), newest first, filterable by category and level. */
export function BatchesTab({ onOpen }: { onOpen: (id: string) => void }) {
  const trpc = useTRPC();
  const [category, setCategory] = useState<Category | undefined>();
  const [level, setLevel] = useState<Level | undefined>();
  const query = useQuery(trpc.procurement.batches.list.queryOptions({ category, level }));

  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <Space wrap>
        <Select
          aria-label="类别"
          placeholder="全部类别"
          allowClear
          style={{ width: 160 }}
          value={category}
          onChange={setCategory}
          options={[
            { value: "drug", label: "药品" },
            { value: "highValueConsumable", label: "高值医用耗材" },
            { value: "otherConsumable", label: "其他医用耗材" },
          ]}
        />
        <Select
          aria-label="层级"
          placeholder="全部层级"
          allowClear
          style={{ width: 140 }}
          value={level}
          onChange={setLevel}
          options={[
            { value: "national", label: "国家组织" },
            { value: "provincial", label: "省级" },
            { value: "alliance", label: "省际联盟" },
          ]}
        />
      </Space>
      <QueryState
        query={query}
        isEmpty={(d) => d.length === 0}
        emptyText="暂无批次，可由系统管理员载入国家批次参考数据或在“导入”中导入"
      >
        {(rows) => (
          <Table
            rowKey="id"
            size="middle"
            dataSource={[...rows].reverse()}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              {
                title: "批次",
                dataIndex: "name",
                render: (name: string, r) => (
                  <Button type="link" style={{ padding: 0 }} onClick={() => onOpen(r.id)}>
                    {name}
                  </Button>
                ),
              },
              { title: "层级", dataIndex: "levelLabel", width: 100 },
              { title: "类别", dataIndex: "categoryLabel", width: 120 },
              { title: "结果公布", dataIndex: "announced", width: 110 },
              {
                title: "品种数",
                width: 130,
                render: (_, r) => (
                  <Space size={4}>
                    {r.varietyCount}
                    {r.unit}
                    {r.countOnly && (
                      <Tooltip title="未列明品种，仅有公布数量；据此计算的累计数为估算">
                        <Tag color="orange">仅数量</Tag>
                      </Tooltip>
                    )}
                    {r.retenderOf && (
                      <Tooltip title={`接续/扩围“${r.retenderOf.name}”，不计新增品种`}>
                        <Tag>接续</Tag>
                      </Tooltip>
                    )}
                  </Space>
                ),
              },
              {
                title: "平均降幅",
                dataIndex: "averagePriceCutPct",
                width: 100,
                render: (v: number | null) => (v === null ? "未公布" : `${v}%`),
              },
              { title: "执行地区数", dataIndex: "implementationCount", width: 100 },
            ]}
          />
        )}
      </QueryState>
    </Space>
  );
}
