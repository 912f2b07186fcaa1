import type { ChunkPayload, VectorFilter } from "@wwhd/core/ports/vector-store.ts";

/** The same conditions the Qdrant adapter sends as `must` clauses: every given field must match. */
export function matchesFilter(payload: ChunkPayload, filter: VectorFilter | undefined): boolean {
  if (!filter) return true;
  if (filter.namespaces && !filter.namespaces.includes(payload.namespace)) return false;
  if (filter.userId !== undefined && payload.userId !== filter.userId) return false;
  if (filter.documentId !== undefined && payload.documentId !== filter.documentId) return false;
  return true;
}
