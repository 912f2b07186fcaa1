import type { Passage } from "../domain/passage.ts";
import type { RouteDecision } from "../domain/route-decision.ts";
import type { SafetyDecision } from "../domain/safety-decision.ts";
import type { TokenUsage } from "../domain/token-usage.ts";
import type { TurnStatus } from "../ports/session-store.ts";

/**
 * What a chat turn tells its client, in order. The HTTP layer encodes these as Vercel AI SDK
 * UI message stream parts; the events themselves know nothing of the wire format.
 */
export type TurnEvent =
  | { type: "start"; turnId: string; sessionId: string }
  | { type: "route"; route: RouteDecision; degraded: boolean }
  | { type: "source"; citation: number; passage: Passage }
  | { type: "text"; delta: string }
  | { type: "safety"; decision: SafetyDecision }
  | { type: "usage"; usage: TokenUsage }
  | { type: "finish"; status: TurnStatus }
  | { type: "error"; code: string; message: string };
