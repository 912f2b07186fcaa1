import {
  type ChatChunk,
  type ChatModel,
  type ChatRequest,
  ModelError,
} from "@wwhd/core/ports/chat-model.ts";
import { APIConnectionError, APIError } from "openai";
import { createOpenAiClient } from "../openai/openai-client.ts";

export interface OpenAiChatModelOptions {
  apiKey: string;
  model: string;
  /** Any OpenAI-compatible endpoint: OpenAI, Azure, Ollama, vLLM, llama.cpp. */
  baseURL?: string;
  /** Retries of 429/5xx/connection errors, each honouring `Retry-After` (done by the SDK). */
  maxRetries?: number;
  timeoutMs?: number;
  /** Test seam: the fetch the SDK uses. */
  fetch?: typeof fetch;
}

/**
 * A hosted chat model through the `openai` SDK, streaming. The SDK retries transient failures
 * before the first byte with backoff and `Retry-After`; what is still failing afterwards becomes
 * a `ModelError` so the caller can fall back to the next provider.
 */
export function createOpenAiChatModel(options: OpenAiChatModelOptions): ChatModel {
  const client = createOpenAiClient(options, { maxRetries: 2, timeoutMs: 30_000 });

  return {
    name: options.model,
    async health() {
      return { kind: "openai", status: "ok", detail: options.model };
    },
    async *stream(request: ChatRequest): AsyncIterable<ChatChunk> {
      const stream = await client.chat.completions
        .create(
          {
            model: options.model,
            messages: request.messages,
            stream: true,
            stream_options: { include_usage: true },
            max_completion_tokens: request.maxOutputTokens,
            ...(request.temperature !== undefined && { temperature: request.temperature }),
          },
          { signal: request.signal },
        )
        .catch((error: unknown) => {
          throw toModelError(error);
        });
      let finished = false;
      try {
        for await (const chunk of stream) {
          const choice = chunk.choices[0];
          if (choice?.delta?.content) yield { type: "text", text: choice.delta.content };
          if (choice?.finish_reason) finished = true;
          if (chunk.usage) {
            yield {
              type: "usage",
              usage: {
                promptTokens: chunk.usage.prompt_tokens,
                completionTokens: chunk.usage.completion_tokens,
                source: "provider",
              },
            };
          }
        }
      } catch (error) {
        if (request.signal?.aborted) return;
        // A cut mid-stream is not retried: part of the answer has already been released.
        throw toModelError(error, false);
      }
      // A proxy or load balancer may close the connection cleanly mid-answer: without a
      // finish_reason the answer is incomplete, whatever the transport said.
      if (!finished && !request.signal?.aborted) {
        throw new ModelError("model stream ended before the answer was finished", {
          retryable: false,
        });
      }
    },
  };
}

function toModelError(error: unknown, retryable?: boolean): ModelError {
  if (error instanceof ModelError) return error;
  if (error instanceof APIError && error.status !== undefined) {
    const transient = error.status === 429 || error.status >= 500;
    return new ModelError(`model provider answered ${error.status}`, {
      retryable: retryable ?? transient,
      retryAfterMs: retryAfterMs(error.headers),
      cause: error,
    });
  }
  const connection = error instanceof APIConnectionError;
  return new ModelError(
    connection ? "model provider unreachable or timed out" : "model stream failed",
    {
      retryable: retryable ?? connection,
      cause: error,
    },
  );
}

function retryAfterMs(headers: Headers | undefined): number | undefined {
  const value = headers?.get("retry-after");
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
