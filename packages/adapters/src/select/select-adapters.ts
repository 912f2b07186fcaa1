import { join } from "node:path";
import { createFallbackChatModel } from "@wwhd/core/agents/interpreter/fallback-chat-model.ts";
import { type AdapterConfig, MODEL_TIERS } from "@wwhd/core/config/adapter-config.ts";
import type { ChatModel } from "@wwhd/core/ports/chat-model.ts";
import type { Embedder } from "@wwhd/core/ports/embedder.ts";
import type { Moderation } from "@wwhd/core/ports/moderation.ts";
import type { VectorStore } from "@wwhd/core/ports/vector-store.ts";
import { createLocalExtractiveModel } from "../chat-model/local-extractive-model.ts";
import { createOpenAiChatModel } from "../chat-model/openai-chat-model.ts";
import { createHashingEmbedder } from "../embedder/hashing-embedder.ts";
import { createOpenAiEmbedder } from "../embedder/openai-embedder.ts";
import { createOpenAiModeration } from "../moderation/openai-moderation.ts";
import { createEmbeddedVectorStore } from "../vector-store/embedded/embedded-vector-store.ts";
import { createQdrantVectorStore } from "../vector-store/qdrant/qdrant-vector-store.ts";

/**
 * The Interpreter's models. The local extractive model is always the last resort: it needs no
 * network, so a turn whose hosted provider is down still gets a grounded answer.
 */
export function selectChatModels(config: AdapterConfig): {
  primary: ChatModel;
  fallback: ChatModel;
  streaming: ChatModel;
} {
  const local = createLocalExtractiveModel();
  if (config.WWHD_MODEL_PROVIDER === "local")
    return { primary: local, fallback: local, streaming: local };
  const hosted = createOpenAiChatModel({
    apiKey: config.OPENAI_API_KEY ?? "",
    baseURL: config.OPENAI_BASE_URL,
    model: config.OPENAI_MODEL ?? MODEL_TIERS[config.WWHD_MODEL_TIER],
    timeoutMs: config.OPENAI_TIMEOUT_MS,
  });
  return { primary: hosted, fallback: local, streaming: createFallbackChatModel([hosted, local]) };
}

export function selectEmbedder(config: AdapterConfig): Embedder {
  if (config.WWHD_EMBEDDER === "local") return createHashingEmbedder();
  return createOpenAiEmbedder({
    apiKey: config.OPENAI_API_KEY ?? "",
    baseURL: config.OPENAI_BASE_URL,
    model: config.OPENAI_EMBEDDING_MODEL,
    dimensions: config.OPENAI_EMBEDDING_DIMENSIONS,
  });
}

export function selectVectorStore(
  config: AdapterConfig,
  deps: { dataDir: string; embedder: Embedder },
): VectorStore {
  if (config.WWHD_VECTOR_STORE === "embedded")
    return createEmbeddedVectorStore({ dir: join(deps.dataDir, "index") });
  return createQdrantVectorStore({
    url: config.QDRANT_URL ?? "",
    apiKey: config.QDRANT_API_KEY,
    dimensions: deps.embedder.dimensions,
  });
}

/** The hosted moderation model, when switched on. */
export function selectModeration(config: AdapterConfig): Moderation | undefined {
  if (config.WWHD_MODERATION === "off") return undefined;
  return createOpenAiModeration({
    apiKey: config.OPENAI_API_KEY ?? "",
    baseURL: config.OPENAI_BASE_URL,
  });
}
