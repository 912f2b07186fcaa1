import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { toPublicUser } from "@wwhd/core/auth/auth-service.ts";
import type { SessionStore } from "@wwhd/core/ports/session-store.ts";
import type { AppEnv } from "../app-env.ts";
import { validationHook } from "../validation-hook.ts";
import { UserSchema } from "./account-schemas.ts";
import { errorResponses, jsonContent } from "./openapi-parts.ts";
import { PageQuerySchema, pageOf } from "./paging.ts";

const listUsers = createRoute({
  method: "get",
  path: "/v1/admin/users",
  request: { query: PageQuerySchema },
  responses: {
    200: jsonContent(pageOf(UserSchema), "Every account, newest first"),
    ...errorResponses(400, 401, 403),
  },
});

/**
 * `/v1/admin/*`. The admin role is enforced for the whole prefix in `app.ts`, so routes added
 * here (or in other files under the prefix) cannot forget it.
 */
export function adminRoutes(store: Pick<SessionStore, "listUsers">) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(listUsers, async (c) => {
    const page = await store.listUsers(c.req.valid("query"));
    return c.json({ ...page, items: page.items.map(toPublicUser) }, 200);
  });
}
