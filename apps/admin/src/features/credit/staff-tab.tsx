import { useQuery } from "@tanstack/react-query";
import { DatePicker, Input, Space, Table, Tag } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTRPC } from "../../api/trpc.ts";
import { QueryState } from "../../components/query-state.tsx";
import { staffStatusColors } from "./model.ts";

const statusLabels: Record<string, string> = {
  normal: "正常",
  suspended: "暂停医保支付资格",
  terminated: "终止医保支付资格",
  "may-reregister": "终止期满，可重新登记",
};

/** 医保支付资格记分: points this year, status and reason per person, as of a date. */
export function StaffTab() {
  const trpc = useTRPC();
  const [asOf, setAsOf] = useState(dayjs());
  const [personId, setPersonId] = useState("");
  const standings = useQuery(
    trpc.credit.staff.standings.queryOptions({
      asOf: asOf.format("YYYY-MM-DD"),
      ...(personId ? { personId } : {}),
    }),
  );
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <Space wrap>
        <DatePicker
          aria-label="记分截至日期"
          value={asOf}
          onChange={(d) => d && setAsOf(d)}
          allowClear={false}
        />
        <Input.Search
          placeholder="人员编码"
          aria-label="人员编码"
          allowClear
          style={{ width: 220 }}
          onSearch={(v) => setPersonId(v.trim())}
        />
      </Space>
      <QueryState query={standings} isEmpty={(d) => d.standings.length === 0} emptyText="暂无记分记录">
        {(d) => (
          <Table
            rowKey="personId"
            size="middle"
            dataSource={d.standings}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              { title: "人员", render: (_, r) => `${r.personName}（${r.personId}）` },
              { title: "本年度记分", dataIndex: "pointsThisYear", width: 110 },
              {
                title: "状态",
                dataIndex: "status",
                width: 190,
                render: (s: string) => {
                  const color = staffStatusColors[s];
                  return <Tag {...(color ? { color } : {})}>{statusLabels[s] ?? s}</Tag>;
                },
              },
              { title: "至", dataIndex: "statusUntil", width: 110, render: (v: string | null) => v ?? "—" },
              { title: "依据", dataIndex: "reason" },
              { title: "涉及机构", dataIndex: "institutions", render: (x: string[]) => x.join("、") },
            ]}
          />
        )}
      </QueryState>
    </Space>
  );
}
