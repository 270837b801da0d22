import { defineTestConfig } from "@ybplan/vitest-config";

// Each file starts servers in process (and some kill or restart them): one fresh worker per file.
// Two workers: most files wait on sockets, timers and child processes rather than compute.
export default defineTestConfig({ test: { isolate: true, maxWorkers: 2 } });
