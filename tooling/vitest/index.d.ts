import type { ViteUserConfig } from "vitest/config";
export declare const baseTestConfig: ViteUserConfig;
export declare function defineTestConfig(overrides?: ViteUserConfig): ViteUserConfig;
