import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import {
  type Session,
  SessionNotFoundError,
  type SessionStore,
} from "@wwhd/core/ports/session-store.ts";
import type { AppEnv } from "../app-env.ts";
import { validationHook } from "../validation-hook.ts";
import { errorResponses, jsonBody, jsonContent, NO_CONTENT } from "./openapi-parts.ts";
import { PageQuerySchema, pageOf } from "./paging.ts";

const DEFAULT_TITLE = "New conversation";

const TitleSchema = z.string().trim().min(1).max(200);

const SessionSchema = z
  .object({ id: z.string(), title: z.string(), createdAt: z.string(), updatedAt: z.string() })
  .openapi("Session");

const MessageSchema = z
  .object({
    id: z.string(),
    sessionId: z.string(),
    role: z.enum(["user", "assistant"]),
    text: z.string(),
    createdAt: z.string(),
    turnId: z.string(),
    status: z.enum(["complete", "aborted", "error", "crisis", "refused"]).optional(),
    citations: z
      .array(
        z.object({
          chunkId: z.string(),
          documentId: z.string(),
          title: z.string(),
          section: z.string(),
        }),
      )
      .optional(),
    route: z.unknown().optional().openapi({ description: "The Router's decision" }),
    safety: z.array(z.unknown()).optional().openapi({ description: "Safety decisions" }),
    model: z.string().optional(),
    usage: z.unknown().optional().openapi({ description: "Token usage of the turn" }),
    executionArn: z.string().optional(),
  })
  .openapi("Message");

const IdParamSchema = z.object({
  id: z
    .string()
    .max(64)
    .openapi({ param: { name: "id", in: "path" } }),
});

const MessagesQuerySchema = PageQuerySchema.extend({
  order: z.enum(["oldest", "newest"]).default("oldest"),
});

const create = createRoute({
  method: "post",
  path: "/v1/sessions",
  request: {
    body: { ...jsonBody(z.object({ title: TitleSchema.optional() })), required: false },
  },
  responses: {
    201: jsonContent(SessionSchema, "The new, empty session"),
    ...errorResponses(400, 401, 413, 415),
  },
});

const list = createRoute({
  method: "get",
  path: "/v1/sessions",
  request: { query: PageQuerySchema },
  responses: {
    200: jsonContent(pageOf(SessionSchema), "The user's sessions, most recently active first"),
    ...errorResponses(400, 401),
  },
});

const get = createRoute({
  method: "get",
  path: "/v1/sessions/{id}",
  request: { params: IdParamSchema },
  responses: {
    200: jsonContent(SessionSchema, "The session"),
    ...errorResponses(400, 401, 404),
  },
});

const rename = createRoute({
  method: "patch",
  path: "/v1/sessions/{id}",
  request: { params: IdParamSchema, body: jsonBody(z.object({ title: TitleSchema })) },
  responses: {
    200: jsonContent(SessionSchema, "The renamed session"),
    ...errorResponses(400, 401, 404, 413, 415),
  },
});

const remove = createRoute({
  method: "delete",
  path: "/v1/sessions/{id}",
  request: { params: IdParamSchema },
  responses: { ...NO_CONTENT, ...errorResponses(400, 401, 404) },
});

const messages = createRoute({
  method: "get",
  path: "/v1/sessions/{id}/messages",
  request: { params: IdParamSchema, query: MessagesQuerySchema },
  responses: {
    200: jsonContent(pageOf(MessageSchema), "The session's messages, oldest first by default"),
    ...errorResponses(400, 401, 404),
  },
});

/** The store keeps the owner's id on the session; the owner is the caller, so it stays inside. */
const toPublicSession = ({ id, title, createdAt, updatedAt }: Session) => ({
  id,
  title,
  createdAt,
  updatedAt,
});

/** Null from the store means missing or someone else's: both answer the same 404. */
function found<T>(value: T | null | false): T {
  if (value === null || value === false) throw new SessionNotFoundError();
  return value;
}

/** `POST/GET /v1/sessions`, `GET/PATCH/DELETE /v1/sessions/{id}`, `GET /v1/sessions/{id}/messages`. */
export function sessionRoutes(sessions: SessionStore) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(create, async (c) => {
      const { title = DEFAULT_TITLE } = c.req.valid("json");
      return c.json(toPublicSession(await sessions.createSession(c.get("userId"), title)), 201);
    })
    .openapi(list, async (c) => {
      const page = await sessions.listSessions(c.get("userId"), c.req.valid("query"));
      return c.json({ ...page, items: page.items.map(toPublicSession) }, 200);
    })
    .openapi(get, async (c) => {
      const session = await sessions.getSession(c.get("userId"), c.req.valid("param").id);
      return c.json(toPublicSession(found(session)), 200);
    })
    .openapi(rename, async (c) => {
      const { id } = c.req.valid("param");
      const renamed = await sessions.renameSession(c.get("userId"), id, c.req.valid("json").title);
      return c.json(toPublicSession(found(renamed)), 200);
    })
    .openapi(remove, async (c) => {
      found(await sessions.deleteSession(c.get("userId"), c.req.valid("param").id));
      return c.body(null, 204);
    })
    .openapi(messages, async (c) => {
      const { order, ...page } = c.req.valid("query");
      const result = await sessions.listMessages(c.get("userId"), c.req.valid("param").id, {
        ...page,
        newestFirst: order === "newest",
      });
      return c.json(found(result), 200);
    });
}
