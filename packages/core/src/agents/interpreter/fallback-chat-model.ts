import {
  type ChatChunk,
  type ChatModel,
  type ChatRequest,
  ModelError,
} from "../../ports/chat-model.ts";

/**
 * An ordered provider list as one model. Each provider has already retried its transient
 * failures (honouring `Retry-After`); when one still fails before its first chunk, the next one
 * answers. After the first chunk there is no switching: part of the answer has been released.
 * The answering provider announces itself with a `model` chunk.
 */
export function createFallbackChatModel(models: ChatModel[]): ChatModel {
  return {
    name: models.map((m) => m.name).join(" > "),
    async health() {
      const first = await (models[0] as ChatModel).health();
      return {
        ...first,
        detail: `${first.detail ?? first.kind}, falls back to ${models
          .slice(1)
          .map((m) => m.name)
          .join(", ")}`,
      };
    },
    async *stream(request: ChatRequest): AsyncIterable<ChatChunk> {
      let lastError: unknown;
      for (const model of models) {
        const chunks = model.stream(request)[Symbol.asyncIterator]();
        let first: IteratorResult<ChatChunk>;
        try {
          first = await chunks.next();
        } catch (error) {
          lastError = error;
          if (request.signal?.aborted) return;
          continue;
        }
        yield { type: "model", name: model.name };
        if (first.done) return;
        yield first.value;
        for (let next = await chunks.next(); !next.done; next = await chunks.next())
          yield next.value;
        return;
      }
      throw lastError instanceof ModelError
        ? lastError
        : new ModelError("every model provider failed", { retryable: false, cause: lastError });
    },
  };
}
