import { useMutation } from "@tanstack/react-query";
import { Alert, Button, Card, Form, Input, Typography } from "antd";
import { formatApiError } from "../api/errors.ts";
import { useTRPC } from "../api/trpc.ts";
import type { RouterOutputs } from "../api/types.ts";

interface Values {
  username: string;
  password: string;
}

type LoggedInUser = RouterOutputs["auth"]["login"]["user"];

/** Sign-in form; on success hands the signed-in user to the session gate (no second request). */
export function LoginPage({ onLoggedIn }: { onLoggedIn: (user: LoggedInUser) => void }) {
  const trpc = useTRPC();
  const login = useMutation(trpc.auth.login.mutationOptions({ onSuccess: (r) => onLoggedIn(r.user) }));
  return (
    <main
      style={{
        minHeight: "100vh",
        display: "flex",
        alignItems: "center",
        justifyContent: "center",
        background: "#f0f2f5",
      }}
    >
      <Card style={{ width: 380 }}>
        <Typography.Title level={3} style={{ textAlign: "center", marginTop: 0 }}>
          医疗保障规划监测管理系统
        </Typography.Title>
        <Form<Values>
          layout="vertical"
          requiredMark={false}
          onFinish={(v) => login.mutate({ username: v.username.trim(), password: v.password })}
        >
          <Form.Item label="用户名" name="username" rules={[{ required: true, message: "请输入用户名" }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: "请输入密码" }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          {login.isError ? (
            <Alert type="error" showIcon title={formatApiError(login.error)} style={{ marginBottom: 16 }} />
          ) : null}
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            登录
          </Button>
        </Form>
      </Card>
    </main>
  );
}
