import { useIsMutating, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Flex, Input, Modal, Popconfirm, Space, Typography } from "antd";
import { useEffect, useState } from "react";
import { formatApiError } from "../../api/errors.ts";
import { useTRPC } from "../../api/trpc.ts";
import { formatTime } from "../../lib/time.ts";
import { CycleStateTag } from "../cycle/cycle-state-tag.tsx";
import { CycleAssessments } from "./cycle-assessments.tsx";
import { CycleExplanations } from "./cycle-explanations.tsx";

/**
 * The reporting cycle above the entry grid: the year's state, deadline and "已填 n/m", the return
 * reason the county must see, why the year is locked, what a submit still needs, and the buttons
 * the user may press (提交 / 通过 / 退回 with a reason / 解锁 with a reason). The server decides
 * every permission (`cycle.status`), the bar only shows them.
 */
export function CycleBar({ planId, year }: { planId: string; year: number }) {
  const trpc = useTRPC();
  const client = useQueryClient();
  const { message } = App.useApp();
  const statusQuery = useQuery(trpc.cycle.status.queryOptions({ planId, year }));
  const [asking, setAsking] = useState<"return" | "unlock" | null>(null);
  const [reason, setReason] = useState("");

  // A save of the grid may move 未填报 / 已退回 to 填报中: re-read the state after any write.
  const mutating = useIsMutating();
  const { refetch } = statusQuery;
  useEffect(() => {
    if (mutating === 0) void refetch();
  }, [mutating, refetch]);

  const done = (text: string) => () => {
    void message.success(text);
    setAsking(null);
    setReason("");
    void client.invalidateQueries();
  };
  const onError = (e: unknown) => void message.error(formatApiError(e));
  const submit = useMutation(
    trpc.cycle.submit.mutationOptions({ onSuccess: done("已提交，等待上级审核"), onError }),
  );
  const approve = useMutation(
    trpc.cycle.approve.mutationOptions({ onSuccess: done("已审核通过，该年度已锁定"), onError }),
  );
  const ret = useMutation(trpc.cycle.return.mutationOptions({ onSuccess: done("已退回"), onError }));
  const unlock = useMutation(trpc.cycle.unlock.mutationOptions({ onSuccess: done("已解锁"), onError }));

  const s = statusQuery.data;
  if (!s) return null;
  const p = s.permissions;
  const busy = submit.isPending || approve.isPending || ret.isPending || unlock.isPending;

  return (
    <Flex vertical gap={8} data-testid="cycle-bar">
      <Flex align="center" gap={12} wrap>
        <span>填报状态</span>
        <CycleStateTag state={s.state} />
        <span data-testid="cycle-completeness">
          已填 {s.completeness.filled}/{s.completeness.total}
        </span>
        {s.window ? (
          <span>
            截止 {s.window.deadline}
            {s.window.closed ? "（已关闭）" : ""}
          </span>
        ) : null}
        {s.reminder === "overdue" ? <Typography.Text type="danger">已逾期</Typography.Text> : null}
        {s.reminder === "dueSoon" ? <Typography.Text type="warning">即将截止</Typography.Text> : null}
        <Space style={{ marginLeft: "auto" }}>
          {p.canSubmit ? (
            <Popconfirm
              title="提交后本年度数据将不能修改，等待上级审核。确认提交？"
              okText="提交"
              cancelText="取消"
              onConfirm={() => submit.mutate({ planId, year })}
            >
              <Button type="primary" loading={submit.isPending} disabled={busy}>
                提交审核
              </Button>
            </Popconfirm>
          ) : null}
          {p.canReview ? (
            <>
              <Button
                type="primary"
                loading={approve.isPending}
                disabled={busy}
                onClick={() => approve.mutate({ planId, year })}
              >
                审核通过
              </Button>
              <Button danger disabled={busy} onClick={() => setAsking("return")}>
                退回
              </Button>
            </>
          ) : null}
          {p.canUnlock ? (
            <Button disabled={busy} onClick={() => setAsking("unlock")}>
              解锁
            </Button>
          ) : null}
        </Space>
      </Flex>

      {s.state === "returned" && s.returnReason ? (
        <Alert
          type="error"
          showIcon
          data-testid="cycle-return-reason"
          message={`已被${s.reviewedBy ?? "上级"}退回（${formatTime(s.reviewedAt)}）`}
          description={`退回原因：${s.returnReason}`}
        />
      ) : null}
      {s.lockedReason ? (
        <Alert
          type={s.state === "approved" ? "success" : "info"}
          showIcon
          data-testid="cycle-locked"
          message={s.lockedReason}
        />
      ) : null}
      {s.unlockReason && s.state !== "approved" ? (
        <Alert
          type="warning"
          showIcon
          message={`已由${s.unlockedBy}于${formatTime(s.unlockedAt)}解锁：${s.unlockReason}`}
        />
      ) : null}
      {p.canEdit && s.problems.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          data-testid="cycle-problems"
          message={`提交前需处理 ${s.problems.length} 项`}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {s.problems.map((x) => (
                <li key={`${x.indicatorId}/${x.kind}`}>{x.message}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      {p.canEdit ? <CycleExplanations planId={planId} year={year} status={s} /> : null}
      <CycleAssessments planId={planId} year={year} editable={p.canEdit} />

      <Modal
        open={asking !== null}
        title={asking === "return" ? "退回本年度数据" : "解锁已通过的年度"}
        okText={asking === "return" ? "退回" : "解锁"}
        cancelText="取消"
        okButtonProps={{ disabled: !reason.trim(), loading: busy }}
        onCancel={() => setAsking(null)}
        onOk={() => {
          if (asking === "return") ret.mutate({ planId, year, reason });
          if (asking === "unlock") unlock.mutate({ planId, year, reason });
        }}
      >
        <label htmlFor="cycle-reason">
          {asking === "return"
            ? "退回原因（必填，填报单位可见）"
            : "解锁原因（必填，记入审计并在报告中说明）"}
        </label>
        <Input.TextArea
          id="cycle-reason"
          rows={3}
          maxLength={1000}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </Flex>
  );
}
