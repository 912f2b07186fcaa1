/**
 * Environment validation shared by every runtime, the edge Worker included: this module has no
 * runtime dependency, so it adds nothing to a bundle beyond the schema it is given (classic zod
 * or zod/mini alike).
 */

/** Variables whose values must never appear in an error message or a log. */
const SECRET = /KEY|TOKEN|PASSWORD|SECRET|JWKS/;

/** A configuration error that names the offending variable(s). */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

/** What parseEnv needs of a schema: zod's `safeParse`. */
export interface EnvSchema<T> {
  safeParse(input: unknown):
    | { success: true; data: T }
    | {
        success: false;
        error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] };
      };
}

function shown(name: string, value: string | undefined): string {
  if (SECRET.test(name) && value !== undefined) return "(value hidden)";
  return `(got ${JSON.stringify(value)})`;
}

/** Validates environment variables against a schema, failing with every bad variable named. */
export function parseEnv<T>(
  schema: EnvSchema<T>,
  env: Record<string, string | undefined>,
  what = "",
): T {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const name = String(issue.path[0]);
    return `${issue.path.map(String).join(".")}: ${issue.message} ${shown(name, env[name])}`;
  });
  throw new ConfigError(
    `Invalid ${what ? `${what} ` : ""}configuration:\n  ${problems.join("\n  ")}`,
  );
}
