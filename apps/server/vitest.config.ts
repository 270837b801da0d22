import { defineTestConfig } from "@ybplan/vitest-config";

// Each file starts servers in process (and some kill or restart them): one fresh worker per file.
export default defineTestConfig({ test: { isolate: true } });
