import { QueryClientProvider } from "@tanstack/react-query";
import { ConfigProvider, Spin } from "antd";
import zhCN from "antd/locale/zh_CN";
import { lazy, Suspense, useEffect, useState } from "react";
import { createApiClient, createQueryClient, TRPCProvider } from "./api/trpc.ts";
import { SessionGate } from "./auth/session-gate.tsx";
import { theme } from "./theme.ts";

// The login page is all a visitor without a session downloads; the rest comes after signing in.
const AuthenticatedApp = lazy(() => import("./layout/authenticated-app.tsx"));

/**
 * Staff whose system asks for less motion get none (WCAG 2.3.3): dialogs, lists and spinners
 * appear and go at once, and a click sends no ripple. Ant Design then also skips the transitions whose end it waits for, one of
 * which (a button's spinner leaving after a fast answer) can miss its end event and leave the
 * button named "loading" for screen readers.
 */
function prefersReducedMotion(): boolean {
  return window.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false;
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  const [trpcClient] = useState(() => createApiClient());
  const [motion] = useState(() => !prefersReducedMotion());
  const [appTheme] = useState(() => ({ ...theme, token: { ...theme.token, motion } }));
  useEffect(() => {
    document.documentElement.dataset.motion = motion ? "on" : "reduced";
  }, [motion]);
  return (
    <ConfigProvider
      locale={zhCN}
      theme={appTheme}
      componentSize="middle"
      button={{ autoInsertSpace: false }}
      wave={{ disabled: !motion }}
    >
      <QueryClientProvider client={queryClient}>
        <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
          <SessionGate>
            <Suspense fallback={<Spin fullscreen />}>
              <AuthenticatedApp />
            </Suspense>
          </SessionGate>
        </TRPCProvider>
      </QueryClientProvider>
    </ConfigProvider>
  );
}
