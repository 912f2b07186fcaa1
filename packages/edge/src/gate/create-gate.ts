import { createAccessTokenVerifier } from "@wwhd/core/auth/access-token-verifier.ts";
import { AuthenticationError } from "@wwhd/core/auth/auth-errors.ts";
import type { Clock } from "@wwhd/core/ports/clock.ts";
import type { Logger } from "@wwhd/core/ports/logger.ts";
import { type Quota, quotaDay, type RateLimiter } from "@wwhd/core/ports/rate-limiter.ts";
import type { Context, MiddlewareHandler, Next } from "hono";
import { bodyLimit } from "hono/body-limit";
import { every } from "hono/combine";
import { cors } from "hono/cors";
import { requestId } from "hono/request-id";
import type { JWTVerifyGetKey } from "jose";
import { type AccessIdentity, AuthenticationFailure, bearerToken } from "./access-token.ts";
import { ASSERTION_HEADER, type GateAssertion, verifyAssertion } from "./assertion.ts";
import { defaultClientIp } from "./client-ip.ts";
import { type CountOutcome, type CountRequest, createCounter } from "./counter.ts";
import type { GateConfig } from "./gate-config.ts";
import type { GateEnv } from "./gate-env.ts";
import { createLoginGuard, type LoginGuard } from "./login-guard.ts";
import { QuotaTicket } from "./quota-ticket.ts";
import {
  errorJson,
  limiterUnavailable,
  quotaExhausted,
  rateLimited,
  rateLimitHeaders,
} from "./responses.ts";
import { defaultRouteRules, type RouteRule, ruleFor } from "./route-rules.ts";

export interface GateDeps {
  /** `createRemoteJWKSet(url)` (cached by jose) or `createLocalJWKSet(jwks)`. */
  jwks: JWTVerifyGetKey;
  issuer: string;
  audience: string;
  limiter: RateLimiter;
  quota: Quota;
  /** A per-instance in-memory limiter: the floor when `limiter` fails under fail-open. */
  floor: RateLimiter;
  clock?: Clock;
  logger?: Logger;
  clientIp?: (request: Request) => string;
  routes?: RouteRule[];
  allowedMethods?: string[];
}

export interface Gate {
  /** Mount first: `app.use("*", gate.middleware)`. */
  middleware: MiddlewareHandler<GateEnv>;
  /** Per-account failed-login limit for the login route. */
  loginGuard: LoginGuard;
}

const MINUTE = 60_000;
const DEFAULT_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
const EXPOSED_HEADERS = [
  "x-request-id",
  "x-turn-id",
  "Retry-After",
  "RateLimit-Limit",
  "RateLimit-Remaining",
  "RateLimit-Reset",
];

function unauthorized(c: Context, failure: AuthenticationFailure): Response {
  const challenge = failure.error
    ? `Bearer realm="wwhd", error="${failure.error}", error_description="${failure.message}"`
    : `Bearer realm="wwhd"`;
  return errorJson(c, 401, failure.error ?? "missing_token", failure.message, {
    "WWW-Authenticate": challenge,
  });
}

const invalidAssertion = (c: Context) =>
  errorJson(c, 403, "invalid_assertion", "The edge assertion is forged, expired or misplaced");

/**
 * The gate in front of every route, written against Web standards only so the same middleware
 * runs in the origin functions and in the edge proxy: request id, CORS, method allow-list, access
 * token, rate limits and daily quota (or a valid edge assertion instead of counting twice), then
 * the body-size limit.
 */
export function createGate(config: GateConfig, deps: GateDeps): Gate {
  const clock = deps.clock ?? { now: () => Date.now() };
  const routes = deps.routes ?? defaultRouteRules;
  const clientIp = deps.clientIp ?? defaultClientIp;
  const allowedMethods = deps.allowedMethods ?? DEFAULT_METHODS;
  const verify = createAccessTokenVerifier({
    jwks: deps.jwks,
    issuer: deps.issuer,
    audience: deps.audience,
    clock,
  });
  const count = createCounter({
    limiter: deps.limiter,
    quota: deps.quota,
    floor: deps.floor,
    failPolicy: config.failPolicy,
    timeoutMs: config.redisTimeoutMs,
    ...(deps.logger && { logger: deps.logger }),
  });
  const perMinute = {
    chat: config.limits.chatPerMin,
    api: config.limits.apiPerMin,
    auth: config.limits.authPerMin,
  };
  const limitBody = bodyLimit({
    maxSize: config.bodyLimitBytes,
    onError: (c) =>
      errorJson(
        c,
        413,
        "payload_too_large",
        `Bodies are limited to ${config.bodyLimitBytes} bytes`,
      ),
  });

  /** `undefined`: no assertion (or none trusted here); `null`: one that does not verify. */
  async function readAssertion(c: Context, now: number): Promise<GateAssertion | null | undefined> {
    const token = c.req.header(ASSERTION_HEADER);
    if (!token || !config.assertionSecret) return undefined;
    const request = { method: c.req.method, path: c.req.path };
    return verifyAssertion(token, config.assertionSecret, request, now).catch(() => null);
  }

  function countRequestFor(
    rule: RouteRule,
    identity: AccessIdentity | undefined,
    c: Context,
    now: number,
  ): CountRequest | undefined {
    if (!rule.limit) return undefined;
    const who = identity ? `user:${identity.userId}` : `ip:${clientIp(c.req.raw)}`;
    return {
      key: `${rule.limit}:${who}`,
      rule: { limit: perMinute[rule.limit], windowMs: MINUTE },
      ...(rule.quota &&
        identity && {
          quota: { userId: identity.userId, day: quotaDay(now), reserve: config.turnReserveTokens },
        }),
    };
  }

  const ticketFor = (userId: string, quota: { day: string; reserved: number } | undefined) =>
    quota && new QuotaTicket(deps.quota, userId, quota.day, quota.reserved, deps.logger);

  function rejection(
    c: Context,
    outcome: Exclude<CountOutcome, { kind: "admitted" }>,
    now: number,
  ): Response {
    if (outcome.kind === "unavailable") return limiterUnavailable(c);
    if (outcome.kind === "rate_limited") return rateLimited(c, outcome.rate, now);
    return quotaExhausted(c, outcome.admission.limit, now);
  }

  /** The caller's identity, or the 401/403 to answer with. */
  async function authenticate(
    c: Context<GateEnv>,
    rule: RouteRule,
    assertion: GateAssertion | undefined,
  ): Promise<AccessIdentity | undefined | Response> {
    if (!rule.authenticate) return undefined;
    const token = bearerToken(c.req.header("authorization"));
    if (!token)
      return unauthorized(c, new AuthenticationFailure("A bearer access token is required"));
    let identity: AccessIdentity;
    try {
      const claims = await verify(token);
      identity = { userId: claims.sub, roles: claims.roles };
    } catch (error) {
      if (!(error instanceof AuthenticationError)) throw error;
      return unauthorized(c, new AuthenticationFailure(error.message, "invalid_token"));
    }
    if (assertion?.userId && assertion.userId !== identity.userId) return invalidAssertion(c);
    return identity;
  }

  /** Counts the request (unless the edge already did) into headers and a ticket, or a rejection. */
  async function admit(
    c: Context<GateEnv>,
    rule: RouteRule,
    identity: AccessIdentity | undefined,
    assertion: GateAssertion | undefined,
    now: number,
  ): Promise<{ headers: Record<string, string>; ticket?: QuotaTicket } | Response> {
    if (assertion) {
      return {
        headers: {},
        ...(identity && { ticket: ticketFor(identity.userId, assertion.quota) }),
      };
    }
    const request = countRequestFor(rule, identity, c, now);
    if (!request) return { headers: {} };
    const outcome = await count(request);
    if (outcome.kind !== "admitted") return rejection(c, outcome, now);
    // Admitted without a quota answer (Redis down, failing open): nothing was reserved, but the
    // turn's real count is still settled, so usage is recorded once Redis is back.
    const reservation = request.quota && {
      day: request.quota.day,
      reserved: outcome.admission?.reserved ?? 0,
    };
    return {
      headers: rateLimitHeaders(outcome.rate, now),
      ...(identity && { ticket: ticketFor(identity.userId, reservation) }),
    };
  }

  async function gate(c: Context<GateEnv>, next: Next): Promise<Response | undefined> {
    const now = clock.now();
    const rule = ruleFor(c.req.path, routes);
    const assertion = await readAssertion(c, now);
    if (assertion === null) return invalidAssertion(c);
    const identity = await authenticate(c, rule, assertion);
    if (identity instanceof Response) return identity;
    if (identity) c.set("userId", identity.userId);
    c.set("identity", identity);
    const admission = await admit(c, rule, identity, assertion, now);
    if (admission instanceof Response) return admission;
    c.set("quotaTicket", admission.ticket);
    let tooLarge: unknown;
    try {
      tooLarge = await limitBody(c, next);
    } finally {
      await admission.ticket?.release();
    }
    if (tooLarge instanceof Response) return tooLarge;
    const headers = { ...admission.headers, "x-request-id": c.get("requestId") };
    for (const [name, value] of Object.entries(headers)) c.header(name, value);
    return undefined;
  }

  return {
    middleware: every(
      requestId(),
      cors({
        origin: config.corsOrigins,
        allowHeaders: ["authorization", "content-type", "x-request-id"],
        exposeHeaders: EXPOSED_HEADERS,
        maxAge: 600,
      }),
      async (c: Context, next: Next) => {
        if (allowedMethods.includes(c.req.method)) return next();
        return errorJson(c, 405, "method_not_allowed", `${c.req.method} is not allowed`, {
          Allow: allowedMethods.join(", "),
        });
      },
      gate,
    ) as MiddlewareHandler<GateEnv>,
    loginGuard: createLoginGuard({
      count,
      limiter: deps.limiter,
      failuresPer15Min: config.limits.loginFailuresPer15Min,
      clock,
    }),
  };
}
