import type { HealthReporter } from "./adapter-health.ts";

/** Term ids and weights (BM25-style term frequencies; the store applies IDF). */
export interface SparseVector {
  indices: number[];
  values: number[];
}

export type CollectionName = "knowledge" | "memory";

export interface ChunkPayload {
  documentId: string;
  title: string;
  section: string;
  namespace: string;
  text: string;
  /** Set on the `memory` collection: the owner of the remembered exchange. */
  userId?: string;
  [key: string]: unknown;
}

export interface VectorPoint {
  id: string;
  dense: number[];
  sparse: SparseVector;
  payload: ChunkPayload;
}

export interface VectorFilter {
  namespaces?: string[];
  userId?: string;
  documentId?: string;
}

export interface HybridQuery {
  dense: number[];
  sparse: SparseVector;
  filter?: VectorFilter;
  limit: number;
  /** How many candidates each of dense and sparse contributes before RRF fusion. */
  prefetchLimit?: number;
  /** Which retrieval legs to use; both (hybrid) unless evaluating one alone. */
  using?: "hybrid" | "dense" | "sparse";
  /** Return each point's dense vector too (the Librarian's MMR rerank compares candidates). */
  withVectors?: boolean;
}

export interface ScoredPoint {
  id: string;
  /** Cosine for dense-only, BM25 × IDF for sparse-only, the RRF sum for hybrid queries. */
  score: number;
  payload: ChunkPayload;
  /** Present when the query asked `withVectors`. */
  dense?: number[];
}

/**
 * Hybrid (dense + sparse, RRF-fused) vector search with payload filters. Failures of the
 * backing service surface as `VectorStoreError`, which the Librarian turns into degraded mode.
 */
export interface VectorStore extends HealthReporter {
  readonly kind: string;
  ensureCollections(): Promise<void>;
  upsert(collection: CollectionName, points: VectorPoint[]): Promise<void>;
  delete(collection: CollectionName, filter: VectorFilter): Promise<void>;
  query(collection: CollectionName, query: HybridQuery): Promise<ScoredPoint[]>;
  count(collection: CollectionName, filter?: VectorFilter): Promise<number>;
}

export class VectorStoreError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "VectorStoreError";
  }
}
