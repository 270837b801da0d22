import "dayjs/locale/zh-cn";
import { useQueryClient } from "@tanstack/react-query";
import { App as AntApp } from "antd";
import dayjs from "dayjs";
import { useTRPC } from "../api/trpc.ts";
import { ChangePasswordModal } from "../auth/change-password-modal.tsx";
import { useSession } from "../auth/session-context.ts";
import { AppLayout } from "./app-layout.tsx";
import { RouterOutlet } from "./router-outlet.tsx";

dayjs.locale("zh-cn");

/**
 * Everything behind the login: the layout, the navigation, the pages' router and the app-wide
 * message/modal context. Its own chunk, loaded once a session exists, so the login page
 * downloads none of it.
 */
export default function AuthenticatedApp() {
  const { user } = useSession();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return (
    <AntApp>
      <AppLayout>
        <RouterOutlet />
      </AppLayout>
      {user.mustChangePassword ? (
        <ChangePasswordModal
          open
          forced
          onClose={() => void queryClient.invalidateQueries({ queryKey: trpc.auth.me.queryKey() })}
        />
      ) : null}
    </AntApp>
  );
}
