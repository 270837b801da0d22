export {
  BackupFileError,
  type BackupSummary,
  backupToFile,
  dumpTo,
  isStreamBackup,
  restoreFromFile,
  StreamBackupFormat,
  summarizeDatabase,
  type TableSummary,
} from "./stream-backup.ts";
export { ident, resetSequences, tablesInOrder } from "./tables.ts";
