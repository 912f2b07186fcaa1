import { Redis } from "@upstash/redis/cloudflare";
import { GATE_REDIS_OPTIONS, selectLimiters } from "@wwhd/adapters/rate-limiter/select-limiters.ts";
import { parseEnv } from "@wwhd/core/config/parse-env.ts";
import type { ExecutionContext, Hono } from "hono";
import { createRemoteJWKSet } from "jose";
import { minLength, object, string, url } from "zod/mini";
import { type GateConfig, parseGateConfig } from "./gate/gate-config.ts";
import type { GateEnv } from "./gate/gate-env.ts";
import { createEdgeProxy } from "./proxy/edge-proxy.ts";

/** What the Worker needs beyond the gate's own variables (see gate-config.ts). */
const WorkerEnvSchema = object({
  ORIGIN_URL: url(),
  /** The auth service's `/.well-known/jwks.json`; jose caches it and refetches on unknown kids. */
  JWKS_URL: url(),
  JWT_ISSUER: string().check(minLength(1)),
  JWT_AUDIENCE: string().check(minLength(1)),
  EDGE_ASSERTION_SECRET: string().check(minLength(32)),
});

type Bindings = Record<string, unknown>;

const stringsOf = (env: Bindings) =>
  Object.fromEntries(
    Object.entries(env).filter(([, value]) => typeof value === "string"),
  ) as Record<string, string>;

function limitersFor(config: GateConfig) {
  return selectLimiters({
    // Without Upstash each isolate counts alone: fine for a preview, not for production.
    redis: config.upstash && new Redis({ ...config.upstash, ...GATE_REDIS_OPTIONS }),
    dailyTokenQuota: config.dailyTokenQuota,
    keyPrefix: config.redisKeyPrefix,
    clock: { now: () => Date.now() },
  });
}

function buildProxy(env: Bindings): Hono<GateEnv> {
  const variables = stringsOf(env);
  const config = parseGateConfig(variables);
  const worker = parseEnv(WorkerEnvSchema, variables, "edge worker");
  return createEdgeProxy(config, {
    ...limitersFor(config),
    origin: worker.ORIGIN_URL,
    assertionSecret: worker.EDGE_ASSERTION_SECRET,
    jwks: createRemoteJWKSet(new URL(worker.JWKS_URL)),
    issuer: worker.JWT_ISSUER,
    audience: worker.JWT_AUDIENCE,
  });
}

/** Bindings are fixed per deployment, so the proxy (and its JWKS cache) lives as long as the isolate. */
let built: { env: Bindings; proxy: Hono<GateEnv> } | undefined;

export default {
  fetch(request: Request, env: Bindings, ctx: ExecutionContext): Response | Promise<Response> {
    try {
      if (built?.env !== env) built = { env, proxy: buildProxy(env) };
    } catch (error) {
      // Names the offending variables, never their values.
      console.error("edge proxy misconfigured:", error instanceof Error ? error.message : error);
      return Response.json(
        { code: "edge_misconfigured", message: "The edge is misconfigured" },
        { status: 503 },
      );
    }
    return built.proxy.fetch(request, env, ctx);
  },
};
