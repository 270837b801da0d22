import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Collapse, Flex, Input } from "antd";
import { useState } from "react";
import { formatApiError } from "../../api/errors.ts";
import { useTRPC } from "../../api/trpc.ts";
import type { RouterOutputs } from "../../api/types.ts";

type Status = RouterOutputs["cycle"]["status"];
interface Fields {
  cause: string;
  measure: string;
  responsibleUnit: string;
}

/**
 * 原因 / 整改措施 / 责任单位 for the indicators that need them this year: lagging or breached ones,
 * and 约束性 ones without a value. Only edited rows are sent (with the version read).
 */
export function CycleExplanations({
  planId,
  year,
  status,
}: {
  planId: string;
  year: number;
  status: Status;
}) {
  const trpc = useTRPC();
  const client = useQueryClient();
  const { message } = App.useApp();
  const indicators = useQuery(trpc.indicators.list.queryOptions({ planId }));
  const saved = useQuery(trpc.cycle.explanations.queryOptions({ planId, year }));
  const [edits, setEdits] = useState<Record<string, Fields>>({});
  const save = useMutation(
    trpc.cycle.saveExplanations.mutationOptions({
      onSuccess: () => {
        void message.success("原因和整改措施已保存");
        setEdits({});
        void client.invalidateQueries();
      },
      onError: (e) => void message.error(formatApiError(e)),
    }),
  );
  if (!indicators.data || !saved.data) return null;
  const wanted = new Set([
    ...status.lagging.map((l) => l.indicatorId),
    ...status.problems.filter((p) => p.kind !== "unexplainedWarning").map((p) => p.indicatorId),
    ...saved.data.map((e) => e.indicatorId),
  ]);
  const rows = indicators.data.filter((i) => wanted.has(i.id));
  if (rows.length === 0) return null;
  const savedOf = new Map(saved.data.map((e) => [e.indicatorId, e]));
  const fieldsOf = (id: string): Fields => {
    const s = savedOf.get(id);
    return (
      edits[id] ?? {
        cause: s?.cause ?? "",
        measure: s?.measure ?? "",
        responsibleUnit: s?.responsibleUnit ?? "",
      }
    );
  };
  const change = (id: string, k: keyof Fields, v: string) =>
    setEdits((e) => ({ ...e, [id]: { ...fieldsOf(id), [k]: v } }));
  const breachOf = new Set(status.lagging.filter((l) => l.breach).map((l) => l.indicatorId));

  return (
    <Collapse
      size="small"
      defaultActiveKey={
        status.problems.some((p) => p.kind === "causeRequired" || p.kind === "missing") ? ["x"] : []
      }
      items={[
        {
          key: "x",
          label: `原因与整改措施（${rows.length} 项指标）`,
          children: (
            <Flex vertical gap={8}>
              {rows.map((i) => {
                const v = fieldsOf(i.id);
                return (
                  <Flex key={i.id} gap={8} align="start" wrap data-testid={`explain-${i.name}`}>
                    <div style={{ width: 220 }}>
                      {i.name}
                      {breachOf.has(i.id) ? (
                        <span style={{ color: "#cf1322" }}>（约束性未达进度）</span>
                      ) : null}
                    </div>
                    <Input.TextArea
                      aria-label={`${i.name}原因`}
                      placeholder="原因"
                      rows={1}
                      style={{ width: 260 }}
                      value={v.cause}
                      onChange={(e) => change(i.id, "cause", e.target.value)}
                    />
                    <Input.TextArea
                      aria-label={`${i.name}整改措施`}
                      placeholder="整改措施"
                      rows={1}
                      style={{ width: 260 }}
                      value={v.measure}
                      onChange={(e) => change(i.id, "measure", e.target.value)}
                    />
                    <Input
                      aria-label={`${i.name}责任单位`}
                      placeholder="责任单位"
                      style={{ width: 160 }}
                      value={v.responsibleUnit}
                      onChange={(e) => change(i.id, "responsibleUnit", e.target.value)}
                    />
                  </Flex>
                );
              })}
              <div>
                <Button
                  disabled={Object.keys(edits).length === 0}
                  loading={save.isPending}
                  onClick={() =>
                    save.mutate({
                      planId,
                      year,
                      rows: Object.entries(edits).map(([indicatorId, f]) => ({
                        indicatorId,
                        cause: f.cause,
                        measure: f.measure || null,
                        responsibleUnit: f.responsibleUnit || null,
                        version: savedOf.get(indicatorId)?.version ?? null,
                      })),
                    })
                  }
                >
                  保存原因和措施
                </Button>
              </div>
            </Flex>
          ),
        },
      ]}
    />
  );
}
