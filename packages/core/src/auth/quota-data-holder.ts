import type { Clock } from "../ports/clock.ts";
import { type Quota, quotaDay } from "../ports/rate-limiter.ts";
import type { PersonalDataHolder } from "../ports/session-store.ts";

const DAY_MS = 86_400_000;

/**
 * The user's token quota joins the export and the erasure. Usage counters live two days at most
 * (today's, and yesterday's for turns that settled after midnight), so those are the ones erased.
 */
export function createQuotaDataHolder(deps: { quota: Quota; clock: Clock }): PersonalDataHolder {
  const liveDays = () => [quotaDay(deps.clock.now()), quotaDay(deps.clock.now() - DAY_MS)];
  return {
    dataName: "quota",
    async exportUserData(userId) {
      const [today] = liveDays();
      return {
        dailyLimit: await deps.quota.dailyLimit(userId),
        usedToday: await deps.quota.used(userId, today as string),
      };
    },
    eraseUserData: (userId) => deps.quota.forget(userId, liveDays()),
  };
}
