/**
 * Saving a year with a deadline: a save that cannot reach the server stops after `timeoutMs`
 * instead of spinning forever, and the failure is told apart (network, conflict, invalid input)
 * so the grid can keep the edits and offer 重试.
 */
import { useMutation } from "@tanstack/react-query";
import { readApiError } from "../../api/errors.ts";
import { useTRPCClient } from "../../api/trpc.ts";
import type { ChangedEntry } from "./entry-model.ts";

const SAVE_TIMEOUT_MS = 20_000;

export interface SaveYearInput {
  planId: string;
  year: number;
  rows: ChangedEntry[];
}

/** A failure that never reached a verdict from the server: retrying may help. */
export function isNetworkFailure(error: unknown): boolean {
  return readApiError(error).code === "UNKNOWN";
}

export function useSaveYear(timeoutMs = SAVE_TIMEOUT_MS) {
  const client = useTRPCClient();
  return useMutation({
    mutationFn: (input: SaveYearInput) =>
      client.observations.upsertYear.mutate(input, { signal: AbortSignal.timeout(timeoutMs) }),
  });
}
