import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type PlanStatus, planStatusLabels } from "@ybplan/domain/plan";
import { Alert, App, Form, Input, InputNumber, Modal, Select } from "antd";
import { conflictSentence, formatApiError, readConflict } from "../../api/errors.ts";
import { useTRPC } from "../../api/trpc.ts";
import type { PlanDetail } from "../../api/types.ts";

interface Values {
  title: string;
  issuer: string;
  documentNumber: string;
  issueDate: string;
  periodStart: number;
  periodEnd: number;
  baselineYear: number;
  status: PlanStatus;
}

/** Edits a plan's metadata; field errors from the server land on their fields. */
export function PlanMetaModal({ plan, onClose }: { plan: PlanDetail; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const update = useMutation(
    trpc.plans.update.mutationOptions({
      onSuccess: () => {
        void message.success("基本信息已保存");
        void queryClient.invalidateQueries({ queryKey: trpc.plans.get.queryKey({ id: plan.id }) });
        onClose();
      },
      onError: (e) => {
        const data = (e as { data?: { fields?: Array<{ path: string; message: string }> | null } }).data;
        const fields = (data?.fields ?? []).map((f) => ({
          name: f.path.split(".").pop() as keyof Values,
          errors: [f.message],
        }));
        if (fields.length) form.setFields(fields);
      },
    }),
  );
  const conflict = update.error ? readConflict(update.error) : null;
  return (
    <Modal
      open
      title="编辑基本信息"
      okText="保存"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={update.isPending}
      width={620}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          title: plan.title,
          issuer: plan.issuer ?? "",
          documentNumber: plan.documentNumber ?? "",
          issueDate: plan.issueDate ?? "",
          periodStart: plan.periodStart,
          periodEnd: plan.periodEnd,
          baselineYear: plan.baselineYear,
          status: plan.status,
        }}
        onFinish={(v) =>
          update.mutate({
            id: plan.id,
            version: plan.version,
            data: {
              title: v.title,
              issuer: v.issuer.trim() || null,
              documentNumber: v.documentNumber.trim() || null,
              issueDate: v.issueDate.trim() || null,
              periodStart: v.periodStart,
              periodEnd: v.periodEnd,
              baselineYear: v.baselineYear,
              status: v.status,
            },
          })
        }
      >
        <Form.Item label="规划名称" name="title" rules={[{ required: true, message: "请输入规划名称" }]}>
          <Input />
        </Form.Item>
        <Form.Item label="发文机关" name="issuer">
          <Input />
        </Form.Item>
        <Form.Item label="文号" name="documentNumber">
          <Input />
        </Form.Item>
        <Form.Item
          label="印发日期（YYYY-MM-DD）"
          name="issueDate"
          rules={[{ pattern: /^(\d{4}-\d{2}-\d{2})?$/, message: "日期格式应为 YYYY-MM-DD" }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          label="基期年份"
          name="baselineYear"
          rules={[{ required: true, message: "请输入基期年份" }]}
        >
          <InputNumber min={1949} max={2100} />
        </Form.Item>
        <Form.Item
          label="规划期起"
          name="periodStart"
          rules={[{ required: true, message: "请输入起始年份" }]}
        >
          <InputNumber min={1949} max={2100} />
        </Form.Item>
        <Form.Item label="规划期止" name="periodEnd" rules={[{ required: true, message: "请输入结束年份" }]}>
          <InputNumber min={1949} max={2100} />
        </Form.Item>
        <Form.Item label="状态" name="status">
          <Select options={Object.entries(planStatusLabels).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
      </Form>
      {update.isError ? (
        <Alert
          type="error"
          showIcon
          title={conflict ? conflictSentence(conflict) : formatApiError(update.error)}
        />
      ) : null}
    </Modal>
  );
}
