import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Select, Space, Tag } from "antd";
import { useState } from "react";
import { formatApiError } from "../../api/errors.ts";
import { useTRPC } from "../../api/trpc.ts";
import { schemeOptions } from "./model.ts";

/**
 * Pooling areas along the jurisdiction (its own, its ancestors', below it), and declaring the
 * jurisdiction a pooling area for a scheme (市级统筹 / 省级统筹): from then on only its level writes
 * that scheme's parameters, and a county that differs is a finding.
 */
export function PoolingAreas({ code }: { code: string }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const areas = useQuery(trpc.policies.poolingAreas.queryOptions({ jurisdictionCode: code }));
  const [scheme, setScheme] = useState<(typeof schemeOptions)[number]["value"]>("resident");
  const [level, setLevel] = useState<"city" | "province">("city");
  const set = useMutation(trpc.policies.setPoolingArea.mutationOptions());
  const declare = async () => {
    const existing = areas.data?.find((a) => a.jurisdictionCode === code && a.scheme === scheme);
    try {
      await set.mutateAsync({ jurisdictionCode: code, scheme, level, version: existing?.version ?? null });
      void message.success("已保存");
      await qc.invalidateQueries({ queryKey: trpc.policies.pathKey() });
    } catch (e) {
      void message.error(formatApiError(e));
    }
  };
  return (
    <Space wrap>
      {(areas.data ?? []).map((a) => (
        <Tag key={`${a.jurisdictionCode}-${a.scheme}`} color="blue">
          {a.name}：{a.schemeLabel}
          {a.levelLabel}
        </Tag>
      ))}
      <Select
        aria-label="统筹险种"
        style={{ width: 180 }}
        value={scheme}
        options={schemeOptions}
        onChange={setScheme}
      />
      <Select
        aria-label="统筹层次"
        style={{ width: 120 }}
        value={level}
        options={[
          { value: "city", label: "市级统筹" },
          { value: "province", label: "省级统筹" },
        ]}
        onChange={setLevel}
      />
      <Button onClick={() => void declare()} loading={set.isPending}>
        设为统筹区
      </Button>
    </Space>
  );
}
