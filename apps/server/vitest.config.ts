import { defineTestConfig, slowFilesFirst } from "@ybplan/vitest-config";

// Two workers: most files wait on sockets, timers and child processes rather than compute. Files
// share their worker's loaded modules (the server, the API, the importer): each file starts its
// own servers and databases and keeps no state in modules, and importing the server again for each
// of 18 files cost about 80 s of CPU. The longest files start first, so neither worker is left
// with one of them at the end.
export default defineTestConfig({
  test: {
    isolate: false,
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
