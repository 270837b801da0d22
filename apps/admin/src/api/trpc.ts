/**
 * The typed tRPC client. Only the router's *type* comes from @ybplan/api; no server code reaches
 * the browser. Requests go to the relative `/trpc` (same origin in production, proxied by Vite in
 * development) with the session cookie.
 */
import { QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import type { AppRouter } from "@ybplan/api";
import { readApiError } from "./errors.ts";

export type { AppRouter };
export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

export function createApiClient(baseUrl = "") {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${baseUrl}/trpc`,
        // tRPC's init may carry `signal: undefined`, which fetch's RequestInit spells null.
        fetch: (input, init) =>
          fetch(input, { ...init, credentials: "same-origin", signal: init?.signal ?? null }),
      }),
    ],
  });
}

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: false,
        // Retrying cannot fix a refusal or invalid input; it can fix a dropped connection.
        retry: (count, error) => {
          const code = readApiError(error).code;
          return count < 2 && (code === "UNKNOWN" || code === "INTERNAL_SERVER_ERROR" || code === "TIMEOUT");
        },
      },
    },
  });
}
