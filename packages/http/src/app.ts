import { OpenAPIHono } from "@hono/zod-openapi";
import type { AccessTokenVerifier } from "@wwhd/core/auth/access-token-verifier.ts";
import type { AuthService } from "@wwhd/core/auth/auth-service.ts";
import type { PersonalDataService } from "@wwhd/core/auth/personal-data-service.ts";
import type { ChatService } from "@wwhd/core/chat/chat-service.ts";
import type { HealthReporter } from "@wwhd/core/ports/adapter-health.ts";
import type { Logger } from "@wwhd/core/ports/logger.ts";
import type { SessionStore } from "@wwhd/core/ports/session-store.ts";
import { bodyLimit } from "hono/body-limit";
import { except } from "hono/combine";
import type { AppEnv } from "./app-env.ts";
import { createErrorHandler } from "./errors.ts";
import { authenticate, withAuthChallenge } from "./middleware/authenticate.ts";
import { requireJsonBody } from "./middleware/require-json.ts";
import { requireRole } from "./middleware/require-role.ts";
import { adminRoutes } from "./routes/admin.ts";
import { authRoutes } from "./routes/auth.ts";
import { chatRoutes } from "./routes/chat.ts";
import { healthRoutes } from "./routes/health.ts";
import { jwksRoutes } from "./routes/jwks.ts";
import { meRoutes } from "./routes/me.ts";
import { sessionRoutes } from "./routes/sessions.ts";
import { validationHook } from "./validation-hook.ts";

/** A `/v1` JSON body is a few KB at most (a chat message is capped at 4,000 characters). */
export const MAX_BODY_BYTES = 64 * 1024;

/** Routes taking file uploads: multipart bodies under limits of their own. */
const UPLOAD_ROUTES = ["/v1/admin/documents"];

const jsonBodyLimit = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: (c) =>
    c.json({ code: "payload_too_large", message: `The body is over ${MAX_BODY_BYTES} bytes` }, 413),
});

export interface AppDeps {
  chat: ChatService;
  /** Sessions, messages and the admin's user list. */
  sessions: SessionStore;
  auth: AuthService;
  /** Checks `Authorization: Bearer` on every `/v1` route but `/v1/auth/*`. */
  verifyAccessToken: AccessTokenVerifier;
  /** `GET /v1/me/export` and `DELETE /v1/me` across every store holding the user's data. */
  personalData: PersonalDataService;
  logger: Logger;
  /** Adapters whose health `/health` reports, by role. */
  health: Record<string, HealthReporter>;
}

/**
 * The one routing definition of the API. The local server serves it with `@hono/node-server`;
 * the Lambda handlers export the same app through Hono's AWS Lambda adapter.
 */
export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const handleError = createErrorHandler(deps.logger);
  app.onError((error, c) => withAuthChallenge(error, handleError(error, c)));
  app.notFound((c) =>
    c.json({ code: "not_found", message: `No route for ${c.req.method} ${c.req.path}` }, 404),
  );
  app.use("/v1/*", except(UPLOAD_ROUTES, requireJsonBody, jsonBodyLimit));
  app.use("/v1/*", except("/v1/auth/*", authenticate(deps.verifyAccessToken)));
  app.use("/v1/admin/*", requireRole("admin"));

  app.route("/", healthRoutes(deps.health));
  app.route("/", jwksRoutes(deps.auth));
  app.route("/", authRoutes(deps.auth));
  app.route("/", meRoutes(deps));
  app.route("/", sessionRoutes(deps.sessions));
  app.route("/", adminRoutes(deps.sessions));
  app.route("/", chatRoutes(deps.chat));
  return app;
}

export type App = ReturnType<typeof createApp>;
