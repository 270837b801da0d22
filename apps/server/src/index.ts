/** @ybplan/server — `startServer(options)` for tests and hosts; `src/main.ts` is the CLI entry. */
export { defaultAdminDist, type RunningServer, type StartServerOptions, startServer } from "./server.ts";
export { jsonLogger } from "./log.ts";
export { planImporter } from "./importer.ts";
