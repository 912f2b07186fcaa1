import { z } from "@hono/zod-openapi";

/** The body of every error response (see `errors.ts`). */
export const ErrorSchema = z
  .object({ code: z.string(), message: z.string(), details: z.unknown().optional() })
  .openapi("Error");

const ERROR_DESCRIPTIONS = {
  400: "Invalid JSON, request or cursor (`details` names each offending field)",
  401: "Missing, invalid or expired credentials (with a `WWW-Authenticate` challenge)",
  403: "The access token lacks the role this route needs",
  404: "Not found (another user's data answers exactly like missing data)",
  409: "Conflicts with existing data",
  413: "The body is over the size limit",
  415: "The body is not JSON",
} as const;

type ErrorStatus = keyof typeof ERROR_DESCRIPTIONS;

export const jsonContent = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

/** A required JSON request body. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { "application/json": { schema } },
});

/** The `responses` entries of the error statuses a route can answer. */
export function errorResponses<const S extends ErrorStatus>(...statuses: S[]) {
  return Object.fromEntries(
    statuses.map((status) => [status, jsonContent(ErrorSchema, ERROR_DESCRIPTIONS[status])]),
  ) as { [K in S]: ReturnType<typeof jsonContent<typeof ErrorSchema>> };
}

export const NO_CONTENT = { 204: { description: "Done; no body" } } as const;
