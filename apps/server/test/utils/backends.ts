import { createTestDatabase, postgresTestUrl } from "@ybplan/db/testing";
import { type RunningServer, type StartServerOptions, startServer } from "../../src/index.ts";

/**
 * The database backends every integration test runs against: embedded PGlite (always) and a
 * fresh PostgreSQL database per test file when YBPLAN_TEST_DATABASE_URL is set.
 */
export interface Backend {
  readonly name: "pglite" | "postgres";
  start(options?: Partial<StartServerOptions>): Promise<RunningServer>;
}

const pgUrl = postgresTestUrl();

export const backends: Backend[] = [
  {
    name: "pglite",
    start: (o) => startServer({ port: 0, adminDist: null, adminPassword: ADMIN_PASSWORD, ...o }),
  },
  ...(pgUrl
    ? [
        {
          name: "postgres" as const,
          start: async (o?: Partial<StartServerOptions>) => {
            const fresh = await createTestDatabase(pgUrl);
            const server = await startServer({
              port: 0,
              adminDist: null,
              adminPassword: ADMIN_PASSWORD,
              databaseUrl: fresh.url,
              ...o,
            });
            return {
              ...server,
              close: async () => {
                await server.close();
                await fresh.drop();
              },
            };
          },
        },
      ]
    : []),
];

export const ADMIN_PASSWORD = "Admin-pass-2026";
