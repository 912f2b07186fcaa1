import type { LogFields, Logger } from "@wwhd/core/ports/logger.ts";

export interface RecordingLogger extends Logger {
  records: { level: string; message: string; fields: LogFields }[];
}

/** A logger that keeps what it is told, for tests that check what would reach the logs. */
export function createRecordingLogger(records: RecordingLogger["records"] = []): RecordingLogger {
  const at =
    (level: string, base: LogFields) =>
    (message: string, fields: LogFields = {}) =>
      void records.push({ level, message, fields: { ...base, ...fields } });
  const make = (base: LogFields): RecordingLogger => ({
    records,
    debug: at("debug", base),
    info: at("info", base),
    warn: at("warn", base),
    error: at("error", base),
    child: (fields) => make({ ...base, ...fields }),
  });
  return make({});
}
