import { type ChatChunk, ModelError } from "@wwhd/core/ports/chat-model.ts";
import { describe, expect, it } from "vitest";
import { useMsw } from "../../../../test/support/msw.ts";
import {
  type CompletionBehaviour,
  OPENAI_TEST_BASE_URL,
  openAiChatHandlers,
} from "../../../../test/support/openai-emulator.ts";
import { createOpenAiChatModel } from "../../src/chat-model/openai-chat-model.ts";

const server = useMsw();

const messages = [
  { role: "system" as const, content: "Be kind." },
  { role: "user" as const, content: "How do I rest?" },
];

function modelFor(script: CompletionBehaviour[], requests: unknown[] = [], timeoutMs = 2000) {
  server.use(...openAiChatHandlers(script, requests));
  return createOpenAiChatModel({
    apiKey: "sk-test",
    model: "gpt-test",
    baseURL: OPENAI_TEST_BASE_URL,
    maxRetries: 2,
    timeoutMs,
  });
}

async function collect(stream: AsyncIterable<ChatChunk>) {
  const chunks: ChatChunk[] = [];
  for await (const c of stream) chunks.push(c);
  return chunks;
}

describe("the OpenAI chat model adapter", () => {
  it("streams text chunks and the provider-reported usage, sending a streaming request with usage", async () => {
    const requests: unknown[] = [];
    const model = modelFor(
      [{ kind: "stream", chunks: ["Rest ", "well."], usage: { prompt: 20, completion: 3 } }],
      requests,
    );
    const chunks = await collect(model.stream({ messages, maxOutputTokens: 100 }));
    expect(chunks).toEqual([
      { type: "text", text: "Rest " },
      { type: "text", text: "well." },
      { type: "usage", usage: { promptTokens: 20, completionTokens: 3, source: "provider" } },
    ]);
    expect(requests[0]).toMatchObject({
      model: "gpt-test",
      stream: true,
      stream_options: { include_usage: true },
      max_completion_tokens: 100,
      messages,
    });
  });

  it("retries a 429 after its Retry-After and then streams", async () => {
    const requests: unknown[] = [];
    const model = modelFor(
      [
        { kind: "status", status: 429, retryAfter: "1" },
        { kind: "stream", chunks: ["ok"] },
      ],
      requests,
    );
    const started = Date.now();
    const chunks = await collect(model.stream({ messages, maxOutputTokens: 10 }));
    expect(chunks[0]).toEqual({ type: "text", text: "ok" });
    expect(requests).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it("gives up on repeated 500s with a retryable ModelError", async () => {
    const requests: unknown[] = [];
    const model = modelFor([{ kind: "status", status: 500 }], requests);
    const error = await collect(model.stream({ messages, maxOutputTokens: 10 })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ModelError);
    expect((error as ModelError).retryable).toBe(true);
    expect(requests).toHaveLength(3);
  });

  it("does not retry a 400 and reports it as not retryable", async () => {
    const model = modelFor([{ kind: "status", status: 400 }]);
    const error = await collect(model.stream({ messages, maxOutputTokens: 10 })).catch(
      (e: unknown) => e,
    );
    expect((error as ModelError).retryable).toBe(false);
  });

  it("times out a provider that never answers", async () => {
    const model = createOpenAiChatModel({
      apiKey: "sk-test",
      model: "gpt-test",
      baseURL: OPENAI_TEST_BASE_URL,
      maxRetries: 0,
      timeoutMs: 200,
    });
    server.use(...openAiChatHandlers([{ kind: "hang" }]));
    const error = await collect(model.stream({ messages, maxOutputTokens: 10 })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ModelError);
    expect((error as ModelError).retryable).toBe(true);
  });

  it("surfaces a connection cut mid-stream as a non-retryable error after the text already sent", async () => {
    const model = modelFor([{ kind: "cut", chunks: ["Half ", "an "] }]);
    const seen: ChatChunk[] = [];
    const error = await (async () => {
      for await (const c of model.stream({ messages, maxOutputTokens: 10 })) seen.push(c);
    })().catch((e: unknown) => e);
    expect(seen).toEqual([
      { type: "text", text: "Half " },
      { type: "text", text: "an " },
    ]);
    expect(error).toBeInstanceOf(ModelError);
    expect((error as ModelError).retryable).toBe(false);
  });
});
