import { useMutation } from "@tanstack/react-query";
import { App, Form, Input, Modal } from "antd";
import { formatApiError } from "../../api/errors.ts";
import { useTRPC } from "../../api/trpc.ts";

/** A new 专栏 box of a plan ("专栏2 医疗保障信息化建设工程"); its items are added on its card. */
export function NewProjectModal({
  planId,
  onClose,
  onSaved,
}: {
  planId: string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const trpc = useTRPC();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ number: string; title: string }>();
  const create = useMutation(
    trpc.projects.create.mutationOptions({
      onSuccess: () => {
        onSaved();
        onClose();
      },
      onError: (e) => void message.error(formatApiError(e)),
    }),
  );
  return (
    <Modal
      open
      title="新增专栏"
      okText="保存"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ number: "", title: "" }}
        onFinish={(v) => create.mutate({ planId, number: v.number.trim(), title: v.title.trim() })}
      >
        <Form.Item label="编号" name="number">
          <Input aria-label="专栏编号" placeholder="如 专栏1" />
        </Form.Item>
        <Form.Item label="名称" name="title" rules={[{ required: true, message: "请输入专栏名称" }]}>
          <Input aria-label="专栏名称" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
