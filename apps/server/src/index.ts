/** @ybplan/server — `startServer(options)` for tests and hosts; `src/main.ts` is the CLI entry. */

export { planImporter } from "./importer.ts";
export { jsonLogger } from "./log.ts";
export { defaultAdminDist, type RunningServer, type StartServerOptions, startServer } from "./server.ts";
