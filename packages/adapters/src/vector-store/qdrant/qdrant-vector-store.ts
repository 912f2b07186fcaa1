import { QdrantClient, type Schemas } from "@qdrant/js-client-rest";
import {
  type ChunkPayload,
  type CollectionName,
  type HybridQuery,
  type ScoredPoint,
  type VectorPoint,
  type VectorStore,
  VectorStoreError,
} from "@wwhd/core/ports/vector-store.ts";
import { DEFAULT_RRF_K } from "@wwhd/core/retrieval/rank-fusion.ts";
import { pointUuid } from "./point-uuid.ts";
import { toQdrantFilter } from "./qdrant-filter.ts";

export interface QdrantStoreOptions {
  url: string;
  apiKey?: string;
  /** Dense vector size of the embedder in use. */
  dimensions: number;
  /** Per request; a slower answer is a `VectorStoreError` (the Librarian degrades). */
  timeoutMs?: number;
}

/** The payload key holding our own point id (Qdrant's id is its UUID image). */
const ID_KEY = "pointId";
const UPSERT_BATCH = 256;
const DEFAULT_PREFETCH_FACTOR = 4;

type FieldSchema = Schemas["PayloadFieldSchema"];
const PAYLOAD_INDEXES: Record<CollectionName, Record<string, FieldSchema>> = {
  knowledge: { namespace: "keyword", documentId: "keyword" },
  // The tenant index keeps each user's points together on disk: per-user queries stay fast.
  memory: { userId: { type: "keyword", is_tenant: true } },
};

function fromQdrant(point: Schemas["ScoredPoint"], withVectors: boolean | undefined): ScoredPoint {
  const { [ID_KEY]: id, ...payload } = (point.payload ?? {}) as Record<string, unknown>;
  const vectors = point.vector as { dense?: number[] } | null | undefined;
  return {
    id: typeof id === "string" ? id : String(point.id),
    score: point.score,
    payload: payload as ChunkPayload,
    ...(withVectors && { dense: vectors?.dense ?? [] }),
  };
}

const toQdrantPoint = (point: VectorPoint): Schemas["PointStruct"] => ({
  id: pointUuid(point.id),
  vector: { dense: point.dense, sparse: point.sparse },
  payload: { ...point.payload, [ID_KEY]: point.id },
});

function queryRequest(query: HybridQuery): Schemas["QueryRequest"] {
  const filter = toQdrantFilter(query.filter);
  const withOptions = {
    with_payload: true,
    with_vector: query.withVectors ? ["dense"] : false,
  } satisfies Partial<Schemas["QueryRequest"]>;
  const dense = { query: query.dense, using: "dense" };
  const sparse = { query: query.sparse, using: "sparse" };
  const using = query.using ?? "hybrid";
  if (using !== "hybrid")
    return { ...(using === "dense" ? dense : sparse), filter, limit: query.limit, ...withOptions };
  const prefetchLimit = query.prefetchLimit ?? query.limit * DEFAULT_PREFETCH_FACTOR;
  return {
    // The filter sits in each prefetch: both legs search only the allowed points (pre-filter).
    prefetch: [
      { ...dense, filter, limit: prefetchLimit },
      { ...sparse, filter, limit: prefetchLimit },
    ],
    query: { rrf: { k: DEFAULT_RRF_K } },
    limit: query.limit,
    ...withOptions,
  };
}

/**
 * The production vector store: one Qdrant `knowledge` collection (named vectors `dense`,
 * cosine, and `sparse`, BM25 weights with Qdrant's IDF modifier) and a `memory` collection
 * with a tenant index on `userId`. Every retrieval is one Query API request: two filtered
 * prefetches fused by RRF. Any failure, timeout included, is a `VectorStoreError`.
 */
export function createQdrantVectorStore(options: QdrantStoreOptions): VectorStore {
  const client = new QdrantClient({
    url: options.url,
    apiKey: options.apiKey,
    timeout: options.timeoutMs ?? 5000,
    checkCompatibility: false,
  });

  const guard = async <T>(what: string, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof VectorStoreError) throw error;
      throw new VectorStoreError(`qdrant ${what} failed: ${(error as Error).message}`, {
        cause: error,
      });
    }
  };

  const createCollection = async (name: CollectionName) => {
    if ((await client.collectionExists(name)).exists) return;
    try {
      await client.createCollection(name, {
        vectors: { dense: { size: options.dimensions, distance: "Cosine" } },
        sparse_vectors: { sparse: { modifier: "idf" } },
      });
    } catch (error) {
      // Another instance may have created it between our check and our request.
      if (!(await client.collectionExists(name)).exists) throw error;
    }
  };

  const ensureCollection = async (name: CollectionName) => {
    await createCollection(name);
    for (const [field, schema] of Object.entries(PAYLOAD_INDEXES[name]))
      await client.createPayloadIndex(name, {
        field_name: field,
        field_schema: schema,
        wait: true,
      });
  };

  return {
    kind: "qdrant",
    ensureCollections: () =>
      guard("ensureCollections", async () => {
        await ensureCollection("knowledge");
        await ensureCollection("memory");
      }),

    upsert: (name, points) =>
      guard("upsert", async () => {
        for (let start = 0; start < points.length; start += UPSERT_BATCH) {
          const batch = points.slice(start, start + UPSERT_BATCH).map(toQdrantPoint);
          await client.upsert(name, { wait: true, points: batch });
        }
      }),

    delete: (name, filter) =>
      guard("delete", async () => {
        await client.delete(name, { wait: true, filter: toQdrantFilter(filter) });
      }),

    query: (name, query) =>
      guard("query", async () => {
        const response = await client.query(name, queryRequest(query));
        return response.points.map((point) => fromQdrant(point, query.withVectors));
      }),

    count: (name, filter) =>
      guard("count", async () => {
        const response = await client.count(name, { filter: toQdrantFilter(filter), exact: true });
        return response.count;
      }),

    health: async () => {
      try {
        const { exists } = await client.collectionExists("knowledge");
        return {
          kind: "qdrant",
          status: exists ? "ok" : "degraded",
          detail: exists ? undefined : "no knowledge collection",
        };
      } catch (error) {
        return { kind: "qdrant", status: "down", detail: (error as Error).message };
      }
    },
  };
}
