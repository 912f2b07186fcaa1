import { z } from "zod";

/**
 * Every environment variable the service reads, validated once at start-up. With nothing set,
 * everything runs on the embedded defaults (no keys, no network).
 */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65_535).default(8787),
  WWHD_DATA_DIR: z.string().min(1).default(".wwhd"),
  LOG_LEVEL: z.enum(["DEBUG", "INFO", "WARN", "ERROR", "SILENT"]).default("INFO"),
  WWHD_WORKFLOW: z.enum(["local"]).default("local"),
  WWHD_CORPUS_DIR: z.string().min(1).optional(),
});

export type Config = z.infer<typeof EnvSchema>;

/** A configuration error that names the offending variable(s). */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map(
    (issue) =>
      `${issue.path.join(".")}: ${issue.message} (got ${JSON.stringify(env[String(issue.path[0])])})`,
  );
  throw new ConfigError(`Invalid configuration:\n  ${problems.join("\n  ")}`);
}
