import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type AssessmentGrade, assessmentGradeLabels } from "@ybplan/domain/cycle";
import { App, Button, Collapse, Flex, Input, Select, Typography } from "antd";
import { useState } from "react";
import { formatApiError } from "../../api/errors.ts";
import { useTRPC } from "../../api/trpc.ts";

const gradeOptions = (Object.entries(assessmentGradeLabels) as [AssessmentGrade, string][]).map(
  ([value, label]) => ({
    value,
    label,
  }),
);

/**
 * 人工研判: a person's judgement beside a figure (42.7 亿元 and "基本符合预期", with a reason), stored
 * next to the observation rather than as a text prefix of it.
 */
export function CycleAssessments({
  planId,
  year,
  editable,
}: {
  planId: string;
  year: number;
  editable: boolean;
}) {
  const trpc = useTRPC();
  const client = useQueryClient();
  const { message } = App.useApp();
  const indicators = useQuery(trpc.indicators.list.queryOptions({ planId }));
  const saved = useQuery(trpc.cycle.assessments.queryOptions({ planId, year }));
  const [indicatorId, setIndicatorId] = useState<string | null>(null);
  const [grade, setGrade] = useState<AssessmentGrade>("onPace");
  const [reason, setReason] = useState("");
  const assess = useMutation(
    trpc.cycle.assess.mutationOptions({
      onSuccess: () => {
        void message.success("研判已保存");
        setIndicatorId(null);
        setReason("");
        void client.invalidateQueries();
      },
      onError: (e) => void message.error(formatApiError(e)),
    }),
  );
  if (!indicators.data || !saved.data) return null;
  if (!editable && saved.data.length === 0) return null;
  const nameOf = new Map(indicators.data.map((i) => [i.id, i.name]));
  const current = (id: string) => saved.data.find((a) => a.indicatorId === id && a.subject === null);

  return (
    <Collapse
      size="small"
      items={[
        {
          key: "a",
          label: `人工研判（${saved.data.length} 项）`,
          children: (
            <Flex vertical gap={8}>
              {saved.data.map((a) => (
                <Flex key={`${a.indicatorId}/${a.subject ?? ""}`} gap={8} align="center">
                  <Typography.Text>
                    {nameOf.get(a.indicatorId)}
                    {a.subject ? `（${a.subject}）` : ""}：{assessmentGradeLabels[a.grade]}
                    {a.reason ? `，${a.reason}` : ""}（{a.updatedBy}）
                  </Typography.Text>
                  {editable ? (
                    <Button
                      size="small"
                      type="link"
                      danger
                      onClick={() =>
                        assess.mutate({
                          indicatorId: a.indicatorId,
                          year,
                          subject: a.subject,
                          grade: null,
                          reason: null,
                          version: a.version,
                        })
                      }
                    >
                      删除
                    </Button>
                  ) : null}
                </Flex>
              ))}
              {editable ? (
                <Flex gap={8} wrap align="center">
                  <Select
                    aria-label="研判指标"
                    placeholder="选择指标"
                    showSearch={{ optionFilterProp: "label" }}
                    style={{ width: 260 }}
                    value={indicatorId}
                    options={indicators.data.map((i) => ({ value: i.id, label: i.name }))}
                    onChange={(id: string) => {
                      setIndicatorId(id);
                      const c = current(id);
                      if (c) {
                        setGrade(c.grade);
                        setReason(c.reason ?? "");
                      }
                    }}
                  />
                  <Select
                    aria-label="研判结论"
                    style={{ width: 140 }}
                    value={grade}
                    options={gradeOptions}
                    onChange={setGrade}
                  />
                  <Input
                    aria-label="研判理由"
                    placeholder="理由"
                    style={{ width: 280 }}
                    maxLength={1000}
                    value={reason}
                    onChange={(e) => setReason(e.target.value)}
                  />
                  <Button
                    disabled={!indicatorId}
                    loading={assess.isPending}
                    onClick={() =>
                      indicatorId &&
                      assess.mutate({
                        indicatorId,
                        year,
                        subject: null,
                        grade,
                        reason: reason || null,
                        version: current(indicatorId)?.version ?? null,
                      })
                    }
                  >
                    保存研判
                  </Button>
                </Flex>
              ) : null}
            </Flex>
          ),
        },
      ]}
    />
  );
}
