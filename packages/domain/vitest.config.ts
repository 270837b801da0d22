import { defineTestConfig } from "@ybplan/vitest-config";

export default defineTestConfig({ test: { setupFiles: ["./test/seed-fast-check.ts"] } });
