import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { ChatService } from "@wwhd/core/chat/chat-service.ts";
import { ChatRequestSchema } from "@wwhd/core/domain/chat-request.ts";
import type { AppEnv } from "../app-env.ts";
import { settlingQuota } from "../stream/settle-quota.ts";
import { collectTurn } from "../stream/turn-json-response.ts";
import { turnStreamResponse } from "../stream/turn-stream-response.ts";
import { validationHook } from "../validation-hook.ts";
import { errorResponses, jsonBody, jsonContent } from "./openapi-parts.ts";

const AnswerSchema = z
  .object({ turnId: z.string(), sessionId: z.string(), status: z.string(), text: z.string() })
  .passthrough()
  .openapi("Answer");

const route = createRoute({
  method: "post",
  path: "/v1/chat",
  request: { body: jsonBody(ChatRequestSchema) },
  responses: {
    200: {
      description:
        "The answer: a Vercel AI SDK UI message stream (Server-Sent Events), or one JSON body when `stream` is false",
      content: {
        "text/event-stream": { schema: z.string() },
        "application/json": { schema: AnswerSchema },
      },
    },
    502: jsonContent(
      AnswerSchema,
      "The turn failed (stream: false); it is stored with status error",
    ),
    ...errorResponses(400, 401, 404, 413, 415),
  },
});

/** `POST /v1/chat`: one turn, streamed (or whole, with `stream: false`). */
export function chatRoutes(chat: ChatService) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(route, async (c) => {
    const { message, sessionId, stream } = c.req.valid("json");
    const mode = stream ? "stream" : "full";
    const turn = await chat.prepare({ userId: c.get("userId"), message, sessionId, mode });
    const events = (signal: AbortSignal) =>
      settlingQuota(chat.run(turn, signal), c.get("quotaTicket"));
    if (!stream) {
      const answer = await collectTurn(events(c.req.raw.signal));
      // The turn is stored either way; a failed one is a 502 that still names it.
      return c.json(answer, answer.status === "error" ? 502 : 200, { "x-turn-id": turn.turnId });
    }
    return turnStreamResponse({
      turnId: turn.turnId,
      events,
      clientSignal: c.req.raw.signal,
    }) as never;
  });
}
