import type {
  ChunkPayload,
  HybridQuery,
  ScoredPoint,
  SparseVector,
  VectorFilter,
  VectorPoint,
} from "@wwhd/core/ports/vector-store.ts";
import { fuseRankings } from "@wwhd/core/retrieval/rank-fusion.ts";
import { getOrCreate } from "./get-or-create.ts";
import { matchesFilter } from "./payload-filter.ts";
import { createPayloadIndex } from "./payload-index.ts";
import { createTopK } from "./top-k.ts";

export interface StoredPoint {
  id: string;
  /** Unit length, so cosine similarity is a dot product (Qdrant normalises the same way). */
  dense: Float32Array;
  sparse: SparseVector;
  payload: ChunkPayload;
}

export const DEFAULT_PREFETCH_FACTOR = 4;

export function normalise(vector: ArrayLike<number>): Float32Array {
  const out = Float32Array.from(vector);
  let sum = 0;
  for (const x of out) sum += x * x;
  const norm = Math.sqrt(sum);
  if (norm > 0) for (let i = 0; i < out.length; i++) out[i] = (out[i] ?? 0) / norm;
  return out;
}

/** Qdrant's IDF modifier: ln(1 + (N − n + 0.5) / (n + 0.5)), over the whole collection. */
function idf(collectionSize: number, documentFrequency: number): number {
  return Math.log(1 + (collectionSize - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

/** Slots of deleted points are reclaimed by a rebuild once they are this many and half of all. */
const MIN_DEAD_SLOTS_TO_REBUILD = 1024;

/**
 * The mutable state of a collection. Points live in numbered slots: dense vectors side by side
 * in one Float32Array (a tight loop for exact search), sparse postings as slot/weight arrays.
 * A deleted point's slot is only marked dead, so postings need no rewriting; a rebuild
 * reclaims the slots when enough have died.
 */
function createSlots() {
  let dimensions = 0;
  let vectors = new Float32Array(0);
  const ids: string[] = [];
  const payloads: (ChunkPayload | undefined)[] = [];
  const sparse: (SparseVector | undefined)[] = [];
  const slotOf = new Map<string, number>();
  const postings = new Map<number, { slots: number[]; weights: number[] }>();
  const documentFrequency = new Map<number, number>();
  const payloadIndex = createPayloadIndex();

  const reserve = (slot: number) => {
    if ((slot + 1) * dimensions <= vectors.length) return;
    const grown = new Float32Array(Math.max(1024, (slot + 1) * 2) * dimensions);
    grown.set(vectors);
    vectors = grown;
  };

  return {
    ids,
    payloads,
    sparse,
    slotOf,
    postings,
    documentFrequency,
    payloadIndex,
    vectors: () => vectors,
    dimensions: () => dimensions,
    vectorAt: (slot: number) => vectors.subarray(slot * dimensions, (slot + 1) * dimensions),

    add(id: string, dense: Float32Array, vector: SparseVector, payload: ChunkPayload): void {
      if (dimensions === 0) dimensions = dense.length;
      const slot = ids.length;
      reserve(slot);
      vectors.set(dense, slot * dimensions);
      ids.push(id);
      payloads.push(payload);
      sparse.push(vector);
      slotOf.set(id, slot);
      vector.indices.forEach((term, i) => {
        const list = getOrCreate(postings, term, () => ({
          slots: [] as number[],
          weights: [] as number[],
        }));
        list.slots.push(slot);
        list.weights.push(vector.values[i] ?? 0);
        documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
      });
      payloadIndex.add(slot, payload);
    },

    /** Marks the slot dead: its postings stay but are skipped, its term counts drop. */
    kill(slot: number): void {
      const payload = payloads[slot];
      const vector = sparse[slot];
      if (!payload || !vector) return;
      for (const term of vector.indices) {
        const df = (documentFrequency.get(term) ?? 1) - 1;
        if (df === 0) documentFrequency.delete(term);
        else documentFrequency.set(term, df);
      }
      payloadIndex.remove(slot, payload);
      slotOf.delete(ids[slot] ?? "");
      payloads[slot] = undefined;
      sparse[slot] = undefined;
    },
  };
}

/**
 * One in-memory collection: exact dense cosine search, a sparse inverted index scored with
 * BM25 weights × IDF, and Qdrant's RRF over the two legs. Mutations are synchronous; the store
 * persists them.
 */
export function createEmbeddedCollection(initial: StoredPoint[] = []) {
  let slots = createSlots();

  const isLive = (slot: number) => slots.payloads[slot] !== undefined;
  const liveSlots = () => slots.ids.map((_, slot) => slot).filter(isLive);
  const size = () => slots.slotOf.size;

  const pointAt = (slot: number): StoredPoint => ({
    id: slots.ids[slot] ?? "",
    dense: slots.vectorAt(slot),
    sparse: slots.sparse[slot] ?? { indices: [], values: [] },
    payload: slots.payloads[slot] as ChunkPayload,
  });

  /** An emptied collection starts afresh: it may next receive vectors of another size. */
  const rebuildIfSparse = () => {
    if (size() === 0) {
      slots = createSlots();
      return;
    }
    const dead = slots.ids.length - size();
    if (dead < MIN_DEAD_SLOTS_TO_REBUILD || dead < size()) return;
    const live = liveSlots().map(pointAt);
    const rebuilt = createSlots();
    for (const p of live) rebuilt.add(p.id, p.dense, p.sparse, p.payload);
    slots = rebuilt;
  };

  const put = (id: string, dense: Float32Array, vector: SparseVector, payload: ChunkPayload) => {
    const existing = slots.slotOf.get(id);
    if (existing !== undefined) slots.kill(existing);
    slots.add(id, dense, vector, payload);
  };

  /** Live slots matching a filter, narrowed through the payload index first. */
  const matching = (filter: VectorFilter | undefined): number[] => {
    const scope = slots.payloadIndex.candidates(filter) ?? liveSlots();
    return scope.filter((slot) => {
      const payload = slots.payloads[slot];
      return payload !== undefined && matchesFilter(payload, filter);
    });
  };

  const toScored = (results: { item: number; score: number }[]): ScoredPoint[] =>
    results.map(({ item, score }) => ({
      id: slots.ids[item] ?? "",
      score,
      payload: slots.payloads[item] as ChunkPayload,
    }));

  const denseSearch = (query: Float32Array, filter: VectorFilter | undefined, limit: number) => {
    const top = createTopK<number>(limit);
    const vectors = slots.vectors();
    const dimensions = query.length;
    for (const slot of matching(filter)) {
      const offset = slot * dimensions;
      let dot = 0;
      for (let i = 0; i < dimensions; i++) dot += (query[i] ?? 0) * (vectors[offset + i] ?? 0);
      top.offer(slot, dot);
    }
    return toScored(top.result());
  };

  const sparseSearch = (query: SparseVector, filter: VectorFilter | undefined, limit: number) => {
    const scores = new Float64Array(slots.ids.length);
    const touched: number[] = [];
    query.indices.forEach((term, i) => {
      const list = slots.postings.get(term);
      const df = slots.documentFrequency.get(term);
      if (!list || !df) return;
      const weight = (query.values[i] ?? 0) * idf(size(), df);
      list.slots.forEach((slot, k) => {
        if (!isLive(slot)) return;
        if (scores[slot] === 0) touched.push(slot);
        scores[slot] = (scores[slot] ?? 0) + weight * (list.weights[k] ?? 0);
      });
    });
    const top = createTopK<number>(limit);
    for (const slot of touched) {
      const payload = slots.payloads[slot];
      if (payload && matchesFilter(payload, filter)) top.offer(slot, scores[slot] ?? 0);
    }
    return toScored(top.result());
  };

  const withVectors = (results: ScoredPoint[], query: HybridQuery): ScoredPoint[] =>
    query.withVectors
      ? results.map((r) => ({
          ...r,
          dense: Array.from(slots.vectorAt(slots.slotOf.get(r.id) ?? 0)),
        }))
      : results;

  for (const point of initial) put(point.id, point.dense, point.sparse, point.payload);

  return {
    points: (): StoredPoint[] => liveSlots().map(pointAt),
    size,
    /** Dense dimensions of the stored points; undefined while the collection is empty. */
    dimensions: (): number | undefined => (size() > 0 ? slots.dimensions() : undefined),

    upsert(incoming: readonly VectorPoint[]): void {
      for (const p of incoming) put(p.id, normalise(p.dense), p.sparse, p.payload);
    },

    delete(filter: VectorFilter): number {
      const doomed = matching(filter);
      for (const slot of doomed) slots.kill(slot);
      rebuildIfSparse();
      return doomed.length;
    },

    count: (filter?: VectorFilter): number => (filter ? matching(filter).length : size()),

    query(query: HybridQuery): ScoredPoint[] {
      const dense = (limit: number) => denseSearch(normalise(query.dense), query.filter, limit);
      const sparse = (limit: number) => sparseSearch(query.sparse, query.filter, limit);
      const prefetch = query.prefetchLimit ?? query.limit * DEFAULT_PREFETCH_FACTOR;
      const results = {
        dense: () => dense(query.limit),
        sparse: () => sparse(query.limit),
        hybrid: () => fuseRankings([dense(prefetch), sparse(prefetch)], query.limit),
      }[query.using ?? "hybrid"]();
      return withVectors(results, query);
    },
  };
}

export type EmbeddedCollection = ReturnType<typeof createEmbeddedCollection>;
