import { OpenAPIHono } from "@hono/zod-openapi";
import type { AuthService } from "@wwhd/core/auth/auth-service.ts";
import type { PersonalDataService } from "@wwhd/core/auth/personal-data-service.ts";
import type { ChatService } from "@wwhd/core/chat/chat-service.ts";
import type { HealthReporter } from "@wwhd/core/ports/adapter-health.ts";
import type { Clock } from "@wwhd/core/ports/clock.ts";
import type { Embedder } from "@wwhd/core/ports/embedder.ts";
import type { Logger } from "@wwhd/core/ports/logger.ts";
import type { Quota } from "@wwhd/core/ports/rate-limiter.ts";
import type { SessionStore } from "@wwhd/core/ports/session-store.ts";
import type { VectorStore } from "@wwhd/core/ports/vector-store.ts";
import type { Gate } from "@wwhd/edge/gate/create-gate.ts";
import { bodyLimit } from "hono/body-limit";
import { except } from "hono/combine";
import type { AppEnv } from "./app-env.ts";
import { createErrorHandler } from "./errors.ts";
import { requireJsonBody } from "./middleware/require-json.ts";
import { requireRole } from "./middleware/require-role.ts";
import { withAuthChallenge } from "./middleware/with-auth-challenge.ts";
import { adminRoutes } from "./routes/admin.ts";
import { adminDocumentRoutes } from "./routes/admin-documents.ts";
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
  /**
   * In front of everything: request id, CORS, the access token on every `/v1` route but
   * `/v1/auth/*`, rate limits and the daily token quota.
   */
  gate: Gate;
  /** Document uploads (`/v1/admin/documents`) write here. */
  knowledge: { embedder: Embedder; store: VectorStore; namespaces: () => readonly string[] };
  /** `GET /v1/me/export` and `DELETE /v1/me` across every store holding the user's data. */
  personalData: PersonalDataService;
  /** Daily token quotas: the admin's per-user override. */
  quota: Quota;
  clock: Clock;
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
  app.use("*", deps.gate.middleware);
  app.use("/v1/*", except(UPLOAD_ROUTES, requireJsonBody, jsonBodyLimit));
  app.use("/v1/admin/*", requireRole("admin"));

  app.route("/", healthRoutes(deps.health));
  app.route("/", jwksRoutes(deps.auth));
  app.route("/", authRoutes(deps.auth, deps.gate.loginGuard));
  app.route("/", meRoutes(deps));
  app.route("/", sessionRoutes(deps.sessions));
  app.route("/", adminRoutes(deps.sessions, deps.quota, deps.clock));
  app.route("/", adminDocumentRoutes(deps.knowledge));
  app.route("/", chatRoutes(deps.chat));
  return app;
}

export type App = ReturnType<typeof createApp>;
