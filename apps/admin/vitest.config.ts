import { defineTestConfig } from "@ybplan/vitest-config";

// End-to-end tests drive a real server and browser: run files one after another (2 shared cores).
export default defineTestConfig({ test: { fileParallelism: false } });
