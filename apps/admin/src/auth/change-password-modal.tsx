import { useMutation } from "@tanstack/react-query";
import { Alert, App, Form, Input, Modal } from "antd";
import { formatApiError } from "../api/errors.ts";
import { useTRPC } from "../api/trpc.ts";

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Password change; `forced` when the account must change its one-time password first. */
export function ChangePasswordModal({
  open,
  forced,
  onClose,
}: {
  open: boolean;
  forced?: boolean;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useMutation(
    trpc.auth.changePassword.mutationOptions({
      onSuccess: () => {
        void message.success("密码已修改");
        form.resetFields();
        onClose();
      },
    }),
  );
  return (
    <Modal
      open={open}
      title={forced ? "首次登录请修改密码" : "修改密码"}
      okText="确定修改"
      cancelText="取消"
      closable={!forced}
      cancelButtonProps={{ style: forced ? { display: "none" } : {} }}
      mask={{ closable: false }}
      confirmLoading={change.isPending}
      onOk={() => form.submit()}
      {...(forced ? {} : { onCancel: onClose })}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => change.mutate({ currentPassword: v.currentPassword, newPassword: v.newPassword })}
      >
        <Form.Item
          label="原密码"
          name="currentPassword"
          rules={[{ required: true, message: "请输入原密码" }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label="新密码"
          name="newPassword"
          rules={[
            { required: true, message: "请输入新密码" },
            { min: 8, message: "新密码至少 8 位" },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="确认新密码"
          name="confirm"
          dependencies={["newPassword"]}
          rules={[
            { required: true, message: "请再次输入新密码" },
            ({ getFieldValue }) => ({
              validator: (_, v) =>
                v === getFieldValue("newPassword")
                  ? Promise.resolve()
                  : Promise.reject(new Error("两次输入的新密码不一致")),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {change.isError ? <Alert type="error" showIcon title={formatApiError(change.error)} /> : null}
      </Form>
    </Modal>
  );
}
