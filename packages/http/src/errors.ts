import { AppError } from "@wwhd/core/domain/app-error.ts";
import type { Logger } from "@wwhd/core/ports/logger.ts";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** The JSON body of every error response: a stable `code` clients can branch on. */
export interface ErrorBody {
  code: string;
  message: string;
  details?: unknown;
}

export const errorResponse = (
  c: Context,
  status: ContentfulStatusCode,
  body: ErrorBody,
): Response => c.json(body, status);

/** Maps anything thrown in a route to a JSON error; unknown errors are logged and become 500s. */
export function createErrorHandler(logger: Logger) {
  return (error: Error, c: Context): Response => {
    if (error instanceof AppError) {
      return errorResponse(c, error.status as ContentfulStatusCode, {
        code: error.code,
        message: error.message,
        ...(error.details !== undefined && { details: error.details }),
      });
    }
    if (error instanceof HTTPException && error.status < 500) {
      const code = error.message.startsWith("Malformed JSON") ? "invalid_json" : "bad_request";
      return errorResponse(c, error.status, { code, message: error.message });
    }
    logger.error("unhandled error", { path: c.req.path, error: String(error) });
    return errorResponse(c, 500, {
      code: "internal",
      message: "Something went wrong on our side.",
    });
  };
}
