import { defineTestConfig } from "@ybplan/vitest-config";

export default defineTestConfig();
