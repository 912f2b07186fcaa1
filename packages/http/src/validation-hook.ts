import type { Context } from "hono";

interface ValidationResult {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string; code: string }[] };
}

/**
 * The `defaultHook` of every OpenAPIHono app: a failed zod validation answers 400 with
 * `{code: "invalid_request", message, details}` naming each offending field.
 */
export function validationHook(result: ValidationResult, c: Context): Response | undefined {
  if (result.success || !result.error) return undefined;
  const details = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join("."),
    message: issue.message,
    code: issue.code,
  }));
  const message = details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)).join("; ");
  return c.json({ code: "invalid_request", message, details }, 400);
}
