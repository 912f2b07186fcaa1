import type { Librarian } from "../agents/librarian/librarian.ts";
import type { PersonalDataHolder } from "../ports/session-store.ts";
import type { VectorStore } from "../ports/vector-store.ts";

export interface MemoryDataHolderDeps {
  librarian: Pick<Librarian, "forgetUser">;
  store: Pick<VectorStore, "count">;
}

/**
 * The Librarian's conversation memory (per-user points in the vector store) as a personal-data
 * holder, so account erasure forgets it too. Each remembered exchange is a copy of a question and
 * answer already exported with the sessions, so the export states how many there are rather than
 * repeating them (the vector store port has no listing by filter).
 */
export function createMemoryDataHolder(deps: MemoryDataHolderDeps): PersonalDataHolder {
  return {
    dataName: "memory",
    async exportUserData(userId) {
      return {
        rememberedExchanges: await deps.store.count("memory", { userId }),
        description: "Copies of your questions and answers (see your sessions), used as context",
      };
    },
    eraseUserData: (userId) => deps.librarian.forgetUser(userId),
  };
}
