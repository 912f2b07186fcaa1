import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AuthService } from "@wwhd/core/auth/auth-service.ts";
import type { PersonalDataService } from "@wwhd/core/auth/personal-data-service.ts";
import { UserNotFoundError } from "@wwhd/core/ports/session-store.ts";
import type { AppEnv } from "../app-env.ts";
import { validationHook } from "../validation-hook.ts";
import { UserSchema } from "./account-schemas.ts";
import { errorResponses, jsonContent, NO_CONTENT } from "./openapi-parts.ts";

const me = createRoute({
  method: "get",
  path: "/v1/me",
  responses: {
    200: jsonContent(UserSchema, "The signed-in user"),
    ...errorResponses(401, 404),
  },
});

const exportData = createRoute({
  method: "get",
  path: "/v1/me/export",
  responses: {
    200: jsonContent(
      z.record(z.string(), z.unknown()),
      "Everything stored about the user, one section per store (`account`, `memory`, ...)",
    ),
    ...errorResponses(401),
  },
});

const erase = createRoute({
  method: "delete",
  path: "/v1/me",
  responses: { ...NO_CONTENT, ...errorResponses(401) },
});

export interface MeDeps {
  auth: AuthService;
  personalData: PersonalDataService;
}

/** `GET /v1/me`, `GET /v1/me/export` and `DELETE /v1/me` (erasure in every store, idempotent). */
export function meRoutes({ auth, personalData }: MeDeps) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(me, async (c) => {
      const user = await auth.currentUser(c.get("userId"));
      if (!user) throw new UserNotFoundError();
      return c.json(user, 200);
    })
    .openapi(exportData, async (c) => {
      c.header("Cache-Control", "no-store");
      return c.json(await personalData.exportAll(c.get("userId")), 200);
    })
    .openapi(erase, async (c) => {
      await personalData.eraseAll(c.get("userId"));
      return c.body(null, 204);
    });
}
