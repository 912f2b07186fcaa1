import { createHash } from "node:crypto";
import type { ChunkPayload } from "../../ports/vector-store.ts";

export interface Exchange {
  userId: string;
  sessionId: string;
  turnId: string;
  /** Already screened and PII-redacted, like everything the Librarian receives. */
  question: string;
  answer: string;
}

export const MEMORY_NAMESPACE = "memory";

/** What is embedded and later shown to the Planner: the question and the answer given. */
export const exchangeText = (exchange: Exchange): string =>
  `Question: ${exchange.question}\nAnswer: ${exchange.answer}`;

/** One point per turn: remembering the same turn twice overwrites it. */
export const memoryPointId = (exchange: Exchange): string =>
  createHash("sha256")
    .update(`${exchange.userId}\u0000${exchange.turnId}`)
    .digest("hex")
    .slice(0, 32);

export function memoryPayload(exchange: Exchange, rememberedAt: string): ChunkPayload {
  return {
    documentId: `${MEMORY_NAMESPACE}/${exchange.sessionId}`,
    title: "Earlier conversation",
    section: rememberedAt,
    namespace: MEMORY_NAMESPACE,
    text: exchangeText(exchange),
    userId: exchange.userId,
    sessionId: exchange.sessionId,
    turnId: exchange.turnId,
  };
}
