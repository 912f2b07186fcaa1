import type { SparseVector } from "../ports/vector-store.ts";
import { hashTerm } from "./term-hash.ts";
import { retrievalTerms } from "./terms.ts";

/**
 * BM25 term-frequency part, per document: tf·(k1+1) / (tf + k1·(1 − b + b·len/avgLen)). The
 * store multiplies by IDF at query time (Qdrant's `modifier: idf`), so documents can be encoded
 * once, independently of the rest of the collection.
 */
export interface Bm25Parameters {
  k1: number;
  b: number;
  /** Expected document length in terms; our chunks are a section of a few hundred tokens. */
  averageLength: number;
}

export const DEFAULT_BM25: Bm25Parameters = { k1: 1.2, b: 0.75, averageLength: 120 };

function termCounts(text: string): Map<number, number> {
  const counts = new Map<number, number>();
  for (const term of retrievalTerms(text)) {
    const id = hashTerm(term);
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

function toSparse(weights: Map<number, number>): SparseVector {
  const indices = [...weights.keys()].sort((a, b) => a - b);
  return { indices, values: indices.map((i) => weights.get(i) ?? 0) };
}

export function encodeSparseDocument(text: string, params = DEFAULT_BM25): SparseVector {
  const counts = termCounts(text);
  let length = 0;
  for (const tf of counts.values()) length += tf;
  const norm = params.k1 * (1 - params.b + (params.b * length) / params.averageLength);
  const weights = new Map<number, number>();
  for (const [id, tf] of counts) weights.set(id, (tf * (params.k1 + 1)) / (tf + norm));
  return toSparse(weights);
}

/** A query counts each distinct term once, as BM25 does; IDF then weighs rare terms up. */
export function encodeSparseQuery(text: string): SparseVector {
  const weights = new Map<number, number>();
  for (const id of termCounts(text).keys()) weights.set(id, 1);
  return toSparse(weights);
}
