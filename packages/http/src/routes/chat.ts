import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { ChatService } from "@wwhd/core/chat/chat-service.ts";
import { AppError } from "@wwhd/core/domain/app-error.ts";
import { ChatRequestSchema } from "@wwhd/core/domain/chat-request.ts";
import type { AppEnv } from "../app-env.ts";
import { turnStreamResponse } from "../stream/turn-stream-response.ts";
import { validationHook } from "../validation-hook.ts";

const ErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
});

const route = createRoute({
  method: "post",
  path: "/v1/chat",
  request: {
    body: { required: true, content: { "application/json": { schema: ChatRequestSchema } } },
  },
  responses: {
    200: {
      description: "The answer as a Vercel AI SDK UI message stream (Server-Sent Events)",
      content: { "text/event-stream": { schema: z.string() } },
    },
    400: {
      description: "Invalid JSON or request",
      content: { "application/json": { schema: ErrorSchema } },
    },
    404: {
      description: "Unknown session",
      content: { "application/json": { schema: ErrorSchema } },
    },
    415: {
      description: "Body is not JSON",
      content: { "application/json": { schema: ErrorSchema } },
    },
  },
});

/** `POST /v1/chat`: one turn, streamed. */
export function chatRoutes(chat: ChatService) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use("/v1/chat", async (c, next) => {
    if (
      c.req.method === "POST" &&
      !/^application\/json\b/i.test(c.req.header("content-type") ?? "")
    ) {
      throw new AppError(415, "unsupported_media_type", "Send the body as application/json");
    }
    await next();
  });
  return app.openapi(route, async (c) => {
    const { message, sessionId } = c.req.valid("json");
    const turn = await chat.prepare({ userId: c.get("userId"), message, sessionId });
    return turnStreamResponse({
      turnId: turn.turnId,
      events: (signal) => chat.run(turn, signal),
      clientSignal: c.req.raw.signal,
    }) as never;
  });
}
