import { Result, Spin } from "antd";
import { Suspense, useEffect } from "react";
import { useSession } from "../auth/session-context.ts";
import { useLocation } from "../router/hooks.ts";
import { Link } from "../router/link.tsx";
import { matchPath } from "../router/match-path.ts";
import { navigate } from "../router/navigation.ts";
import { defaultPath, routeAllowed, routes } from "../routes/registry.ts";
import { ErrorBoundary } from "./error-boundary.tsx";

/** Renders the page whose path matches the address; pages load lazily (own chunk each). */
export function RouterOutlet() {
  const { path, search } = useLocation();
  const { user } = useSession();

  // A 数据填报 user starts at their to-do (issue 13); everyone else at the overview.
  const home = user.role === "reporter" ? "/todo" : defaultPath;
  useEffect(() => {
    if (path === "/") void navigate(home, { replace: true });
  }, [path, home]);

  for (const r of routes) {
    const params = matchPath(r.path, path);
    if (!params) continue;
    setDocumentTitle(r.title);
    if (!routeAllowed(r, user.role)) {
      const who = {
        admin: "系统管理员",
        editPlan: "系统管理员和规划编辑",
        enterData: "可填报数据的用户",
        read: "",
      }[r.requires ?? "read"];
      return <Result status="403" title="没有权限" subTitle={`此页面仅${who}可以访问。`} />;
    }
    const Page = r.page;
    return (
      <ErrorBoundary key={r.path}>
        <Suspense
          fallback={
            <div style={{ padding: 48, textAlign: "center" }}>
              <Spin description="页面加载中…">
                <div style={{ width: 1, height: 48 }} />
              </Spin>
            </div>
          }
        >
          <Page params={params} search={search} />
        </Suspense>
      </ErrorBoundary>
    );
  }
  if (path === "/") return null;
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="请检查地址是否正确。"
      extra={<Link to={defaultPath}>返回监测总览</Link>}
    />
  );
}

function setDocumentTitle(title: string) {
  document.title = `${title} - 医疗保障规划监测管理系统`;
}
