import { type Embedder, EmbedderError } from "@wwhd/core/ports/embedder.ts";
import { createOpenAiClient } from "../openai/openai-client.ts";

export interface OpenAiEmbedderOptions {
  apiKey: string;
  /** Default `text-embedding-3-small`. */
  model?: string;
  /** Vector size; text-embedding-3 models shorten their vectors to it (default 1536). */
  dimensions?: number;
  /** Any OpenAI-compatible endpoint (Azure, Ollama, vLLM, llama.cpp). */
  baseURL?: string;
  /** Texts per request. */
  batchSize?: number;
  /** Retries of 429/5xx/timeouts, each honouring `Retry-After` (done by the SDK). */
  maxRetries?: number;
  timeoutMs?: number;
  /** Test seam: the fetch the SDK uses. */
  fetch?: typeof fetch;
}

/** Only the text-embedding-3 family accepts a `dimensions` parameter. */
const acceptsDimensions = (model: string) => model.startsWith("text-embedding-3");

/**
 * Dense embeddings through the `openai` SDK, in batches. The SDK retries 429 and 5xx answers
 * and timeouts with backoff, waiting what `Retry-After` asks; what still fails is an
 * `EmbedderError`, as is a response whose vectors do not match the configured dimensions.
 */
export function createOpenAiEmbedder(options: OpenAiEmbedderOptions): Embedder {
  const model = options.model ?? "text-embedding-3-small";
  const dimensions = options.dimensions ?? 1536;
  const batchSize = options.batchSize ?? 128;
  const client = createOpenAiClient(options, { maxRetries: 3, timeoutMs: 20_000 });

  const embedBatch = async (texts: string[]): Promise<number[][]> => {
    const response = await client.embeddings
      .create({
        model,
        // The API rejects empty strings; a blank text still deserves a (meaningless) vector.
        input: texts.map((text) => (text.trim() === "" ? " " : text)),
        encoding_format: "float",
        ...(acceptsDimensions(model) && { dimensions }),
      })
      .catch((error: unknown) => {
        throw new EmbedderError(`embedding request failed: ${(error as Error).message}`, {
          cause: error,
        });
      });
    const vectors = [...response.data].sort((a, b) => a.index - b.index).map((d) => d.embedding);
    if (vectors.length !== texts.length || vectors.some((v) => v.length !== dimensions))
      throw new EmbedderError(
        `${model} returned ${vectors.length} vectors of ${vectors[0]?.length} dimensions for ${texts.length} texts; ${dimensions} dimensions are configured`,
      );
    return vectors;
  };

  return {
    id: `openai:${model}:${dimensions}`,
    dimensions,
    async embed(texts) {
      const vectors: number[][] = [];
      for (let start = 0; start < texts.length; start += batchSize)
        vectors.push(...(await embedBatch(texts.slice(start, start + batchSize))));
      return vectors;
    },
    health: async () => ({ kind: "openai-embedder", status: "ok", detail: model }),
  };
}
