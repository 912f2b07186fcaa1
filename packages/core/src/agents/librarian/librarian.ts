import type { Passage } from "../../domain/passage.ts";
import type { Retrieval } from "../../domain/turn-state.ts";
import type { Embedder } from "../../ports/embedder.ts";
import type { Logger } from "../../ports/logger.ts";
import type {
  CollectionName,
  HybridQuery,
  ScoredPoint,
  VectorStore,
} from "../../ports/vector-store.ts";
import { mmrSelect } from "../../retrieval/mmr.ts";
import { encodeSparseDocument, encodeSparseQuery } from "../../retrieval/sparse-encoder.ts";
import { fitTokenBudget } from "../../retrieval/token-budget.ts";
import { cosine } from "../../text/cosine.ts";
import { type Exchange, exchangeText, memoryPayload, memoryPointId } from "./memory-record.ts";
import { cacheQueryEmbeddings, type QueryCacheOptions } from "./query-embedding-cache.ts";
import { withTimeout } from "./with-timeout.ts";

export interface RetrieveRequest {
  query: string;
  /** Namespace ids chosen by the Router; empty searches the whole knowledge base. */
  namespaces: string[];
  userId: string;
  /** The query's embedding when it was computed already (alongside routing). */
  queryVector?: number[];
}

export interface Librarian {
  /** The query's dense embedding (cached), for callers that compute it ahead of retrieval. */
  embedQuery(query: string): Promise<number[]>;
  /** Never throws: a failing store or embedder gives `{ passages: [], degraded: true }`. */
  retrieve(request: RetrieveRequest): Promise<Retrieval>;
  /** Stores the exchange in the user's memory. Best effort: a failure is logged, not thrown. */
  remember(exchange: Exchange): Promise<void>;
  /** Erases every remembered exchange of the user (account deletion). Throws on failure. */
  forgetUser(userId: string): Promise<void>;
}

export interface LibrarianOptions {
  /** Hybrid candidates fetched from the knowledge base before threshold and MMR. */
  candidates: number;
  maxPassages: number;
  maxMemories: number;
  /**
   * Minimum cosine similarity between the query and a passage. The threshold is on the dense
   * similarity because it is the one score with an absolute meaning: RRF scores only rank. Its
   * scale depends on the embedder: 0.1 suits the hashing embedder (0.15 already costs 8 points of
   * recall@5 in `npm run eval:retrieval`); text-embedding-3 models warrant about 0.25.
   */
  minSimilarity: number;
  /** MMR trade-off: 1 = relevance only, 0 = diversity only. */
  mmrLambda: number;
  /** Token budget (o200k) for all passage texts together. */
  maxContextTokens: number;
  timeoutMs: number;
}

export const DEFAULT_LIBRARIAN_OPTIONS: LibrarianOptions = {
  candidates: 20,
  maxPassages: 5,
  maxMemories: 2,
  minSimilarity: 0.1,
  mmrLambda: 0.7,
  maxContextTokens: 1500,
  timeoutMs: 3000,
};

export interface LibrarianDeps {
  embedder: Embedder;
  store: VectorStore;
  logger: Logger;
  options?: Partial<LibrarianOptions>;
  queryCache?: QueryCacheOptions;
  now?: () => Date;
}

interface Candidate {
  point: ScoredPoint;
  relevance: number;
  similarity: number;
  vector: number[];
}

const toPassage = (candidate: Candidate, origin: Passage["origin"]): Passage => ({
  chunkId: candidate.point.id,
  documentId: candidate.point.payload.documentId,
  title: candidate.point.payload.title,
  section: candidate.point.payload.section,
  namespace: candidate.point.payload.namespace,
  text: candidate.point.payload.text,
  score: candidate.similarity,
  origin,
});

/**
 * The Librarian: hybrid retrieval from the knowledge base (pre-filtered to the Router's
 * namespaces) and from the asking user's own memory, then a similarity threshold, an MMR
 * diversity rerank and a token budget. Retrieval failures degrade the turn, never fail it.
 */
export function createLibrarian(deps: LibrarianDeps): Librarian {
  const options = { ...DEFAULT_LIBRARIAN_OPTIONS, ...deps.options };
  const queryEmbedder = cacheQueryEmbeddings(deps.embedder, deps.queryCache);
  const logger = deps.logger.child({ agent: "librarian" });
  const now = deps.now ?? (() => new Date());

  const embedQuery = async (query: string): Promise<number[]> => {
    const [dense = []] = await queryEmbedder.embed([query]);
    return dense;
  };

  const search = async (
    collection: CollectionName,
    query: Omit<HybridQuery, "limit" | "filter">,
    filter: HybridQuery["filter"],
    limit: number,
  ): Promise<Candidate[]> => {
    const points = await deps.store.query(collection, {
      ...query,
      filter,
      limit,
      withVectors: true,
    });
    return points
      .map((point) => {
        const vector = point.dense ?? [];
        return { point, relevance: point.score, vector, similarity: cosine(query.dense, vector) };
      })
      .filter((c) => c.similarity >= options.minSimilarity);
  };

  const retrieveOrThrow = async (request: RetrieveRequest): Promise<Retrieval> => {
    const dense = request.queryVector ?? (await embedQuery(request.query));
    const query = { dense, sparse: encodeSparseQuery(request.query) };
    const namespaces = request.namespaces.length > 0 ? { namespaces: request.namespaces } : {};
    const [knowledge, memory] = await Promise.all([
      search("knowledge", query, namespaces, options.candidates),
      search("memory", query, { userId: request.userId }, options.maxMemories),
    ]);
    // Defence in depth: the filter already restricts memory to the user; never trust it alone.
    const ownMemory = memory.filter((c) => c.point.payload.userId === request.userId);
    const passages = [
      ...mmrSelect(knowledge, options.maxPassages, options.mmrLambda).map((c) =>
        toPassage(c, "knowledge"),
      ),
      ...ownMemory.map((c) => toPassage(c, "memory")),
    ];
    return {
      passages: fitTokenBudget(passages, options.maxContextTokens, (p) => p.text),
      degraded: false,
    };
  };

  return {
    embedQuery,

    async retrieve(request) {
      try {
        return await withTimeout(retrieveOrThrow(request), options.timeoutMs, "retrieval");
      } catch (error) {
        // The error's name and message only: they describe the failure, never the user's text.
        logger.warn("retrieval degraded", {
          error: (error as Error).name,
          reason: (error as Error).message,
        });
        return { passages: [], degraded: true };
      }
    },

    async remember(exchange) {
      try {
        const text = exchangeText(exchange);
        const [dense = []] = await deps.embedder.embed([text]);
        await deps.store.upsert("memory", [
          {
            id: memoryPointId(exchange),
            dense,
            sparse: encodeSparseDocument(text),
            payload: memoryPayload(exchange, now().toISOString()),
          },
        ]);
      } catch (error) {
        logger.warn("memory not stored", {
          error: (error as Error).name,
          reason: (error as Error).message,
          turnId: exchange.turnId,
        });
      }
    },

    forgetUser: (userId) => deps.store.delete("memory", { userId }),
  };
}
