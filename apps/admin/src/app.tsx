import { QueryClientProvider } from "@tanstack/react-query";
import { ConfigProvider, Spin } from "antd";
import zhCN from "antd/locale/zh_CN";
import { lazy, Suspense, useState } from "react";
import { createApiClient, createQueryClient, TRPCProvider } from "./api/trpc.ts";
import { SessionGate } from "./auth/session-gate.tsx";
import { theme } from "./theme.ts";

// The login page is all a visitor without a session downloads; the rest comes after signing in.
const AuthenticatedApp = lazy(() => import("./layout/authenticated-app.tsx"));

export function App() {
  const [queryClient] = useState(createQueryClient);
  const [trpcClient] = useState(() => createApiClient());
  return (
    <ConfigProvider locale={zhCN} theme={theme} componentSize="middle" button={{ autoInsertSpace: false }}>
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
