import { gateEnvShape } from "@wwhd/core/config/gate-env.ts";
import { ConfigError, parseEnv } from "@wwhd/core/config/parse-env.ts";
import { type infer as Infer, object } from "zod/mini";

const GateEnvSchema = object(gateEnvShape);
export type GateEnv = Infer<typeof GateEnvSchema>;

export interface GateConfig {
  limits: {
    chatPerMin: number;
    apiPerMin: number;
    authPerMin: number;
    loginFailuresPer15Min: number;
  };
  dailyTokenQuota: number;
  turnReserveTokens: number;
  /** Absent: the in-memory limiter and quota (local default). */
  upstash?: { url: string; token: string };
  redisKeyPrefix: string;
  failPolicy: "open" | "closed";
  redisTimeoutMs: number;
  corsOrigins: string[];
  bodyLimitBytes: number;
  assertionSecret?: string;
}

/** Turns validated variables into the gate's configuration. */
export function toGateConfig(env: GateEnv): GateConfig {
  const { UPSTASH_REDIS_REST_URL: url, UPSTASH_REDIS_REST_TOKEN: token } = env;
  if (Boolean(url) !== Boolean(token)) {
    throw new ConfigError(
      "Set both UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN, or neither",
    );
  }
  return {
    limits: {
      chatPerMin: env.RATE_LIMIT_CHAT_PER_MIN,
      apiPerMin: env.RATE_LIMIT_API_PER_MIN,
      authPerMin: env.RATE_LIMIT_AUTH_PER_MIN,
      loginFailuresPer15Min: env.LOGIN_FAILURES_PER_15_MIN,
    },
    dailyTokenQuota: env.DAILY_TOKEN_QUOTA,
    turnReserveTokens: env.QUOTA_TURN_RESERVE_TOKENS,
    ...(url && token && { upstash: { url, token } }),
    redisKeyPrefix: env.REDIS_KEY_PREFIX,
    failPolicy: env.GATE_FAIL_POLICY,
    redisTimeoutMs: env.GATE_REDIS_TIMEOUT_MS,
    corsOrigins: env.CORS_ALLOWED_ORIGINS.split(",")
      .map((origin) => origin.trim())
      .filter(Boolean),
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    ...(env.EDGE_ASSERTION_SECRET && { assertionSecret: env.EDGE_ASSERTION_SECRET }),
  };
}

/** Validates the gate's variables once. */
export const parseGateConfig = (env: Record<string, string | undefined>): GateConfig =>
  toGateConfig(parseEnv(GateEnvSchema, env, "gate"));
