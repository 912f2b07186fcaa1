import { type Moderation, ModerationError } from "@wwhd/core/ports/moderation.ts";
import { APIConnectionTimeoutError, APIError, APIUserAbortError } from "openai";
import { createOpenAiClient } from "../openai/openai-client.ts";

export interface OpenAiModerationOptions {
  apiKey: string;
  baseURL?: string;
  /** Default `omni-moderation-latest`. */
  model?: string;
  /** The whole budget of one check, retries included (default 2000 ms). */
  timeoutMs?: number;
  /** Retries of 429/5xx/connection errors, honouring `Retry-After` (done by the SDK; default 1). */
  maxRetries?: number;
  /** Test seam: the fetch the SDK uses. */
  fetch?: typeof fetch;
}

/**
 * OpenAI's moderation endpoint. It reports which categories it flagged and nothing more: what a
 * flag means for the reply is `moderationVerdict`'s call, and whether a failed check blocks the
 * turn is the caller's (every failure is a `ModerationError`).
 */
export function createOpenAiModeration(options: OpenAiModerationOptions): Moderation {
  const model = options.model ?? "omni-moderation-latest";
  const timeoutMs = options.timeoutMs ?? 2000;
  const client = createOpenAiClient(options, { maxRetries: 1, timeoutMs: timeoutMs });

  return {
    async moderate(text) {
      const response = await client.moderations
        // The SDK's timeout is per attempt; the signal bounds the retries and their waits too.
        .create({ model, input: text }, { signal: AbortSignal.timeout(timeoutMs) })
        .catch((error: unknown) => {
          throw toModerationError(error);
        });
      const result = response.results[0];
      if (!result)
        throw new ModerationError("moderation answered without a result", {
          reason: "invalid_response",
        });
      const categories = Object.entries(result.categories)
        .filter(([, flagged]) => flagged === true)
        .map(([category]) => category);
      return { flagged: result.flagged, categories };
    },
    health: async () => ({ kind: "openai-moderation", status: "ok", detail: model }),
  };
}

function toModerationError(error: unknown): ModerationError {
  if (error instanceof APIConnectionTimeoutError || error instanceof APIUserAbortError)
    return new ModerationError("moderation timed out", { reason: "timeout", cause: error });
  const status = error instanceof APIError ? error.status : undefined;
  return new ModerationError(status ? `moderation answered ${status}` : "moderation unreachable", {
    reason: "unavailable",
    cause: error,
  });
}
