import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { toPublicUser } from "@wwhd/core/auth/auth-service.ts";
import type { Clock } from "@wwhd/core/ports/clock.ts";
import { type Quota, quotaDay } from "@wwhd/core/ports/rate-limiter.ts";
import type { SessionStore } from "@wwhd/core/ports/session-store.ts";
import type { AppEnv } from "../app-env.ts";
import { validationHook } from "../validation-hook.ts";
import { UserSchema } from "./account-schemas.ts";
import { errorResponses, jsonBody, jsonContent } from "./openapi-parts.ts";
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

const QuotaSchema = z
  .object({
    userId: z.string(),
    /** The effective daily limit: the override, or the default when there is none. */
    dailyLimit: z.number().int(),
    usedToday: z.number().int(),
  })
  .openapi("Quota");

const UserIdParams = z.object({ id: z.string().min(1).max(64) });

const getQuota = createRoute({
  method: "get",
  path: "/v1/admin/users/{id}/quota",
  request: { params: UserIdParams },
  responses: {
    200: jsonContent(QuotaSchema, "The user's daily token quota"),
    ...errorResponses(400, 401, 403),
  },
});

const setQuota = createRoute({
  method: "put",
  path: "/v1/admin/users/{id}/quota",
  request: {
    params: UserIdParams,
    body: jsonBody(z.object({ dailyLimit: z.number().int().min(0).max(100_000_000).nullable() })),
  },
  responses: {
    200: jsonContent(QuotaSchema, "The quota after the change"),
    ...errorResponses(400, 401, 403),
  },
});

/**
 * `/v1/admin/*`. The admin role is enforced for the whole prefix in `app.ts`, so routes added
 * here (or in other files under the prefix) cannot forget it.
 */
export function adminRoutes(store: Pick<SessionStore, "listUsers">, quota: Quota, clock: Clock) {
  const quotaOf = async (userId: string) => ({
    userId,
    dailyLimit: await quota.dailyLimit(userId),
    usedToday: await quota.used(userId, quotaDay(clock.now())),
  });
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(listUsers, async (c) => {
      const page = await store.listUsers(c.req.valid("query"));
      return c.json({ ...page, items: page.items.map(toPublicUser) }, 200);
    })
    .openapi(getQuota, async (c) => c.json(await quotaOf(c.req.valid("param").id), 200))
    .openapi(setQuota, async (c) => {
      const { id } = c.req.valid("param");
      await quota.setDailyLimit(id, c.req.valid("json").dailyLimit);
      return c.json(await quotaOf(id), 200);
    });
}
