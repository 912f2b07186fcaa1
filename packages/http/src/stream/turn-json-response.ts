import type { TurnEvent } from "@wwhd/core/chat/turn-event.ts";
import type { Passage } from "@wwhd/core/domain/passage.ts";
import type { RouteDecision } from "@wwhd/core/domain/route-decision.ts";
import type { SafetyDecision } from "@wwhd/core/domain/safety-decision.ts";
import type { TokenUsage } from "@wwhd/core/domain/token-usage.ts";
import type { TurnStatus } from "@wwhd/core/ports/session-store.ts";

/** The body of a non-streaming (`stream: false`) chat answer. */
export interface TurnJson {
  turnId: string;
  sessionId: string;
  status: TurnStatus;
  text: string;
  sources: (Pick<Passage, "chunkId" | "documentId" | "title" | "section"> & { citation: number })[];
  route?: RouteDecision & { degraded: boolean };
  safety: SafetyDecision[];
  usage?: TokenUsage;
  error?: { code: string; message: string };
}

/** Gathers a whole turn's events into one JSON answer. */
export async function collectTurn(events: AsyncGenerator<TurnEvent>): Promise<TurnJson> {
  const answer: TurnJson = {
    turnId: "",
    sessionId: "",
    status: "complete",
    text: "",
    sources: [],
    safety: [],
  };
  for await (const event of events) {
    switch (event.type) {
      case "start":
        answer.turnId = event.turnId;
        answer.sessionId = event.sessionId;
        break;
      case "route":
        answer.route = { ...event.route, degraded: event.degraded };
        break;
      case "source": {
        const { chunkId, documentId, title, section } = event.passage;
        answer.sources.push({ citation: event.citation, chunkId, documentId, title, section });
        break;
      }
      case "text":
        answer.text += event.delta;
        break;
      case "safety":
        answer.safety.push(event.decision);
        break;
      case "usage":
        answer.usage = event.usage;
        break;
      case "error":
        answer.error = { code: event.code, message: event.message };
        break;
      case "finish":
        answer.status = event.status;
        break;
    }
  }
  return answer;
}
