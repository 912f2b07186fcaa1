import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { ChatService } from "@wwhd/core/chat/chat-service.ts";
import { AppError } from "@wwhd/core/domain/app-error.ts";
import { ChatRequestSchema } from "@wwhd/core/domain/chat-request.ts";
import type { AppEnv } from "../app-env.ts";
import { collectTurn } from "../stream/turn-json-response.ts";
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
      description:
        "The answer: a Vercel AI SDK UI message stream (Server-Sent Events), or one JSON body when `stream` is false",
      content: {
        "text/event-stream": { schema: z.string() },
        "application/json": {
          schema: z.object({ turnId: z.string(), text: z.string() }).passthrough(),
        },
      },
    },
    502: {
      description: "The turn failed (stream: false); it is stored with status error",
      content: { "application/json": { schema: z.object({ turnId: z.string() }).passthrough() } },
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
    const { message, sessionId, stream } = c.req.valid("json");
    const mode = stream ? "stream" : "full";
    const turn = await chat.prepare({ userId: c.get("userId"), message, sessionId, mode });
    if (!stream) {
      const answer = await collectTurn(chat.run(turn, c.req.raw.signal));
      // The turn is stored either way; a failed one is a 502 that still names it.
      return c.json(answer, answer.status === "error" ? 502 : 200, {
        "x-turn-id": turn.turnId,
      }) as never;
    }
    return turnStreamResponse({
      turnId: turn.turnId,
      events: (signal) => chat.run(turn, signal),
      clientSignal: c.req.raw.signal,
    }) as never;
  });
}
