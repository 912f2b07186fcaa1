import { z } from "zod";

import { RegistrationSchema } from "../auth/credentials.ts";
import { adapterEnvShape, checkAdapterEnv } from "./adapter-config.ts";
import { gateEnvShape } from "./gate-env.ts";
import { parseEnv } from "./parse-env.ts";

export { ConfigError } from "./parse-env.ts";

/**
 * Every environment variable the service reads, validated once at start-up. With nothing set,
 * everything runs on the embedded defaults (no keys, no network).
 */
const EnvSchema = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65_535).default(8787),
    WWHD_DATA_DIR: z.string().min(1).default(".wwhd"),
    LOG_LEVEL: z.enum(["DEBUG", "INFO", "WARN", "ERROR", "SILENT"]).default("INFO"),
    WWHD_CORPUS_DIR: z.string().min(1).optional(),
    /** A JSON file with the Interpreter's persona: name, voice, principles. */
    WWHD_PERSONA_FILE: z.string().min(1).optional(),
    /** `iss` of the access tokens this service signs and accepts. */
    WWHD_JWT_ISSUER: z.string().min(1).default("wwhd-local"),
    /** `aud` of the access tokens this service signs and accepts. */
    WWHD_JWT_AUDIENCE: z.string().min(1).default("wwhd-api"),
    /** Days sessions, messages and usage are kept after their last activity; unset = forever. */
    WWHD_SESSION_RETENTION_DAYS: z.coerce
      .number()
      .int("must be a whole number of days")
      .min(1, "must be at least 1 day")
      .max(3650, "must be at most 3650 days")
      .optional(),
    /** With WWHD_ADMIN_PASSWORD: the account made (or promoted to) admin at start-up. */
    WWHD_ADMIN_EMAIL: z.string().min(1).optional(),
    WWHD_ADMIN_PASSWORD: z.string().min(1).optional(),
    ...adapterEnvShape,
    ...gateEnvShape,
  })
  .superRefine((env, context) => {
    checkAdapterEnv(env, context);
    checkAdminEnv(env, context);
  });

export type Config = z.infer<typeof EnvSchema>;

function checkAdminEnv(
  {
    WWHD_ADMIN_EMAIL: email,
    WWHD_ADMIN_PASSWORD: password,
  }: { WWHD_ADMIN_EMAIL?: string; WWHD_ADMIN_PASSWORD?: string },
  context: z.RefinementCtx,
): void {
  if (email === undefined && password === undefined) return;
  if (email === undefined || password === undefined) {
    context.addIssue({
      code: "custom",
      path: [email === undefined ? "WWHD_ADMIN_EMAIL" : "WWHD_ADMIN_PASSWORD"],
      message: "set WWHD_ADMIN_EMAIL and WWHD_ADMIN_PASSWORD together, or neither",
    });
    return;
  }
  // The same rules as a registration, so the bootstrap cannot fail later at start-up.
  for (const issue of RegistrationSchema.safeParse({ email, password }).error?.issues ?? []) {
    const field = issue.path[0] === "email" ? "WWHD_ADMIN_EMAIL" : "WWHD_ADMIN_PASSWORD";
    context.addIssue({ code: "custom", path: [field], message: issue.message });
  }
}

/** The validated configuration; a `ConfigError` names each bad variable (secret values hidden). */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  return parseEnv(EnvSchema, env);
}
