import { createFallbackChatModel } from "@wwhd/core/agents/interpreter/fallback-chat-model.ts";
import { type ChatChunk, ModelError } from "@wwhd/core/ports/chat-model.ts";
import { describe, expect, it } from "vitest";
import { useMsw } from "../../../../test/support/msw.ts";
import {
  type CompletionBehaviour,
  OPENAI_TEST_BASE_URL,
  openAiChatHandlers,
} from "../../../../test/support/openai-emulator.ts";
import { createLocalExtractiveModel } from "../../src/chat-model/local-extractive-model.ts";
import { createOpenAiChatModel } from "../../src/chat-model/openai-chat-model.ts";

const server = useMsw();

const local = createLocalExtractiveModel();
// Built after msw is listening: the SDK keeps the fetch it finds at construction.
const makeChain = () =>
  createFallbackChatModel([
    createOpenAiChatModel({
      apiKey: "sk-test",
      model: "gpt-test",
      baseURL: OPENAI_TEST_BASE_URL,
      maxRetries: 0,
    }),
    local,
  ]);
const request = { messages: [{ role: "user" as const, content: "hello" }], maxOutputTokens: 50 };

async function run(script: CompletionBehaviour[]) {
  server.use(...openAiChatHandlers(script));
  const chunks: ChatChunk[] = [];
  const error = await (async () => {
    for await (const chunk of makeChain().stream(request)) chunks.push(chunk);
  })().catch((e: unknown) => e);
  return { chunks, error };
}

describe("the provider fallback chain", () => {
  it("streams from the primary provider and says so", async () => {
    const { chunks, error } = await run([{ kind: "stream", chunks: ["Hi ", "there."] }]);
    expect(error).toBeUndefined();
    expect(chunks[0]).toEqual({ type: "model", name: "gpt-test" });
    expect(
      chunks
        .filter((c) => c.type === "text")
        .map((c) => (c as { text: string }).text)
        .join(""),
    ).toBe("Hi there.");
  });

  it.each([
    ["a 500", { kind: "status", status: 500 } as const],
    ["a 429", { kind: "status", status: 429, retryAfter: "0" } as const],
  ])(
    "answers from the next provider when the first fails with %s before its first token",
    async (_, failure) => {
      const { chunks, error } = await run([failure]);
      expect(error).toBeUndefined();
      expect(chunks[0]).toEqual({ type: "model", name: local.name });
      expect(chunks.some((c) => c.type === "text")).toBe(true);
    },
  );

  it("does not switch providers once text has been released: a cut mid-stream is an error", async () => {
    const { chunks, error } = await run([{ kind: "cut", chunks: ["Half "] }]);
    expect(chunks).toContainEqual({ type: "text", text: "Half " });
    expect(chunks.some((c) => c.type === "model" && c.name === local.name)).toBe(false);
    expect(error).toBeInstanceOf(ModelError);
  });
});
