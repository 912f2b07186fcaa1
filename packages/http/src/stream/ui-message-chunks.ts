import type { TurnEvent } from "@wwhd/core/chat/turn-event.ts";
import type { TurnStatus } from "@wwhd/core/ports/session-store.ts";
import type { FinishReason, UIMessageChunk } from "ai";

const FINISH_REASONS: Record<TurnStatus, FinishReason> = {
  complete: "stop",
  crisis: "stop",
  refused: "content-filter",
  aborted: "other",
  error: "error",
};

/**
 * Translates a turn's events into Vercel AI SDK UI message stream parts, so `useChat` and other
 * AI SDK clients work unchanged. Project-specific parts use `data-*` names.
 */
export function createChunkTranslator(textId: string): (event: TurnEvent) => UIMessageChunk[] {
  let textOpen = false;
  const closeText = (): UIMessageChunk[] => {
    if (!textOpen) return [];
    textOpen = false;
    return [{ type: "text-end", id: textId }];
  };

  return (event) => {
    switch (event.type) {
      case "start":
        return [
          {
            type: "start",
            messageId: event.turnId,
            messageMetadata: { turnId: event.turnId, sessionId: event.sessionId },
          },
          { type: "data-session", data: { sessionId: event.sessionId, turnId: event.turnId } },
        ];
      case "route":
        return [{ type: "data-route", data: { ...event.route, degraded: event.degraded } }];
      case "source":
        return [
          {
            type: "source-document",
            sourceId: event.passage.chunkId,
            mediaType: "text/markdown",
            title: `[${event.citation}] ${event.passage.title} — ${event.passage.section}`,
            filename: event.passage.documentId,
          },
        ];
      case "text": {
        const opening: UIMessageChunk[] = textOpen ? [] : [{ type: "text-start", id: textId }];
        textOpen = true;
        return [...opening, { type: "text-delta", id: textId, delta: event.delta }];
      }
      case "safety":
        return [{ type: "data-safety", data: event.decision }];
      case "usage":
        return [{ type: "data-usage", data: event.usage }];
      case "error":
        return [...closeText(), { type: "error", errorText: `${event.code}: ${event.message}` }];
      case "finish":
        return [
          ...closeText(),
          {
            type: "finish",
            finishReason: FINISH_REASONS[event.status],
            messageMetadata: { status: event.status },
          },
        ];
    }
  };
}
