import { useMutation } from "@tanstack/react-query";
import { Alert, Button } from "antd";
import { type FormEvent, useState } from "react";
import { formatApiError } from "../api/errors.ts";
import { useTRPC } from "../api/trpc.ts";
import type { RouterOutputs } from "../api/types.ts";
import "./login-page.css";

type LoggedInUser = RouterOutputs["auth"]["login"]["user"];

const fields = {
  username: { label: "用户名", missing: "请输入用户名", autoComplete: "username" },
  password: { label: "密码", missing: "请输入密码", autoComplete: "current-password" },
} as const;
type Field = keyof typeof fields;

/**
 * Sign-in form; on success hands the signed-in user to the session gate (no second request).
 * It is what a visitor downloads first, so it uses plain inputs: Ant Design's Input and Form bring
 * the whole form library (validators, field store) with them; the app behind the login loads them.
 */
export function LoginPage({ onLoggedIn }: { onLoggedIn: (user: LoggedInUser) => void }) {
  const trpc = useTRPC();
  const login = useMutation(trpc.auth.login.mutationOptions({ onSuccess: (r) => onLoggedIn(r.user) }));
  const [values, setValues] = useState<Record<Field, string>>({ username: "", password: "" });
  const [missing, setMissing] = useState<Record<Field, boolean>>({ username: false, password: false });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const empty = { username: values.username.trim() === "", password: values.password === "" };
    setMissing(empty);
    if (empty.username || empty.password) return;
    login.mutate({ username: values.username.trim(), password: values.password });
  };
  const field = (name: Field) => {
    const f = fields[name];
    const id = `login-${name}`;
    return (
      <div className="login-field">
        <label htmlFor={id}>{f.label}</label>
        <input
          id={id}
          className="login-input"
          type={name === "password" ? "password" : "text"}
          value={values[name]}
          autoComplete={f.autoComplete}
          // biome-ignore lint/a11y/noAutofocus: the page's one task; the old form focused it too
          autoFocus={name === "username"}
          aria-invalid={missing[name] || undefined}
          aria-describedby={missing[name] ? `${id}-error` : undefined}
          onChange={(e) => {
            const value = e.target.value;
            setValues((v) => ({ ...v, [name]: value }));
            if (value) setMissing((m) => ({ ...m, [name]: false }));
          }}
        />
        {missing[name] ? (
          <div id={`${id}-error`} role="alert" className="login-field-error">
            {f.missing}
          </div>
        ) : null}
      </div>
    );
  };

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
      <section
        aria-labelledby="login-title"
        style={{ width: 380, padding: 24, background: "#fff", borderRadius: 8, border: "1px solid #f0f0f0" }}
      >
        <h1 id="login-title" style={{ textAlign: "center", marginTop: 0, fontSize: 24, fontWeight: 600 }}>
          医疗保障规划监测管理系统
        </h1>
        <form noValidate onSubmit={submit}>
          {field("username")}
          {field("password")}
          {login.isError ? (
            <Alert type="error" showIcon title={formatApiError(login.error)} style={{ marginBottom: 16 }} />
          ) : null}
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            登录
          </Button>
        </form>
      </section>
    </main>
  );
}
