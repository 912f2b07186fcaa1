import type { PersonalDataHolder } from "../ports/session-store.ts";

/** `GET /v1/me/export` and `DELETE /v1/me`: one routine over every store holding user data. */
export interface PersonalDataService {
  /** Each holder's data under its `dataName`. */
  exportAll(userId: string): Promise<Record<string, unknown>>;
  eraseAll(userId: string): Promise<void>;
}

/**
 * Holders are erased one after the other, in the order given: put the session store (the
 * account itself) last, so that a failure leaves the account in place and the user can retry.
 */
export function createPersonalDataService(holders: PersonalDataHolder[]): PersonalDataService {
  return {
    async exportAll(userId) {
      const sections = await Promise.all(
        holders.map(async (holder) => [holder.dataName, await holder.exportUserData(userId)]),
      );
      return Object.fromEntries(sections);
    },
    async eraseAll(userId) {
      for (const holder of holders) await holder.eraseUserData(userId);
    },
  };
}
