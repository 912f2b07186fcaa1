import type { ChunkPayload, VectorFilter } from "@wwhd/core/ports/vector-store.ts";
import { getOrCreate } from "./get-or-create.ts";

const INDEXED_FIELDS = ["namespace", "documentId", "userId"] as const;
type IndexedField = (typeof INDEXED_FIELDS)[number];

/**
 * Point slots by payload value for the fields filters use, like Qdrant's payload indexes:
 * deleting one document's chunks or searching one namespace touches only those points
 * instead of scanning the collection.
 */
export function createPayloadIndex() {
  const index = new Map<IndexedField, Map<string, Set<number>>>(
    INDEXED_FIELDS.map((field) => [field, new Map()]),
  );

  const each = (
    payload: ChunkPayload,
    visit: (ids: Map<string, Set<number>>, value: string) => void,
  ) => {
    for (const field of INDEXED_FIELDS) {
      const value = payload[field];
      const byValue = index.get(field);
      if (typeof value === "string" && byValue) visit(byValue, value);
    }
  };

  const slotsOf = (field: IndexedField, values: readonly string[]): number[] =>
    values.flatMap((value) => [...(index.get(field)?.get(value) ?? [])]);

  return {
    add(slot: number, payload: ChunkPayload): void {
      each(payload, (byValue, value) => {
        getOrCreate(byValue, value, () => new Set<number>()).add(slot);
      });
    },

    remove(slot: number, payload: ChunkPayload): void {
      each(payload, (byValue, value) => {
        const ids = byValue.get(value);
        ids?.delete(slot);
        if (ids?.size === 0) byValue.delete(value);
      });
    },

    /**
     * Slots that may match the filter (the smallest indexed set among its conditions), or
     * undefined when the filter names no indexed field and every point is a candidate.
     */
    candidates(filter: VectorFilter | undefined): number[] | undefined {
      const sets: number[][] = [];
      if (filter?.namespaces) sets.push(slotsOf("namespace", filter.namespaces));
      if (filter?.documentId !== undefined) sets.push(slotsOf("documentId", [filter.documentId]));
      if (filter?.userId !== undefined) sets.push(slotsOf("userId", [filter.userId]));
      if (sets.length === 0) return undefined;
      return sets.reduce((smallest, ids) => (ids.length < smallest.length ? ids : smallest));
    },
  };
}
