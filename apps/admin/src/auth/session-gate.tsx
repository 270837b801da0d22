import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Spin } from "antd";
import { lazy, type ReactNode, Suspense, useMemo } from "react";
import { formatApiError, isUnauthorized } from "../api/errors.ts";
import { useTRPC } from "../api/trpc.ts";
import { LoginPage } from "./login-page.tsx";
import { type Session, SessionContext, type SessionUser } from "./session-context.ts";

// Ant Design's Result carries its 403/404/500 illustrations: loaded only when the server is away.
const Result = lazy(() => import("antd/es/result"));

/** Shows the login page until there is a session; then the app, with the user in context. */
export function SessionGate({ children }: { children: ReactNode }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useQuery(trpc.auth.me.queryOptions(undefined, { retry: false, staleTime: 60_000 }));
  const logout = useMutation(trpc.auth.logout.mutationOptions());

  const user = (me.data ?? null) as SessionUser | null;
  const session = useMemo<Session | null>(
    () =>
      user && {
        user,
        logout: async () => {
          await logout.mutateAsync().catch(() => undefined);
          // Nothing of the previous user stays in memory; "no session" is known without a request.
          queryClient.clear();
          queryClient.setQueryData(trpc.auth.me.queryKey(), null);
          window.location.hash = "#/";
        },
      },
    [user, logout, queryClient, trpc],
  );

  if (me.isPending) {
    return (
      <div style={{ paddingTop: 160, textAlign: "center" }}>
        <Spin description="正在加载…">
          <div style={{ width: 1, height: 48 }} />
        </Spin>
      </div>
    );
  }
  if (me.isError && !isUnauthorized(me.error)) {
    return (
      <Suspense fallback={null}>
        <Result
          status="error"
          title="无法连接服务器"
          subTitle={<Alert type="error" title={formatApiError(me.error)} />}
          extra={<Button onClick={() => void me.refetch()}>重试</Button>}
        />
      </Suspense>
    );
  }
  if (!session) return <LoginPage onLoggedIn={(u) => queryClient.setQueryData(trpc.auth.me.queryKey(), u)} />;
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
