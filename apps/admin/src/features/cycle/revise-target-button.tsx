import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Flex, Input, InputNumber, Modal, Typography } from "antd";
import { useState } from "react";
import { formatApiError } from "../../api/errors.ts";
import { useTRPC } from "../../api/trpc.ts";
import type { IndicatorItem } from "../../api/types.ts";
import { TargetPreview } from "../../components/target-preview.tsx";

/**
 * 中期调整 of an indicator's target: the revised target, the year it takes effect, the reason and
 * the basis document. The original target stays; earlier years keep their verdicts (the server
 * refuses a year at or before an approved one, or outside the period).
 */
export function ReviseTargetButton({
  indicator,
  disabled,
}: {
  indicator: IndicatorItem;
  disabled?: boolean;
}) {
  const trpc = useTRPC();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [year, setYear] = useState<number | null>(new Date().getFullYear());
  const [targetText, setTargetText] = useState("");
  const [reason, setReason] = useState("");
  const [basis, setBasis] = useState("");
  const revisions = useQuery({
    ...trpc.indicators.revisions.queryOptions({ indicatorId: indicator.id }),
    enabled: open,
  });
  const revise = useMutation(
    trpc.indicators.reviseTarget.mutationOptions({
      onSuccess: () => {
        void message.success("目标调整已记录");
        setOpen(false);
        setTargetText("");
        setReason("");
        setBasis("");
        void client.invalidateQueries();
      },
      onError: (e) => void message.error(formatApiError(e)),
    }),
  );
  const ready = year !== null && targetText.trim() && reason.trim() && basis.trim();

  return (
    <>
      <Button
        size="small"
        type="link"
        {...(disabled === undefined ? {} : { disabled })}
        onClick={() => setOpen(true)}
      >
        中期调整
      </Button>
      <Modal
        open={open}
        title={`中期调整：${indicator.name}`}
        okText="记录调整"
        cancelText="取消"
        okButtonProps={{ disabled: !ready, loading: revise.isPending }}
        onCancel={() => setOpen(false)}
        onOk={() =>
          year !== null &&
          revise.mutate({ indicatorId: indicator.id, effectiveYear: year, targetText, reason, basis })
        }
      >
        <Flex vertical gap={8}>
          <Typography.Text>原目标：{indicator.target.text || "—"}</Typography.Text>
          {(revisions.data ?? []).map((r) => (
            <Typography.Text key={r.id} type="secondary">
              {r.scope === "year"
                ? `${r.effectiveYear}年分年度目标${r.targetText}（依据${r.basis}）`
                : `${r.effectiveYear}年起调整为${r.targetText}（依据${r.basis}；${r.reason}）`}
            </Typography.Text>
          ))}
          <label htmlFor="revise-year">生效年份</label>
          <InputNumber id="revise-year" min={1990} max={2100} value={year} onChange={(v) => setYear(v)} />
          <label htmlFor="revise-target">调整后的目标</label>
          <Input
            id="revise-target"
            maxLength={200}
            value={targetText}
            onChange={(e) => setTargetText(e.target.value)}
          />
          <TargetPreview text={targetText} unit={indicator.unit} />
          <label htmlFor="revise-reason">调整原因</label>
          <Input.TextArea
            id="revise-reason"
            rows={2}
            maxLength={1000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <label htmlFor="revise-basis">调整依据（文件名称、文号）</label>
          <Input id="revise-basis" maxLength={300} value={basis} onChange={(e) => setBasis(e.target.value)} />
        </Flex>
      </Modal>
    </>
  );
}
