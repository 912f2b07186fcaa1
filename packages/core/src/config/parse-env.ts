import type { z } from "zod";

/** Variables whose values must never appear in an error message or a log. */
const SECRET = /KEY|TOKEN|PASSWORD|SECRET|JWKS/;

/** A configuration error that names the offending variable(s). */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

function shown(name: string, value: string | undefined): string {
  if (SECRET.test(name) && value !== undefined) return "(value hidden)";
  return `(got ${JSON.stringify(value)})`;
}

/** Validates environment variables against a schema, failing with every bad variable named. */
export function parseEnv<Schema extends z.ZodType>(
  schema: Schema,
  env: Record<string, string | undefined>,
): z.infer<Schema> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const name = String(issue.path[0]);
    return `${issue.path.join(".")}: ${issue.message} ${shown(name, env[name])}`;
  });
  throw new ConfigError(`Invalid configuration:\n  ${problems.join("\n  ")}`);
}
