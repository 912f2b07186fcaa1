import { describe, expect, it } from "vitest";
import { useMsw } from "../../../../test/support/msw.ts";
import { createOpenAiEmbedder } from "../../src/embedder/openai-embedder.ts";
import {
  EMBEDDINGS_TEST_BASE_URL,
  type EmbeddingBehaviour,
  embeddingsHandler,
  fakeVector,
  type RecordedRequest,
} from "./openai-embeddings-emulator.ts";

const server = useMsw();

function embedderFor(script: EmbeddingBehaviour[], requests: RecordedRequest[] = [], extra = {}) {
  server.use(embeddingsHandler(script, requests));
  return createOpenAiEmbedder({
    apiKey: "sk-test",
    baseURL: EMBEDDINGS_TEST_BASE_URL,
    dimensions: 8,
    maxRetries: 2,
    timeoutMs: 2000,
    ...extra,
  });
}

describe("the OpenAI embedder", () => {
  it("embeds in batches, keeps the input order, asks for the configured dimensions", async () => {
    const requests: RecordedRequest[] = [];
    const embedder = embedderFor([{ kind: "ok" }], requests, { batchSize: 2 });
    const texts = ["a", "bb", "ccc", "", "eeeee"];
    const vectors = await embedder.embed(texts);
    expect(vectors).toEqual(texts.map((t) => fakeVector(t.trim() === "" ? " " : t, 8)));
    expect(requests.map((r) => r.body.input)).toEqual([["a", "bb"], ["ccc", " "], ["eeeee"]]);
    expect(requests[0]?.body).toMatchObject({
      model: "text-embedding-3-small",
      dimensions: 8,
      encoding_format: "float",
    });
    expect(embedder.id).toBe("openai:text-embedding-3-small:8");
  });

  it("waits as long as Retry-After asks after a 429, then succeeds", async () => {
    const requests: RecordedRequest[] = [];
    const embedder = embedderFor(
      [{ kind: "status", status: 429, headers: { "retry-after": "1" } }, { kind: "ok" }],
      requests,
    );
    await expect(embedder.embed(["calm"])).resolves.toHaveLength(1);
    expect(requests).toHaveLength(2);
    const waited = (requests[1]?.at ?? 0) - (requests[0]?.at ?? 0);
    expect(waited).toBeGreaterThanOrEqual(950);
  });

  it("retries a 500 and succeeds", async () => {
    const requests: RecordedRequest[] = [];
    const embedder = embedderFor(
      [{ kind: "status", status: 500, headers: { "retry-after-ms": "10" } }, { kind: "ok" }],
      requests,
    );
    await expect(embedder.embed(["calm"])).resolves.toHaveLength(1);
    expect(requests).toHaveLength(2);
  });

  it("gives up with an EmbedderError when the failures persist", async () => {
    const requests: RecordedRequest[] = [];
    const embedder = embedderFor(
      [{ kind: "status", status: 503, headers: { "retry-after-ms": "5" } }],
      requests,
    );
    await expect(embedder.embed(["calm"])).rejects.toMatchObject({ name: "EmbedderError" });
    expect(requests).toHaveLength(3); // first try + 2 retries
  });

  it("does not retry a 400", async () => {
    const requests: RecordedRequest[] = [];
    const embedder = embedderFor([{ kind: "status", status: 400 }], requests);
    await expect(embedder.embed(["calm"])).rejects.toMatchObject({ name: "EmbedderError" });
    expect(requests).toHaveLength(1);
  });

  it("times out a request that never answers", async () => {
    const embedder = embedderFor([{ kind: "hang" }], [], { timeoutMs: 50, maxRetries: 0 });
    await expect(embedder.embed(["calm"])).rejects.toMatchObject({ name: "EmbedderError" });
  });

  it("rejects vectors of another size than configured", async () => {
    const embedder = embedderFor([{ kind: "ok" }], [], { model: "nomic-embed-text" });
    await expect(embedder.embed(["calm"])).rejects.toThrow(
      /1536 dimensions.*8 dimensions are configured/,
    );
  });
});
