import { createMemoryQuota } from "@wwhd/adapters/rate-limiter/memory-quota.ts";
import { createMemoryRateLimiter } from "@wwhd/adapters/rate-limiter/memory-rate-limiter.ts";
import type { Quota, RateLimiter } from "@wwhd/core/ports/rate-limiter.ts";
import { Hono } from "hono";
import { createGate, type Gate, type GateDeps } from "../../src/gate/create-gate.ts";
import { parseGateConfig } from "../../src/gate/gate-config.ts";
import type { GateEnv } from "../../src/gate/gate-env.ts";
import { AUDIENCE, ISSUER, type TestIssuer } from "./tokens.ts";

export interface GateTestApp {
  app: Hono<GateEnv>;
  gate: Gate;
  limiter: RateLimiter;
  quota: Quota;
  /** How many requests reached a route behind the gate. */
  handled: () => number;
}

/** Tokens a test chat turn reports having used. */
export const TURN_TOKENS = 700;

/**
 * A Hono app with the gate in front of routes shaped like the real ones. The chat route claims
 * its quota ticket and settles it with TURN_TOKENS, as the chat function does.
 */
export function createGateTestApp(
  issuer: TestIssuer,
  env: Record<string, string> = {},
  deps: Partial<GateDeps> = {},
): GateTestApp {
  const config = parseGateConfig(env);
  const clock = deps.clock ?? { now: () => Date.now() };
  const limiter = deps.limiter ?? createMemoryRateLimiter(clock);
  const quota = deps.quota ?? createMemoryQuota({ defaultDailyLimit: config.dailyTokenQuota });
  const gate = createGate(config, {
    jwks: issuer.jwks,
    issuer: ISSUER,
    audience: AUDIENCE,
    floor: createMemoryRateLimiter(clock),
    ...deps,
    limiter,
    quota,
  });
  let handled = 0;
  const app = new Hono<GateEnv>();
  app.use("*", gate.middleware);
  app.use("*", async (_c, next) => {
    handled++;
    await next();
  });
  app.post("/v1/chat", async (c) => {
    const body = (await c.req.json().catch(() => null)) as { message?: string } | null;
    if (!body?.message)
      return c.json({ code: "invalid_request", message: "message is required" }, 400);
    const ticket = c.get("quotaTicket");
    ticket?.claim();
    await ticket?.settle(TURN_TOKENS);
    return c.json({ userId: c.get("userId") });
  });
  app.get("/v1/me", (c) => c.json({ userId: c.get("userId"), roles: c.get("identity")?.roles }));
  app.post("/v1/auth/login", async (c) => {
    const { email, password } = await c.req.json<{ email: string; password: string }>();
    const blocked = await gate.loginGuard.attempt(c, email);
    if (blocked) return blocked;
    if (password !== "right") return c.json({ code: "invalid_credentials", message: "no" }, 401);
    await gate.loginGuard.succeeded(email);
    return c.json({ ok: true });
  });
  app.get("/health", (c) => c.json({ status: "ok" }));
  return { app, gate, limiter, quota, handled: () => handled };
}
