import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AuthService } from "@wwhd/core/auth/auth-service.ts";
import { LoginSchema, RegistrationSchema } from "@wwhd/core/auth/credentials.ts";
import type { LoginGuard } from "@wwhd/edge/gate/login-guard.ts";
import type { AppEnv } from "../app-env.ts";
import { validationHook } from "../validation-hook.ts";
import { TokensSchema, UserSchema } from "./account-schemas.ts";
import { errorResponses, jsonBody, jsonContent, NO_CONTENT } from "./openapi-parts.ts";

const SignedInSchema = z.object({ user: UserSchema, tokens: TokensSchema }).openapi("SignedIn");
const RefreshRequestSchema = z.object({ refreshToken: z.string().min(1).max(512) });

const register = createRoute({
  method: "post",
  path: "/v1/auth/register",
  request: { body: jsonBody(RegistrationSchema) },
  responses: {
    201: jsonContent(SignedInSchema, "Account created and signed in"),
    ...errorResponses(400, 409, 413, 415),
  },
});

const login = createRoute({
  method: "post",
  path: "/v1/auth/login",
  request: { body: jsonBody(LoginSchema) },
  responses: {
    200: jsonContent(SignedInSchema, "Signed in"),
    ...errorResponses(400, 401, 413, 415),
  },
});

const refresh = createRoute({
  method: "post",
  path: "/v1/auth/refresh",
  request: { body: jsonBody(RefreshRequestSchema) },
  responses: {
    200: jsonContent(
      z.object({ tokens: TokensSchema }),
      "A new token pair; the old refresh token is spent",
    ),
    ...errorResponses(400, 401, 413, 415),
  },
});

const logout = createRoute({
  method: "post",
  path: "/v1/auth/logout",
  request: { body: jsonBody(RefreshRequestSchema) },
  responses: { ...NO_CONTENT, ...errorResponses(400, 413, 415) },
});

/**
 * `POST /v1/auth/register|login|refresh|logout`: the only `/v1` routes open without an access
 * token. Token responses must not be cached anywhere (RFC 6749 §5.1).
 */
export function authRoutes(auth: AuthService, loginGuard: LoginGuard) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use("/v1/auth/*", async (c, next) => {
    await next();
    c.header("Cache-Control", "no-store");
  });
  return app
    .openapi(register, async (c) => c.json(await auth.register(c.req.valid("json")), 201))
    .openapi(login, async (c) => {
      const credentials = c.req.valid("json");
      // Failed logins per account are limited on top of the per-IP limit of /v1/auth/*.
      const blocked = await loginGuard.attempt(c, credentials.email);
      if (blocked) return blocked as never;
      const session = await auth.login(credentials);
      await loginGuard.succeeded(credentials.email);
      return c.json(session, 200);
    })
    .openapi(refresh, async (c) =>
      c.json({ tokens: await auth.refresh(c.req.valid("json").refreshToken) }, 200),
    )
    .openapi(logout, async (c) => {
      await auth.logout(c.req.valid("json").refreshToken);
      return c.body(null, 204);
    });
}
