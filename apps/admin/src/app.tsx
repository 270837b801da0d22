import "dayjs/locale/zh-cn";
import { QueryClientProvider } from "@tanstack/react-query";
import { App as AntApp, ConfigProvider } from "antd";
import zhCN from "antd/locale/zh_CN";
import dayjs from "dayjs";
import { useState } from "react";
import { createApiClient, createQueryClient, TRPCProvider } from "./api/trpc.ts";
import { SessionGate } from "./auth/session-gate.tsx";
import { AppLayout } from "./layout/app-layout.tsx";
import { RouterOutlet } from "./layout/router-outlet.tsx";

dayjs.locale("zh-cn");

export function App() {
  const [queryClient] = useState(createQueryClient);
  const [trpcClient] = useState(() => createApiClient());
  return (
    <ConfigProvider
      locale={zhCN}
      theme={{ token: { borderRadius: 4 } }}
      componentSize="middle"
      button={{ autoInsertSpace: false }}
    >
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
            <SessionGate>
              <AppLayout>
                <RouterOutlet />
              </AppLayout>
            </SessionGate>
          </TRPCProvider>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
