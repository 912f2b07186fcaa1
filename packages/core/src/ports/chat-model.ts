import type { ChatMessage } from "../domain/chat-message.ts";
import type { TokenUsage } from "../domain/token-usage.ts";
import type { HealthReporter } from "./adapter-health.ts";

export interface ChatRequest {
  messages: ChatMessage[];
  maxOutputTokens: number;
  temperature?: number;
  signal?: AbortSignal;
}

export type ChatChunk =
  | { type: "text"; text: string }
  | { type: "usage"; usage: TokenUsage }
  /** Which model is answering, when a provider list chose one. */
  | { type: "model"; name: string };

/** A chat model that streams its answer. Errors before the first chunk are `ModelError`s. */
export interface ChatModel extends HealthReporter {
  /** The model's name as stored on the message, e.g. "local-extractive" or "gpt-5-mini". */
  readonly name: string;
  stream(request: ChatRequest): AsyncIterable<ChatChunk>;
}

/** A provider failure the caller may retry or fall back from. */
export class ModelError extends Error {
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;

  constructor(
    message: string,
    options: { retryable: boolean; retryAfterMs?: number; cause?: unknown },
  ) {
    super(message, { cause: options.cause });
    this.name = "ModelError";
    this.retryable = options.retryable;
    this.retryAfterMs = options.retryAfterMs;
  }
}
