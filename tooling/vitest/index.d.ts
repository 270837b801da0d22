import type { ViteUserConfig } from "vitest/config";
import type { TestSequencerConstructor } from "vitest/node";
export declare const baseTestConfig: ViteUserConfig;
export declare function defineTestConfig(overrides?: ViteUserConfig): ViteUserConfig;
export declare function slowFilesFirst(patterns: readonly string[]): TestSequencerConstructor;
