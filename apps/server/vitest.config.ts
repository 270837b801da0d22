import { defineTestConfig, slowFilesFirst } from "@ybplan/vitest-config";

// Each file starts servers in process (and some kill or restart them): one fresh worker per file.
// Two workers: most files wait on sockets, timers and child processes rather than compute. The
// longest files start first, so neither worker is left with one of them at the end.
export default defineTestConfig({
  test: {
    isolate: true,
    maxWorkers: 2,
    sequence: {
      sequencer: slowFilesFirst([
        "reliability/backup-roundtrip",
        "authorization-matrix.integration",
        "reliability/kill-during-saves",
        "authorization-matrix-postgres",
      ]),
    },
  },
});
