import type { ChatMessage } from "./chat-message.ts";
import type { Passage } from "./passage.ts";
import type { RouteDecision } from "./route-decision.ts";

/**
 * The JSON document the ChatTurn workflow carries from state to state. Each Task writes its
 * result into its own field (ASL `ResultPath`), so an operator reading the execution history
 * sees what every agent decided.
 */
export interface TurnInput {
  turnId: string;
  mode: "stream" | "full";
  userId: string;
  sessionId: string;
  /** The user's message, already screened and PII-redacted by the Safety agent. */
  message: string;
  /** The session's recent messages, oldest first (also redacted). */
  history: ChatMessage[];
}

export interface Retrieval {
  passages: Passage[];
  /** True when the vector store failed and the turn went on without knowledge. */
  degraded: boolean;
}

export interface Plan {
  messages: ChatMessage[];
  /** The passages cited in the prompt, in citation order: [1] is sources[0]. */
  sources: Passage[];
  maxOutputTokens: number;
  promptTokens: number;
}

export interface TurnState extends TurnInput {
  route?: RouteDecision;
  retrieval?: Retrieval;
  plan?: Plan;
}

/** What the stream-mode workflow hands back to the chat function. */
export type PlannedTurn = TurnState & { route: RouteDecision; retrieval: Retrieval; plan: Plan };
