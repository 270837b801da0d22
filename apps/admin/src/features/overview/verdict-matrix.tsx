import { Table, Tooltip } from "antd";
import type { PlanMatrix } from "../../api/types.ts";
import { MarkedText } from "../../components/marked-text.tsx";
import { verdictColors, verdictLabel } from "../../lib/verdict-style.ts";

type Row = PlanMatrix["rows"][number];

/**
 * Colour matrix: indicators (rows) × years (columns), each cell the verdict of that year.
 * A cell is a button: Enter/click shows that indicator's chart below.
 */
export function VerdictMatrix({
  matrix,
  selected,
  onSelect,
}: {
  matrix: PlanMatrix;
  selected: string | null;
  onSelect: (indicatorId: string) => void;
}) {
  const yearColumns = matrix.years.map((year, idx) => ({
    title: String(year),
    key: String(year),
    width: 92,
    align: "center" as const,
    render: (_: unknown, row: Row) => {
      const c = row.cells[idx];
      if (!c) return null;
      const color = verdictColors[c.verdict];
      return (
        <Tooltip title={c.explanation}>
          <button
            type="button"
            onClick={() => onSelect(row.indicatorId)}
            aria-label={`${row.name} ${year}年：${verdictLabel(c.verdict)}`}
            data-verdict={c.verdict}
            style={{
              width: "100%",
              border: c.breach ? "2px solid #cf1322" : "1px solid transparent",
              borderRadius: 3,
              background: color.bg,
              color: color.fg,
              padding: "2px 4px",
              cursor: "pointer",
              fontSize: 12,
            }}
          >
            {verdictLabel(c.verdict)}
          </button>
        </Tooltip>
      );
    },
  }));
  return (
    <Table<Row>
      size="small"
      rowKey="indicatorId"
      pagination={false}
      dataSource={matrix.rows}
      scroll={{ x: 520 + matrix.years.length * 92 }}
      rowClassName={(r) => (r.indicatorId === selected ? "ant-table-row-selected" : "")}
      columns={[
        { title: "类别", dataIndex: "category", width: 96, ellipsis: true },
        {
          title: "指标",
          dataIndex: "name",
          width: 220,
          render: (name: string, r) => (
            <button type="button" className="link-button" onClick={() => onSelect(r.indicatorId)}>
              <MarkedText text={name} />
              {r.unit ? `（${r.unit}）` : ""}
            </button>
          ),
        },
        {
          title: "属性",
          dataIndex: "attribute",
          width: 64,
          render: (a: string) => (a === "binding" ? "约束性" : "预期性"),
        },
        {
          title: "目标",
          dataIndex: "targetText",
          width: 110,
          ellipsis: true,
          render: (t: string) => <MarkedText text={t} />,
        },
        ...yearColumns,
      ]}
    />
  );
}
