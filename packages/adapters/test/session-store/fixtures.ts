import type { SessionStore, TurnRecord } from "@wwhd/core/ports/session-store.ts";
import { ulid } from "ulid";

let registered = 0;

/** A user with a unique address (the password hash is opaque to the store). */
export function registerUser(store: SessionStore, email = `user${++registered}@example.com`) {
  return store.createUser({
    email,
    roles: ["user"],
    passwordHash: "scrypt$16384$8$1$c2FsdA$aGFzaA",
  });
}

export function makeTurn(
  userId: string,
  sessionId: string,
  options: { turnId?: string; at?: string; question?: string } = {},
): TurnRecord {
  const turnId = options.turnId ?? ulid();
  const base = { sessionId, turnId, createdAt: options.at ?? new Date().toISOString() };
  return {
    userId,
    sessionId,
    turnId,
    user: {
      ...base,
      id: `${turnId}-u`,
      role: "user",
      text: options.question ?? "How do I breathe?",
    },
    assistant: {
      ...base,
      id: `${turnId}-a`,
      role: "assistant",
      text: "Slowly, from the belly [1].",
      status: "complete",
      citations: [{ chunkId: "c1", documentId: "d1", title: "Breath", section: "Basics" }],
      route: {
        intent: "question",
        namespaces: [{ id: "qigong", confidence: 0.9 }],
        needsRetrieval: true,
        decidedBy: "local",
      },
      safety: [{ stage: "output", category: "health", action: "disclaim" }],
      model: "local-extractive",
      usage: { promptTokens: 120, completionTokens: 30, source: "tokenizer" },
      executionArn: `local:ChatTurn:${turnId}`,
    },
  };
}
