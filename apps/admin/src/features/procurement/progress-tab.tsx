import { useQuery } from "@tanstack/react-query";
import { Alert, Card, Select, Space, Statistic, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTRPC } from "../../api/trpc.ts";
import { QueryState } from "../../components/query-state.tsx";
import { CountChart } from "./count-chart.tsx";
import { JurisdictionSelect } from "./jurisdiction-select.tsx";
import { countChartSeries, meetsTarget } from "./model.ts";

type Category = "drug" | "highValueConsumable";

/** The de-duplicated cumulative count of a jurisdiction, year by year, with its derivation and target. */
export function ProgressTab({ initialCode }: { initialCode: string | null }) {
  const trpc = useTRPC();
  const [code, setCode] = useState<string | null>(initialCode);
  const [category, setCategory] = useState<Category>("drug");
  const year = new Date().getFullYear();
  const query = useQuery({
    ...trpc.procurement.counts.series.queryOptions({
      jurisdictionCode: code ?? "000000",
      category,
      fromYear: 2018,
      toYear: Math.max(year, 2025),
    }),
    enabled: code !== null,
  });

  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <Space wrap>
        <JurisdictionSelect value={code} onChange={setCode} />
        <Select
          aria-label="类别"
          value={category}
          onChange={setCategory}
          style={{ width: 180 }}
          options={[
            { value: "drug", label: "药品（品种）" },
            { value: "highValueConsumable", label: "高值医用耗材（类）" },
          ]}
        />
      </Space>
      {code !== null && (
        <QueryState query={query}>
          {(d) => {
            const target = d.targets[0] ?? null;
            const met = meetsTarget(d.latest.value, target);
            return (
              <>
                <Space size="large" wrap>
                  <Card size="small">
                    <Statistic
                      title={`截至${d.latest.year}年末累计${d.categoryLabel}集中带量采购${d.category === "drug" ? "品种" : "类别"}`}
                      value={d.latest.value}
                      suffix={d.unit}
                    />
                  </Card>
                  {target && (
                    <Card size="small">
                      <Statistic title={`规划目标（${target.planTitle}）`} value={target.targetText} />
                      {met !== null && (
                        <Tag color={met ? "green" : "orange"}>{met ? "已达到目标" : "尚未达到目标"}</Tag>
                      )}
                    </Card>
                  )}
                </Space>
                {d.latest.estimated && (
                  <Alert
                    type="warning"
                    showIcon
                    title="结果含估算"
                    description="部分批次仅有公布数量、未列明品种，按数量计入，无法与其他批次去重。导入这些批次的品种清单后即为精确值。"
                  />
                )}
                <CountChart
                  series={countChartSeries(d.points, target, d.unit)}
                  unit={d.unit}
                  title={`${d.categoryLabel}集中带量采购累计数量与规划目标对比图`}
                />
                <Typography.Title level={5}>计算过程（{d.latest.year}年末）</Typography.Title>
                <Table
                  rowKey="batchId"
                  size="small"
                  pagination={false}
                  dataSource={d.latest.contributions}
                  columns={[
                    { title: "批次", dataIndex: "batchName" },
                    { title: "层级", dataIndex: "levelLabel", width: 100 },
                    { title: "执行日期", dataIndex: "startDate", width: 110 },
                    { title: "执行地区", dataIndex: "implementedBy", width: 100 },
                    { title: `新增（${d.unit}）`, dataIndex: "added", width: 100 },
                    { title: "已计入的重复", dataIndex: "alreadyCounted", width: 110 },
                    {
                      title: "说明",
                      render: (_, c) =>
                        c.countOnly ? (
                          <Tag color="orange">仅数量，估算</Tag>
                        ) : (
                          c.addedVarieties.slice(0, 8).join("、") + (c.addedVarieties.length > 8 ? "…" : "")
                        ),
                    },
                  ]}
                />
              </>
            );
          }}
        </QueryState>
      )}
    </Space>
  );
}
