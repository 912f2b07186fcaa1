import type { ChatMessage } from "./chat-message.ts";
import type { Passage } from "./passage.ts";
import type { RouteDecision } from "./route-decision.ts";
import type { SafetyDecision } from "./safety-decision.ts";
import type { TokenUsage } from "./token-usage.ts";

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
  /** The input asked for a diagnosis or treatment: the answer must close with a referral. */
  medicalReferral?: boolean;
}

export interface Retrieval {
  passages: Passage[];
  /** True when the vector store failed and the turn went on without knowledge. */
  degraded: boolean;
  /** Passages the Safety agent dropped (they carried instructions). */
  safety?: SafetyDecision[];
}

export interface Plan {
  messages: ChatMessage[];
  /** The passages cited in the prompt, in citation order: [1] is sources[0]. */
  sources: Passage[];
  maxOutputTokens: number;
  promptTokens: number;
}

/** A complete answer from the Interpreter (full mode), before the Safety review. */
export interface Draft {
  text: string;
  usage: TokenUsage;
  model: string;
  /** 0 for the first draft, then 1 and 2 for revisions asked for by the review. */
  revision: number;
}

/** The Safety agent's verdict on a whole draft (full mode). */
export interface Review {
  approved: boolean;
  /** The text to release: redacted, with any disclaimers; the safe fallback when `fallback`. */
  text: string;
  decisions: SafetyDecision[];
  /** Why the draft was not approved, given to the Interpreter for its revision. */
  reason?: string;
  fallback?: boolean;
}

export interface TurnState extends TurnInput {
  route?: RouteDecision;
  /** The query's dense embedding, computed alongside routing. */
  queryVector?: number[];
  retrieval?: Retrieval;
  plan?: Plan;
  draft?: Draft;
  review?: Review;
  /** Set by the workflow after the primary model failed in full mode. */
  useFallbackModel?: boolean;
}

/** What the stream-mode workflow hands back to the chat function. */
export type PlannedTurn = TurnState & { route: RouteDecision; retrieval: Retrieval; plan: Plan };
