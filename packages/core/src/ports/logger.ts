export type LogFields = Record<string, unknown>;

/**
 * Structured logger. Callers pass only redacted text: the Safety agent removes PII before a
 * message reaches any log.
 */
export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
}
