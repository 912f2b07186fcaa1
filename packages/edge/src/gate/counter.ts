import type { Logger } from "@wwhd/core/ports/logger.ts";
import type {
  Quota,
  QuotaAdmission,
  RateLimiter,
  RateLimitResult,
  RateLimitRule,
} from "@wwhd/core/ports/rate-limiter.ts";

export interface CountRequest {
  key: string;
  rule: RateLimitRule;
  /** Check the daily quota and reserve this many tokens for the user. */
  quota?: { userId: string; day: string; reserve: number };
}

export type CountOutcome =
  | { kind: "admitted"; rate: RateLimitResult; admission?: QuotaAdmission; degraded: boolean }
  | { kind: "rate_limited"; rate: RateLimitResult }
  | { kind: "quota_exhausted"; rate: RateLimitResult; admission: QuotaAdmission }
  | { kind: "unavailable" };

export interface CounterDeps {
  limiter: RateLimiter;
  quota: Quota;
  /** Per-instance limiter used instead of `limiter` when it fails and the policy is `open`. */
  floor: RateLimiter;
  failPolicy: "open" | "closed";
  timeoutMs: number;
  logger?: Logger;
}

class Timeout extends Error {}

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Timeout(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/**
 * Counts a request against its rate limit and, for chat turns, reserves quota, in one Redis round
 * trip: both calls are issued in the same tick, so @upstash/redis auto-pipelining sends them as
 * one `/pipeline` request. Any failure or a slow answer applies the failure policy; nothing here
 * turns into a 500. A request counted after the deadline stays counted (erring on the side of the
 * limit); a reservation that lands late is given back.
 */
export function createCounter(deps: CounterDeps) {
  async function refund(request: CountRequest, admission: QuotaAdmission | undefined) {
    if (!request.quota || !admission?.admitted) return;
    const { userId, day } = request.quota;
    await deps.quota.add(userId, day, -admission.reserved).catch((error: unknown) => {
      deps.logger?.warn("quota refund failed", { error: String(error) });
    });
  }

  async function decide(request: CountRequest, rate: RateLimitResult, admission?: QuotaAdmission) {
    if (!rate.success) {
      await refund(request, admission);
      return { kind: "rate_limited", rate } as const;
    }
    if (admission && !admission.admitted)
      return { kind: "quota_exhausted", rate, admission } as const;
    return { kind: "admitted", rate, ...(admission && { admission }), degraded: false } as const;
  }

  return async function count(request: CountRequest): Promise<CountOutcome> {
    const rate = deps.limiter.limit(request.key, request.rule);
    const admission = request.quota
      ? deps.quota.reserve(request.quota.userId, request.quota.day, request.quota.reserve)
      : undefined;
    let answers: [RateLimitResult, QuotaAdmission | undefined];
    try {
      answers = await withDeadline(Promise.all([rate, admission]), deps.timeoutMs);
    } catch (error) {
      deps.logger?.warn("rate limiter unavailable", {
        policy: deps.failPolicy,
        error: String(error),
      });
      // A reservation that lands after the deadline is given back: the request went on without it.
      admission?.then((late) => refund(request, late)).catch(() => {});
      if (deps.failPolicy === "closed") return { kind: "unavailable" };
      const floor = await deps.floor.limit(request.key, request.rule);
      return floor.success
        ? { kind: "admitted", rate: floor, degraded: true }
        : { kind: "rate_limited", rate: floor };
    }
    return decide(request, ...answers);
  };
}

export type Counter = ReturnType<typeof createCounter>;
