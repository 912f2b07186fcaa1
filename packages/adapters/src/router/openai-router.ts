import type { Router } from "@wwhd/core/agents/router/router.ts";
import { RouterError } from "@wwhd/core/agents/router/router-error.ts";
import type { Namespace } from "@wwhd/core/domain/namespace.ts";
import type OpenAI from "openai";
import { APIConnectionTimeoutError, APIError, APIUserAbortError } from "openai";
import type { ReasoningEffort } from "openai/resources/shared";
import { createOpenAiClient } from "../openai/openai-client.ts";
import { RouteAnswerSchema, routeAnswerJsonSchema } from "./route-answer.ts";
import { routeDecisionFromAnswer } from "./route-decision-from-answer.ts";
import { routePrompt } from "./route-prompt.ts";

export interface OpenAiRouterOptions {
  apiKey: string;
  /** Any OpenAI-compatible endpoint that supports `json_schema` structured output. */
  baseURL?: string;
  /** A small, cheap model; default `gpt-5-nano`. */
  model?: string;
  /**
   * Reasoning effort for reasoning models. Default `minimal` with the default model (routing
   * needs no deliberation, and every reasoning token is latency); none sent with another model
   * unless set, since not every server accepts the parameter.
   */
  reasoningEffort?: ReasoningEffort;
  /** The whole budget of one route, retries included (default 3000 ms). */
  timeoutMs?: number;
  /** Retries of 429/5xx/connection errors, honouring `Retry-After` (done by the SDK; default 2). */
  maxRetries?: number;
  /** The namespace registry: the only namespaces a route may name. */
  namespaces: Namespace[];
  /** Below this best confidence the general teachings lead the route (default 0.5). */
  lowConfidence?: number;
  /** Test seam: the fetch the SDK uses. */
  fetch?: typeof fetch;
}

const DEFAULT_MODEL = "gpt-5-nano";

/**
 * The model-backed Router: one structured-output call returning intent, up to three namespaces
 * with confidence, needs-retrieval, emotion and language. Every failure is a `RouterError`, so the
 * ChatTurn workflow falls back to its default route.
 */
export function createOpenAiRouter(options: OpenAiRouterOptions): Router {
  const model = options.model ?? DEFAULT_MODEL;
  const reasoningEffort = options.reasoningEffort ?? (options.model ? undefined : "minimal");
  const timeoutMs = options.timeoutMs ?? 3000;
  const client = createOpenAiClient(options, { maxRetries: 2, timeoutMs: timeoutMs });
  const knownIds = new Set(options.namespaces.map((ns) => ns.id));
  const lowConfidence = options.lowConfidence ?? 0.5;
  const systemPrompt = routePrompt(options.namespaces);
  const responseFormat = {
    type: "json_schema" as const,
    json_schema: {
      name: "route",
      strict: true,
      schema: routeAnswerJsonSchema([...knownIds]),
    },
  };

  return {
    async route({ message }) {
      const completion = await client.chat.completions
        .create(
          {
            model,
            messages: [
              { role: "system", content: systemPrompt },
              { role: "user", content: message },
            ],
            response_format: responseFormat,
            ...(reasoningEffort && { reasoning_effort: reasoningEffort }),
          },
          // The SDK's timeout is per attempt; the signal bounds the retries and their waits too.
          { signal: AbortSignal.timeout(timeoutMs) },
        )
        .catch((error: unknown) => {
          throw toRouterError(error);
        });
      const answer = RouteAnswerSchema.safeParse(parseContent(completion.choices[0]));
      if (!answer.success)
        throw new RouterError("router model answered outside the route schema", {
          reason: "invalid_response",
        });
      return routeDecisionFromAnswer(answer.data, { knownIds, lowConfidence });
    },
  };
}

type Choice = OpenAI.Chat.Completions.ChatCompletion.Choice;

/**
 * The JSON the model answered. A refusal, a truncated answer or text that is not JSON is an
 * `invalid_response`; the parser's own error is not kept, as it quotes the text it choked on.
 */
function parseContent(choice: Choice | undefined): unknown {
  const content = choice?.message.content;
  if (!content || choice.finish_reason !== "stop")
    throw new RouterError(`router model gave no usable answer (${choice?.finish_reason})`, {
      reason: "invalid_response",
    });
  try {
    return JSON.parse(content);
  } catch {
    throw new RouterError("router model answered invalid JSON", { reason: "invalid_response" });
  }
}

function toRouterError(error: unknown): RouterError {
  if (error instanceof APIConnectionTimeoutError || error instanceof APIUserAbortError)
    return new RouterError("router model timed out", { reason: "timeout", cause: error });
  if (error instanceof APIError && error.status !== undefined)
    return new RouterError(`router model answered ${error.status}`, {
      reason: "unavailable",
      status: error.status,
      cause: error,
    });
  return new RouterError("router model unreachable", { reason: "unavailable", cause: error });
}
