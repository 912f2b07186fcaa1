import { AppError } from "@wwhd/core/domain/app-error.ts";
import type { MiddlewareHandler } from "hono";

const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json\s*(;|$)/i;
const METHODS_WITH_BODY = new Set(["POST", "PUT", "PATCH"]);

/**
 * Every `/v1` body is JSON: a request declaring another media type gets 415 with a stable code
 * before any route reads it. (The route validators would refuse it too, but as a generic
 * `HTTPException` without our code.)
 */
export const requireJsonBody: MiddlewareHandler = async (c, next) => {
  const type = c.req.header("content-type");
  if (METHODS_WITH_BODY.has(c.req.method) && type !== undefined && !JSON_MEDIA_TYPE.test(type))
    throw new AppError(415, "unsupported_media_type", "Send the body as application/json");
  await next();
};
