import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { ParameterDimensions } from "@ybplan/domain/policy";
import { Button, DatePicker, Input, List, Modal, Space, Table, Tabs, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTRPC, useTRPCClient } from "../../api/trpc.ts";
import { QueryState } from "../../components/query-state.tsx";
import type { PageProps } from "../../routes/registry.ts";
import { JurisdictionSelect } from "../procurement/jurisdiction-select.tsx";
import { DocumentDrawer } from "./document-drawer.tsx";
import { DocumentForm } from "./document-form.tsx";
import { HistoryChart } from "./history-chart.tsx";
import { PoolingAreas } from "./pooling-areas.tsx";

const verdictColors: Record<string, string> = {
  met: "green",
  notMet: "red",
  insufficient: "default",
  manual: "gold",
};
const iso = (d: dayjs.Dayjs) => d.format("YYYY-MM-DD");

type Dimensions = ParameterDimensions;

/**
 * 待遇政策: the parameters in force on a date, the register of documents (search by title or
 * 文号; a new document with its parameter grid, optionally proposed from a plan's text), the
 * findings (national rules, the plan's parameter targets, pooling-area differences) and what
 * changed between two dates with the report's sentences.
 */
export default function PoliciesPage({ search }: PageProps) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [code, setCode] = useState<string | null>(search.get("j"));
  const [date, setDate] = useState(dayjs());
  const [from, setFrom] = useState(dayjs().subtract(1, "year"));
  const [q, setQ] = useState("");
  const [adding, setAdding] = useState(false);
  const [opened, setOpened] = useState<string | null>(null);
  const [historyOf, setHistoryOf] = useState<Dimensions | null>(null);
  const client = useTRPCClient();
  const download = async () => {
    const r = await client.policies.exportInForce.query({ jurisdictionCode: j, date: iso(date) });
    const bytes = Uint8Array.from(atob(r.contentBase64), (c) => c.charCodeAt(0));
    const url = URL.createObjectURL(
      new Blob([bytes], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }),
    );
    const a = document.createElement("a");
    a.href = url;
    a.download = r.fileName;
    a.click();
    URL.revokeObjectURL(url);
  };
  const on = code !== null;
  const j = code ?? "000000";
  const inForce = useQuery({
    ...trpc.policies.inForce.queryOptions({ jurisdictionCode: j, date: iso(date) }),
    enabled: on,
  });
  const docs = useQuery({
    ...trpc.policies.list.queryOptions({
      jurisdictionCode: j,
      search: q || undefined,
      page: 1,
      pageSize: 200,
    }),
    enabled: on,
  });
  const check = useQuery({
    ...trpc.policies.check.queryOptions({ jurisdictionCode: j, date: iso(date) }),
    enabled: on,
  });
  const changes = useQuery({
    ...trpc.policies.compare.queryOptions({ jurisdictionCode: j, from: iso(from), to: iso(date) }),
    enabled: on,
  });

  return (
    <>
      <h1 className="page-title">待遇政策</h1>
      <Space wrap style={{ marginBottom: 16 }}>
        <JurisdictionSelect value={code} onChange={setCode} />
        <span>执行日期</span>
        <DatePicker aria-label="执行日期" allowClear={false} value={date} onChange={(d) => d && setDate(d)} />
        <Button type="primary" disabled={!on} onClick={() => setAdding(true)}>
          新增政策文件
        </Button>
        <Button disabled={!on} onClick={() => void download()}>
          导出现行参数
        </Button>
      </Space>
      {on && (
        <Tabs
          items={[
            {
              key: "inForce",
              label: "现行参数",
              children: (
                <QueryState
                  query={inForce}
                  isEmpty={(d) => d.length === 0}
                  emptyText="该日期无有效的待遇参数"
                >
                  {(rows) => (
                    <Table
                      rowKey="key"
                      size="middle"
                      pagination={false}
                      dataSource={rows}
                      columns={[
                        { title: "参数", dataIndex: "label" },
                        { title: "标准", dataIndex: "valueText", width: 120 },
                        { title: "起始日期", dataIndex: "from", width: 120 },
                        {
                          title: "依据文件",
                          render: (_v, r) =>
                            `《${r.documentTitle}》${r.docNumber ? `（${r.docNumber}）` : ""}`,
                        },
                        {
                          title: "制定层级",
                          width: 120,
                          render: (_v, r) =>
                            r.inherited ? <Tag>{r.jurisdictionName}统一</Tag> : <Tag color="blue">本级</Tag>,
                        },
                        {
                          title: "",
                          width: 80,
                          render: (_v, r) => (
                            <Button type="link" onClick={() => setHistoryOf(r)}>
                              变化
                            </Button>
                          ),
                        },
                      ]}
                    />
                  )}
                </QueryState>
              ),
            },
            {
              key: "documents",
              label: "政策文件",
              children: (
                <Space orientation="vertical" style={{ width: "100%" }}>
                  <Input.Search
                    aria-label="搜索政策文件"
                    placeholder="按标题或文号搜索"
                    allowClear
                    onSearch={setQ}
                    style={{ width: 320 }}
                  />
                  <QueryState query={docs} isEmpty={(d) => d.items.length === 0} emptyText="暂无政策文件">
                    {(d) => (
                      <Table
                        rowKey="id"
                        size="middle"
                        dataSource={d.items}
                        pagination={{ pageSize: 20, hideOnSinglePage: true }}
                        columns={[
                          {
                            title: "文件标题",
                            dataIndex: "title",
                            render: (t: string, r) => (
                              <Button type="link" style={{ padding: 0 }} onClick={() => setOpened(r.id)}>
                                {t}
                              </Button>
                            ),
                          },
                          {
                            title: "文号",
                            dataIndex: "docNumber",
                            width: 200,
                            render: (v: string | null) => v ?? "—",
                          },
                          { title: "制定地区", dataIndex: "jurisdictionName", width: 110 },
                          { title: "生效日期", dataIndex: "effectiveFrom", width: 120 },
                          { title: "状态", dataIndex: "statusLabel", width: 100 },
                          { title: "参数项", dataIndex: "parameterCount", width: 80 },
                        ]}
                      />
                    )}
                  </QueryState>
                </Space>
              ),
            },
            {
              key: "findings",
              label: "核查结果",
              children: (
                <QueryState query={check}>
                  {(c) => (
                    <Space orientation="vertical" style={{ width: "100%" }}>
                      <Typography.Title level={5}>统筹区参数一致性</Typography.Title>
                      <PoolingAreas code={j} />
                      <List
                        aria-label="统筹区差异"
                        size="small"
                        bordered
                        locale={{
                          // As text, not the list's default disabled grey (1.8:1).
                          emptyText: (
                            <Typography.Text type="secondary">未发现与统筹区不一致的参数</Typography.Text>
                          ),
                        }}
                        dataSource={c.pooling.flatMap((p) =>
                          p.findings.map((f) => ({ ...f, area: `${p.name}${p.schemeLabel}${p.levelLabel}` })),
                        )}
                        renderItem={(f) => <List.Item>{f.message}</List.Item>}
                      />
                      <Typography.Title level={5}>规则与规划目标</Typography.Title>
                      <Table
                        rowKey="ruleId"
                        size="small"
                        pagination={false}
                        dataSource={c.rules}
                        columns={[
                          { title: "规则", dataIndex: "title", width: 320 },
                          {
                            title: "结论",
                            width: 110,
                            render: (_v, r) => {
                              const color = verdictColors[r.verdict];
                              return <Tag {...(color ? { color } : {})}>{r.verdictLabel}</Tag>;
                            },
                          },
                          { title: "说明", dataIndex: "explanation" },
                        ]}
                      />
                    </Space>
                  )}
                </QueryState>
              ),
            },
            {
              key: "changes",
              label: "调整情况",
              children: (
                <Space orientation="vertical" style={{ width: "100%" }}>
                  <Space>
                    <span>自</span>
                    <DatePicker
                      aria-label="比较起始日期"
                      allowClear={false}
                      value={from}
                      onChange={(d) => d && setFrom(d)}
                    />
                    <span>至执行日期 {iso(date)}</span>
                  </Space>
                  <QueryState query={changes} isEmpty={(d) => d.length === 0} emptyText="期间待遇参数无调整">
                    {(rows) => (
                      <List
                        aria-label="待遇政策调整"
                        bordered
                        dataSource={rows}
                        renderItem={(r) => <List.Item>{r.sentence}</List.Item>}
                      />
                    )}
                  </QueryState>
                </Space>
              ),
            },
          ]}
        />
      )}
      {opened && (
        <DocumentDrawer
          id={opened}
          onClose={() => setOpened(null)}
          onChanged={() => void qc.invalidateQueries({ queryKey: trpc.policies.pathKey() })}
        />
      )}
      {historyOf && code && (
        <HistoryModal code={code} dimensions={historyOf} onClose={() => setHistoryOf(null)} />
      )}
      {adding && code && (
        <DocumentForm
          jurisdictionCode={code}
          documents={docs.data?.items ?? []}
          onClose={() => setAdding(false)}
          onSaved={() => {
            setAdding(false);
            void qc.invalidateQueries({ queryKey: trpc.policies.pathKey() });
          }}
        />
      )}
    </>
  );
}

/** A parameter's history in the jurisdiction (or the pooling area it inherits from) as a step chart. */
function HistoryModal({
  code,
  dimensions,
  onClose,
}: {
  code: string;
  dimensions: Dimensions;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const history = useQuery(
    trpc.policies.history.queryOptions({
      jurisdictionCode: code,
      dimensions: {
        kind: dimensions.kind,
        scheme: dimensions.scheme,
        service: dimensions.service,
        level: dimensions.level,
        population: dimensions.population,
      },
    }),
  );
  return (
    <Modal open width={820} footer={null} title={history.data?.label ?? "参数变化"} onCancel={onClose}>
      <QueryState query={history} isEmpty={(h) => h.steps.length === 0}>
        {(h) => (
          <>
            <HistoryChart
              steps={h.steps}
              title={h.label}
              unit={h.steps[0]?.valueText.endsWith("%") ? "%" : "元"}
            />
            <Table
              rowKey="from"
              size="small"
              pagination={false}
              dataSource={h.steps}
              columns={[
                { title: "起始日期", dataIndex: "from", width: 120 },
                { title: "截止日期", dataIndex: "to", width: 120, render: (v: string | null) => v ?? "—" },
                { title: "标准", dataIndex: "valueText", width: 110 },
                {
                  title: "依据文件",
                  render: (_v, r) => `《${r.documentTitle}》${r.docNumber ? `（${r.docNumber}）` : ""}`,
                },
              ]}
            />
          </>
        )}
      </QueryState>
    </Modal>
  );
}
