import type { Clock } from "@wwhd/core/ports/clock.ts";
import type { RateLimiter } from "@wwhd/core/ports/rate-limiter.ts";
import type { Context } from "hono";
import type { Counter } from "./counter.ts";
import { limiterUnavailable, rateLimited } from "./responses.ts";

const FIFTEEN_MINUTES = 15 * 60_000;

export interface LoginGuardDeps {
  /** The gate's counter (same limiter, floor and failure policy). */
  count: Counter;
  limiter: RateLimiter;
  failuresPer15Min: number;
  clock: Clock;
}

/** Account names are e-mail addresses: only their hash reaches Redis keys. */
async function accountKey(account: string): Promise<string> {
  const bytes = new TextEncoder().encode(account.trim().toLowerCase());
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return `login:${Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("")}`;
}

/**
 * Per-account limit on failed logins, on top of the per-IP limit of `/v1/auth/*`. Each attempt
 * is counted before the password is checked (atomically, so parallel guesses cannot slip
 * through) and a successful login clears the count, so what is limited is failures in a row.
 *
 *   const blocked = await guard.attempt(c, email); if (blocked) return blocked;
 *   ...check the password...; if (ok) await guard.succeeded(email);
 */
export function createLoginGuard(deps: LoginGuardDeps) {
  const rule = { limit: deps.failuresPer15Min, windowMs: FIFTEEN_MINUTES };
  return {
    /** A 429 (or 503 when failing closed) to return as is, or undefined to go on. */
    async attempt(c: Context, account: string): Promise<Response | undefined> {
      const outcome = await deps.count({ key: await accountKey(account), rule });
      if (outcome.kind === "unavailable") return limiterUnavailable(c);
      if (outcome.kind === "rate_limited") return rateLimited(c, outcome.rate, deps.clock.now());
      return undefined;
    },
    async succeeded(account: string): Promise<void> {
      await deps.limiter.reset(await accountKey(account), rule).catch(() => {
        // Not clearing only means the earlier failures expire on their own.
      });
    },
  };
}

export type LoginGuard = ReturnType<typeof createLoginGuard>;
