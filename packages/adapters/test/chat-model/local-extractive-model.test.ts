import { DEFAULT_PERSONA } from "@wwhd/core/agents/planner/persona.ts";
import { createPlanner } from "@wwhd/core/agents/planner/planner.ts";
import type { ChatChunk } from "@wwhd/core/ports/chat-model.ts";
import { describe, expect, it } from "vitest";
import { createLocalExtractiveModel } from "../../src/chat-model/local-extractive-model.ts";

async function collect(stream: AsyncIterable<ChatChunk>) {
  const chunks: ChatChunk[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

const passage = (id: string, title: string, text: string) => ({
  chunkId: id,
  documentId: `meditation/${id}`,
  title,
  section: "Practice",
  namespace: "meditation",
  text,
  score: 1,
  origin: "knowledge" as const,
});

const plan = (message: string, passages: ReturnType<typeof passage>[]) =>
  createPlanner({ persona: DEFAULT_PERSONA }).plan({
    turnId: "t",
    mode: "stream",
    userId: "u",
    sessionId: "s",
    message,
    history: [],
    retrieval: { passages, degraded: false },
  });

describe("the local extractive model", () => {
  const model = createLocalExtractiveModel();

  it("answers from the passages in its prompt, citing them by number, in several small chunks", async () => {
    const { messages, maxOutputTokens } = plan("How can I calm my mind before sleep?", [
      passage(
        "a",
        "Evening Tea",
        "Green tea is picked in spring. Tea is best shared with friends.",
      ),
      passage(
        "b",
        "Calming the Mind",
        "Before sleep, breathe slowly and let the mind settle. Count ten breaths to calm the mind.",
      ),
    ]);
    const chunks = await collect(model.stream({ messages, maxOutputTokens }));
    const text = chunks.flatMap((c) => (c.type === "text" ? [c.text] : [])).join("");
    expect(chunks.filter((c) => c.type === "text").length).toBeGreaterThan(5);
    expect(text).toContain("Before sleep, breathe slowly and let the mind settle [2].");
    expect(text).toMatch(/calm the mind \[2\]\./);
    const usage = chunks.find((c) => c.type === "usage");
    expect(usage).toMatchObject({ type: "usage", usage: { source: "tokenizer" } });
  });

  it("says it has no teaching on a question when there are no passages", async () => {
    const { messages, maxOutputTokens } = plan("What is the airspeed of a swallow?", []);
    const text = (await collect(model.stream({ messages, maxOutputTokens })))
      .flatMap((c) => (c.type === "text" ? [c.text] : []))
      .join("");
    expect(text).toMatch(/no teaching on it/);
    expect(text).not.toMatch(/\[\d\]/);
  });

  it("greets back on small talk", async () => {
    const { messages, maxOutputTokens } = plan("hello", []);
    const text = (await collect(model.stream({ messages, maxOutputTokens })))
      .flatMap((c) => (c.type === "text" ? [c.text] : []))
      .join("");
    expect(text).toMatch(/^Hello, friend\./);
  });

  it("stops when the request is aborted", async () => {
    const { messages, maxOutputTokens } = plan("calm mind", [
      passage("b", "Calm", "Calm the mind. ".repeat(40)),
    ]);
    const abort = new AbortController();
    abort.abort();
    const chunks = await collect(model.stream({ messages, maxOutputTokens, signal: abort.signal }));
    expect(chunks).toEqual([]);
  });
});
