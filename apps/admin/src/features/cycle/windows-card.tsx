import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Flex, Input, Select, Table, Tag } from "antd";
import { useState } from "react";
import { formatApiError } from "../../api/errors.ts";
import { useTRPC } from "../../api/trpc.ts";
import type { RouterOutputs } from "../../api/types.ts";

type Window = RouterOutputs["cycle"]["windows"][number];

/**
 * 填报窗口 (administrators): open year Y for the country or a province with a deadline, close it.
 * Outside an opened window's life the year is read-only except for administrators.
 */
export function WindowsCard({
  provinces,
  year,
}: {
  provinces: { code: string; name: string }[];
  year: number;
}) {
  const trpc = useTRPC();
  const client = useQueryClient();
  const { message } = App.useApp();
  const windows = useQuery(trpc.cycle.windows.queryOptions({}));
  const [root, setRoot] = useState<string | null>(null);
  const [deadline, setDeadline] = useState(`${year + 1}-02-28`);
  const onError = (e: unknown) => void message.error(formatApiError(e));
  const done = (text: string) => () => {
    void message.success(text);
    void client.invalidateQueries();
  };
  const open = useMutation(
    trpc.cycle.openWindow.mutationOptions({ onSuccess: done("填报窗口已开放"), onError }),
  );
  const close = useMutation(
    trpc.cycle.closeWindow.mutationOptions({ onSuccess: done("填报窗口已关闭"), onError }),
  );
  const nameOf = (code: string | null) =>
    code ? (provinces.find((p) => p.code === code)?.name ?? code) : "全国";

  return (
    <Card size="small" title="填报窗口" style={{ marginBottom: 16 }}>
      <Flex gap={8} align="center" wrap style={{ marginBottom: 8 }}>
        <span>开放 {year} 年填报：</span>
        <Select
          aria-label="开放范围"
          style={{ width: 140 }}
          value={root ?? ""}
          options={[
            { value: "", label: "全国" },
            ...provinces.map((p) => ({ value: p.code, label: p.name })),
          ]}
          onChange={(c: string) => setRoot(c || null)}
        />
        <label htmlFor="window-deadline">截止日期</label>
        <Input
          id="window-deadline"
          type="date"
          style={{ width: 160 }}
          value={deadline}
          onChange={(e) => setDeadline(e.target.value)}
        />
        <Button
          type="primary"
          loading={open.isPending}
          disabled={!deadline}
          onClick={() => open.mutate({ year, rootCode: root, deadline })}
        >
          开放填报
        </Button>
      </Flex>
      <Table<Window>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={windows.data ?? []}
        loading={windows.isPending}
        columns={[
          { title: "年度", dataIndex: "year", width: 80, render: (y: number) => `${y}年` },
          { title: "范围", dataIndex: "rootCode", render: (c: string | null) => nameOf(c) },
          { title: "截止日期", dataIndex: "deadline", width: 120 },
          {
            title: "状态",
            width: 90,
            render: (_: unknown, w) => (w.closed ? <Tag>已关闭</Tag> : <Tag color="processing">开放中</Tag>),
          },
          {
            title: "",
            width: 90,
            render: (_: unknown, w) =>
              w.closed ? null : (
                <Button size="small" loading={close.isPending} onClick={() => close.mutate({ id: w.id })}>
                  关闭
                </Button>
              ),
          },
        ]}
      />
    </Card>
  );
}
