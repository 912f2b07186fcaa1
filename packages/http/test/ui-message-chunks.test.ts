import type { TurnEvent } from "@wwhd/core/chat/turn-event.ts";
import { readUIMessageStream, type UIMessage, uiMessageChunkSchema } from "ai";
import { describe, expect, it } from "vitest";
import { createChunkTranslator } from "../src/stream/ui-message-chunks.ts";

const events: TurnEvent[] = [
  { type: "start", turnId: "T1", sessionId: "S1" },
  {
    type: "route",
    route: {
      intent: "question",
      namespaces: [{ id: "meditation", confidence: 0.9 }],
      needsRetrieval: true,
      decidedBy: "local",
    },
    degraded: false,
  },
  {
    type: "source",
    citation: 1,
    passage: {
      chunkId: "c1",
      documentId: "meditation/sleep",
      title: "Sleep",
      section: "Evening",
      namespace: "meditation",
      text: "...",
      score: 1,
      origin: "knowledge",
    },
  },
  { type: "text", delta: "Breathe slowly [1]. " },
  { type: "text", delta: "Rest." },
  { type: "usage", usage: { promptTokens: 10, completionTokens: 5, source: "tokenizer" } },
  { type: "finish", status: "complete" },
];

describe("UI message stream translation", () => {
  const chunks = events.flatMap(createChunkTranslator("T1-text"));

  it("emits only parts the AI SDK's own schema accepts", async () => {
    const schema = uiMessageChunkSchema();
    for (const chunk of chunks) {
      const result = await schema.validate?.(chunk);
      expect(result?.success, JSON.stringify(chunk)).toBe(true);
    }
  });

  it("opens the text once, streams the deltas, and closes it before finish", () => {
    const types = chunks.map((c) => c.type);
    expect(types).toEqual([
      "start",
      "data-session",
      "data-route",
      "source-document",
      "text-start",
      "text-delta",
      "text-delta",
      "data-usage",
      "text-end",
      "finish",
    ]);
  });

  it("is read back by the AI SDK client into one assistant message with text and a source", async () => {
    const stream = new ReadableStream({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(chunk);
        controller.close();
      },
    });
    let last: UIMessage | undefined;
    for await (const message of readUIMessageStream({ stream })) last = message;
    expect(last?.id).toBe("T1");
    const text = last?.parts.flatMap((p) => (p.type === "text" ? [p.text] : [])).join("");
    expect(text).toBe("Breathe slowly [1]. Rest.");
    expect(last?.parts.some((p) => p.type === "source-document")).toBe(true);
  });
});
