import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Descriptions, Space, Table, Typography } from "antd";
import { useTRPC } from "../../api/trpc.ts";
import { QueryState } from "../../components/query-state.tsx";

/** One batch: its facts and source, and its varieties (or the note that only a count is held). */
export function BatchDetail({ id, onBack }: { id: string; onBack: () => void }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.procurement.batches.get.queryOptions({ id }));
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <Button onClick={onBack}>返回批次列表</Button>
      <QueryState query={query}>
        {(b) => (
          <>
            <Typography.Title level={3}>{b.name}</Typography.Title>
            <Descriptions bordered size="small" column={2}>
              <Descriptions.Item label="层级">{b.levelLabel}</Descriptions.Item>
              <Descriptions.Item label="类别">{b.categoryLabel}</Descriptions.Item>
              <Descriptions.Item label="结果公布">{b.announced}</Descriptions.Item>
              <Descriptions.Item label="平均降幅">
                {b.averagePriceCutPct === null ? "未公布" : `${b.averagePriceCutPct}%`}
              </Descriptions.Item>
              <Descriptions.Item label="参与省份">
                {b.regionCodes.length === 0 ? "全国" : b.regionCodes.join("、")}
              </Descriptions.Item>
              <Descriptions.Item label="执行地区数">{b.implementationCount}</Descriptions.Item>
              <Descriptions.Item label="接续/扩围">
                {b.retenderOf ? `${b.retenderOf.name}（不计新增）` : "—"}
              </Descriptions.Item>
              <Descriptions.Item label="来源">
                {b.sourceUrl ? (
                  <a href={b.sourceUrl} target="_blank" rel="noreferrer">
                    {b.sourceUrl}
                  </a>
                ) : (
                  "—"
                )}
              </Descriptions.Item>
              <Descriptions.Item label="备注" span={2}>
                {b.note ?? "—"}
              </Descriptions.Item>
            </Descriptions>
            <Typography.Title level={4} style={{ marginTop: 16 }}>
              {b.category === "drug" ? "品种" : "耗材类别"}（{b.varietyCount}
              {b.unit}）
            </Typography.Title>
            {b.countOnly ? (
              <Alert
                type="warning"
                showIcon
                title="本批次仅有公布数量，未列明品种"
                description="累计品种数按公布数量计入，无法与其他批次去重，结果标注为估算。可在“导入”中导入该批次的品种清单。"
              />
            ) : (
              <Table
                rowKey="id"
                size="small"
                dataSource={b.varieties}
                pagination={{ pageSize: 50, hideOnSinglePage: true }}
                columns={[
                  { title: "序号", dataIndex: "position", width: 70 },
                  ...(b.category === "drug"
                    ? [
                        { title: "通用名", dataIndex: "genericName" },
                        { title: "剂型", dataIndex: "dosageForm", width: 120 },
                        { title: "剂型组", dataIndex: "dosageFormGroupLabel", width: 140 },
                      ]
                    : [{ title: "耗材类别", dataIndex: "productClass" }]),
                  {
                    title: "降幅",
                    dataIndex: "priceCutPct",
                    width: 90,
                    render: (v: number | null) => (v === null ? "—" : `${v}%`),
                  },
                  { title: "备注", dataIndex: "note", render: (v: string | null) => v ?? "" },
                ]}
              />
            )}
          </>
        )}
      </QueryState>
    </Space>
  );
}
