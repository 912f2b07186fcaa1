import type { ChatMessage } from "../../domain/chat-message.ts";
import type { TokenUsage } from "../../domain/token-usage.ts";
import type { Draft, Plan } from "../../domain/turn-state.ts";
import type { ChatModel } from "../../ports/chat-model.ts";
import { countTextTokens } from "../../text/token-counter.ts";

export interface DraftRequest {
  plan: Plan;
  previous?: { draft: Draft; reason: string };
}

/**
 * Writes the whole answer in one go for full mode (stream: false, batch, evaluation). A revision
 * tells the model why the previous draft was rejected.
 */
export function createInterpreter(models: { primary: ChatModel; fallback: ChatModel }) {
  return {
    async draft(
      request: DraftRequest,
      options: { useFallbackModel?: boolean } = {},
    ): Promise<Draft> {
      const model = options.useFallbackModel ? models.fallback : models.primary;
      const messages: ChatMessage[] = request.previous
        ? [...request.plan.messages, revisionNote(request.previous.reason)]
        : request.plan.messages;
      let text = "";
      let usage: TokenUsage | undefined;
      for await (const chunk of model.stream({
        messages,
        maxOutputTokens: request.plan.maxOutputTokens,
      })) {
        if (chunk.type === "text") text += chunk.text;
        if (chunk.type === "usage") usage = chunk.usage;
      }
      return {
        text,
        usage: usage ?? {
          promptTokens: request.plan.promptTokens,
          completionTokens: countTextTokens(text),
          source: "tokenizer",
        },
        model: model.name,
        revision: request.previous ? request.previous.draft.revision + 1 : 0,
      };
    },
  };
}

export type Interpreter = ReturnType<typeof createInterpreter>;

const revisionNote = (reason: string): ChatMessage => ({
  role: "system",
  content: `Your previous answer was not released because: ${reason}. Write the answer again without that problem.`,
});
