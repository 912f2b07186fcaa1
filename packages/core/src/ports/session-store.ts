import type { Passage } from "../domain/passage.ts";
import type { RouteDecision } from "../domain/route-decision.ts";
import type { SafetyDecision } from "../domain/safety-decision.ts";
import type { TokenUsage } from "../domain/token-usage.ts";
import type { HealthReporter } from "./adapter-health.ts";

export interface Session {
  id: string;
  userId: string;
  title: string;
  createdAt: string;
  updatedAt: string;
}

export type TurnStatus = "complete" | "aborted" | "error" | "crisis" | "refused";

export interface StoredMessage {
  id: string;
  sessionId: string;
  role: "user" | "assistant";
  text: string;
  createdAt: string;
  turnId: string;
  /** Assistant messages only. */
  status?: TurnStatus;
  citations?: Pick<Passage, "chunkId" | "documentId" | "title" | "section">[];
  route?: RouteDecision;
  safety?: SafetyDecision[];
  model?: string;
  usage?: TokenUsage;
  executionArn?: string;
}

/** A whole chat turn, written atomically; `turnId` doubles as the idempotency key. */
export interface TurnRecord {
  userId: string;
  sessionId: string;
  turnId: string;
  user: StoredMessage;
  assistant: StoredMessage;
}

/**
 * Users, sessions, messages, usage and refresh tokens. The production adapter is DynamoDB
 * (single table); the embedded default is the same adapter against DynamoDB Local.
 */
export interface SessionStore extends HealthReporter {
  getSession(userId: string, sessionId: string): Promise<Session | null>;
  createSession(userId: string, title: string): Promise<Session>;
  /** The session's most recent messages, oldest first. */
  recentMessages(userId: string, sessionId: string, limit: number): Promise<StoredMessage[]>;
  /** Writes both messages and the usage atomically; a repeated `turnId` writes nothing. */
  saveTurn(turn: TurnRecord): Promise<void>;
}
