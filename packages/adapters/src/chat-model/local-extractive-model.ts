import type { ChatChunk, ChatModel, ChatRequest } from "@wwhd/core/ports/chat-model.ts";
import { countChatTokens, countTextTokens } from "@wwhd/core/text/token-counter.ts";
import { composeExtractiveAnswer } from "./extractive-answer.ts";
import { parsePromptPassages } from "./passage-parser.ts";

/** Words per streamed chunk: small enough that the stream visibly flows. */
const WORDS_PER_CHUNK = 3;

/**
 * The embedded default model: answers extractively from the passages in its prompt, streamed in
 * small chunks, with usage counted by the same tokenizer as the Planner's budget.
 */
export function createLocalExtractiveModel(): ChatModel {
  return {
    name: "local-extractive",
    async health() {
      return { kind: "local", status: "ok" };
    },
    async *stream(request: ChatRequest): AsyncIterable<ChatChunk> {
      const system = request.messages.find((m) => m.role === "system")?.content ?? "";
      const question = request.messages.findLast((m) => m.role === "user")?.content ?? "";
      const answer = composeExtractiveAnswer(question, parsePromptPassages(system));
      const words = answer.split(/(?<=\s)/);
      for (let i = 0; i < words.length; i += WORDS_PER_CHUNK) {
        if (request.signal?.aborted) return;
        // Yield to the event loop between chunks, as a network stream would.
        await new Promise((resolve) => setImmediate(resolve));
        yield { type: "text", text: words.slice(i, i + WORDS_PER_CHUNK).join("") };
      }
      yield {
        type: "usage",
        usage: {
          promptTokens: countChatTokens(request.messages),
          completionTokens: countTextTokens(answer),
          source: "tokenizer",
        },
      };
    },
  };
}
