import { OpenAPIHono } from "@hono/zod-openapi";
import type { ChatService } from "@wwhd/core/chat/chat-service.ts";
import type { HealthReporter } from "@wwhd/core/ports/adapter-health.ts";
import type { Logger } from "@wwhd/core/ports/logger.ts";
import type { AppEnv } from "./app-env.ts";
import { createErrorHandler } from "./errors.ts";
import { chatRoutes } from "./routes/chat.ts";
import { healthRoutes } from "./routes/health.ts";
import { validationHook } from "./validation-hook.ts";

export interface AppDeps {
  chat: ChatService;
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
  app.onError(createErrorHandler(deps.logger));
  app.notFound((c) =>
    c.json({ code: "not_found", message: `No route for ${c.req.method} ${c.req.path}` }, 404),
  );
  app.use("/v1/*", async (c, next) => {
    // Until accounts exist every caller is the same anonymous user.
    c.set("userId", "anonymous");
    await next();
  });
  app.route("/", healthRoutes(deps.health));
  app.route("/", chatRoutes(deps.chat));
  return app;
}

export type App = ReturnType<typeof createApp>;
