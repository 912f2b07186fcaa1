import { Logger as PowertoolsLogger } from "@aws-lambda-powertools/logger";
import type { LogFields, Logger } from "@wwhd/core/ports/logger.ts";

export type LogLevel = "DEBUG" | "INFO" | "WARN" | "ERROR" | "SILENT";

/** Structured JSON logs (CloudWatch-friendly) from Powertools, locally and in Lambda alike. */
export function createPowertoolsLogger(options: { level: LogLevel; serviceName?: string }): Logger {
  return wrap(
    new PowertoolsLogger({ serviceName: options.serviceName ?? "wwhd", logLevel: options.level }),
  );
}

function wrap(logger: PowertoolsLogger): Logger {
  return {
    debug: (message: string, fields?: LogFields) => logger.debug(message, fields ?? {}),
    info: (message: string, fields?: LogFields) => logger.info(message, fields ?? {}),
    warn: (message: string, fields?: LogFields) => logger.warn(message, fields ?? {}),
    error: (message: string, fields?: LogFields) => logger.error(message, fields ?? {}),
    child: (fields: LogFields) => {
      const child = logger.createChild();
      child.appendKeys(fields as Record<string, string>);
      return wrap(child);
    },
  };
}
