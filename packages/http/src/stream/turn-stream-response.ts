import type { TurnEvent } from "@wwhd/core/chat/turn-event.ts";
import { createUIMessageStreamResponse, type UIMessageChunk } from "ai";
import { createChunkTranslator } from "./ui-message-chunks.ts";

/**
 * Streams a turn as Server-Sent Events. When the client goes away the turn is aborted but still
 * drained, so it is persisted with status `aborted` rather than lost.
 */
export function turnStreamResponse(options: {
  turnId: string;
  events: (signal: AbortSignal) => AsyncGenerator<TurnEvent>;
  clientSignal: AbortSignal;
}): Response {
  const abort = new AbortController();
  options.clientSignal.addEventListener("abort", () => abort.abort(), { once: true });
  const events = options.events(abort.signal);
  const translate = createChunkTranslator(`${options.turnId}-text`);

  const stream = new ReadableStream<UIMessageChunk>({
    async pull(controller) {
      const next = await events.next();
      if (next.done) return controller.close();
      for (const chunk of translate(next.value)) controller.enqueue(chunk);
    },
    async cancel() {
      abort.abort();
      for await (const _ of events) {
        // Drain: the turn finishes its bookkeeping (persisting the partial answer).
      }
    },
  });
  return createUIMessageStreamResponse({ stream, headers: { "x-turn-id": options.turnId } });
}
