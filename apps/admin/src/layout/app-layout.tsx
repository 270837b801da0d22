import { App, Button, Layout, Menu, Space, Typography } from "antd";
import type { ItemType } from "antd/es/menu/interface";
import { type ReactNode, useEffect, useState } from "react";
import { ChangePasswordModal } from "../auth/change-password-modal.tsx";
import { roleLabels } from "../auth/roles.ts";
import { useSession } from "../auth/session-context.ts";
import { useLocation } from "../router/hooks.ts";
import { navigate, setConfirmHandler } from "../router/navigation.ts";
import { type NavGroup, navGroupLabels, navRoutes, routes } from "../routes/registry.ts";

const groups: NavGroup[] = ["monitoring", "modules", "system"];

/** Side navigation built from the routes registry, header with the user and account actions. */
export function AppLayout({ children }: { children: ReactNode }) {
  const { user, logout } = useSession();
  const { path } = useLocation();
  const [pwOpen, setPwOpen] = useState(false);
  const { modal } = App.useApp();

  useEffect(() => {
    // In-app "leave with unsaved changes?" uses the app's dialog instead of the browser's.
    setConfirmHandler(
      (message) =>
        new Promise((resolve) => {
          modal.confirm({
            title: "尚未保存",
            content: message,
            okText: "离开",
            cancelText: "留在此页",
            onOk: () => resolve(true),
            onCancel: () => resolve(false),
          });
        }),
    );
  }, [modal]);

  const items: ItemType[] = groups.map((g) => ({
    type: "group",
    key: g,
    label: navGroupLabels[g],
    children: navRoutes(user.role)
      .filter((r) => r.nav === g)
      .map((r) => ({ key: r.path, label: r.title })),
  }));
  const selected = routes
    .filter((r) => r.nav && (path === r.path || path.startsWith(`${r.path}/`)))
    .map((r) => r.path);

  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Sider width={188} theme="light" style={{ borderRight: "1px solid #f0f0f0" }}>
        <div style={{ padding: "16px 16px 8px", fontWeight: 600, fontSize: 15, lineHeight: 1.4 }}>
          医保规划监测
        </div>
        <nav aria-label="主导航">
          <Menu
            mode="inline"
            items={items}
            selectedKeys={selected}
            onClick={(e) => void navigate(e.key)}
            style={{ borderInlineEnd: "none" }}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: "#fff",
            padding: "0 20px",
            display: "flex",
            justifyContent: "flex-end",
            alignItems: "center",
            borderBottom: "1px solid #f0f0f0",
            height: 52,
            lineHeight: "52px",
          }}
        >
          <Space size="middle">
            <Typography.Text data-testid="current-user">
              {user.displayName}（{roleLabels[user.role]}）
            </Typography.Text>
            <Button size="small" onClick={() => setPwOpen(true)}>
              修改密码
            </Button>
            <Button size="small" onClick={() => void logout()}>
              退出登录
            </Button>
          </Space>
        </Layout.Header>
        {/* Layout.Content is the page's one <main> landmark. */}
        <Layout.Content style={{ padding: 20, minWidth: 0 }}>{children}</Layout.Content>
      </Layout>
      <ChangePasswordModal open={pwOpen} onClose={() => setPwOpen(false)} />
    </Layout>
  );
}
