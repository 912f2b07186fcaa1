import type { AdapterHealth } from "@wwhd/core/ports/adapter-health.ts";
import type { Quota, QuotaAdmission } from "@wwhd/core/ports/rate-limiter.ts";

export interface MemoryQuotaOptions {
  /** Tokens per user per UTC day unless an admin set an override. */
  defaultDailyLimit: number;
}

/** In-process daily quota with the semantics of the Upstash adapter (the local default). */
export function createMemoryQuota(options: MemoryQuotaOptions): Quota {
  const usedByDay = new Map<string, Map<string, number>>();
  const overrides = new Map<string, number>();

  /** Only the latest day (and the one before, for requests in flight at midnight) is kept. */
  function dayTotals(day: string): Map<string, number> {
    let totals = usedByDay.get(day);
    if (!totals) {
      totals = new Map();
      usedByDay.set(day, totals);
      const days = [...usedByDay.keys()].sort();
      for (const old of days.slice(0, -2)) usedByDay.delete(old);
    }
    return totals;
  }

  const dailyLimitOf = (userId: string) => overrides.get(userId) ?? options.defaultDailyLimit;

  async function add(userId: string, day: string, tokens: number): Promise<number> {
    const totals = dayTotals(day);
    const total = (totals.get(userId) ?? 0) + tokens;
    totals.set(userId, total);
    return total;
  }

  return {
    async used(userId, day) {
      return dayTotals(day).get(userId) ?? 0;
    },
    async reserve(userId, day, tokens): Promise<QuotaAdmission> {
      const used = dayTotals(day).get(userId) ?? 0;
      const limit = dailyLimitOf(userId);
      if (used >= limit) return { admitted: false, used, limit, reserved: 0 };
      return { admitted: true, used: await add(userId, day, tokens), limit, reserved: tokens };
    },
    add,
    async dailyLimit(userId) {
      return dailyLimitOf(userId);
    },
    async setDailyLimit(userId, limit) {
      if (limit === null) overrides.delete(userId);
      else overrides.set(userId, limit);
    },
    async forget(userId, days) {
      overrides.delete(userId);
      for (const day of days) usedByDay.get(day)?.delete(userId);
    },
    async health(): Promise<AdapterHealth> {
      return { kind: "memory", status: "ok" };
    },
  };
}
