/**
 * An error a client may see: a stable machine-readable `code`, an HTTP status and a message
 * safe to show. Anything else that escapes is a 500 with code `internal`.
 */
export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = "AppError";
    this.status = status;
    this.code = code;
    this.details = details;
  }
}
