import { Button, Checkbox, InputNumber, Select, Table } from "antd";
import {
  kindOptions,
  levelOptions,
  type ParamRow,
  populationOptions,
  schemeOptions,
  serviceOptions,
  unitText,
} from "./model.ts";

/** The parameter table of a document, entered as a grid (like the yearly data). */
export function ParameterGrid({
  rows,
  onChange,
}: {
  rows: readonly ParamRow[];
  onChange: (rows: ParamRow[]) => void;
}) {
  const set = (key: string, patch: Partial<ParamRow>) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <Table<ParamRow>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={[...rows]}
      locale={{ emptyText: "暂无参数" }}
      columns={[
        { title: "#", width: 40, render: (_v, _r, i) => i + 1 },
        {
          title: "参数",
          width: 150,
          render: (_v, r) => (
            <Select
              aria-label="参数"
              style={{ width: 140 }}
              value={r.kind}
              options={kindOptions}
              onChange={(kind) => set(r.key, { kind })}
            />
          ),
        },
        {
          title: "险种",
          width: 170,
          render: (_v, r) => (
            <Select
              aria-label="险种"
              style={{ width: 160 }}
              status={r.scheme === null ? "warning" : ""}
              placeholder="请选择险种"
              value={r.scheme}
              options={schemeOptions}
              onChange={(scheme) => set(r.key, { scheme })}
            />
          ),
        },
        {
          title: "服务",
          width: 130,
          render: (_v, r) => (
            <Select
              aria-label="服务"
              style={{ width: 120 }}
              value={r.service}
              options={serviceOptions}
              onChange={(service) => set(r.key, { service })}
            />
          ),
        },
        {
          title: "医疗机构级别",
          width: 150,
          render: (_v, r) => (
            <Select
              aria-label="医疗机构级别"
              style={{ width: 140 }}
              value={r.level}
              options={levelOptions}
              onChange={(level) => set(r.key, { level })}
            />
          ),
        },
        {
          title: "人群",
          width: 130,
          render: (_v, r) => (
            <Select
              aria-label="人群"
              style={{ width: 120 }}
              value={r.population}
              options={populationOptions}
              onChange={(population) => set(r.key, { population })}
            />
          ),
        },
        {
          title: "数值",
          width: 160,
          render: (_v, r) => (
            <InputNumber
              aria-label={`第${rows.indexOf(r) + 1}行数值`}
              style={{ width: 150 }}
              value={r.value}
              min={0}
              suffix={unitText(r.kind)}
              onChange={(value) => set(r.key, { value: typeof value === "number" ? value : null })}
            />
          ),
        },
        {
          title: "左右",
          width: 60,
          render: (_v, r) => (
            <Checkbox
              aria-label="约数"
              checked={r.approximate}
              onChange={(e) => set(r.key, { approximate: e.target.checked })}
            />
          ),
        },
        {
          title: "",
          width: 60,
          render: (_v, r) => (
            <Button type="link" danger onClick={() => onChange(rows.filter((x) => x.key !== r.key))}>
              删除
            </Button>
          ),
        },
      ]}
    />
  );
}
