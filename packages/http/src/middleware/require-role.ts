import { AppError } from "@wwhd/core/domain/app-error.ts";
import type { Role } from "@wwhd/core/ports/session-store.ts";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env.ts";

/**
 * Lets through only callers whose access token grants `role` (mount after the gate).
 * Roles travel in the token, so a role granted or withdrawn takes effect with the next token.
 */
export function requireRole(role: Role): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!c.get("identity")?.roles.includes(role))
      throw new AppError(403, "forbidden", `This route needs the ${role} role`);
    await next();
  };
}
