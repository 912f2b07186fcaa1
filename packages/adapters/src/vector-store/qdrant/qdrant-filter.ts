import type { Schemas } from "@qdrant/js-client-rest";
import type { VectorFilter } from "@wwhd/core/ports/vector-store.ts";

/** Our filter as Qdrant `must` conditions; an empty filter matches every point. */
export function toQdrantFilter(filter: VectorFilter | undefined): Schemas["Filter"] {
  const must: Schemas["FieldCondition"][] = [];
  if (filter?.namespaces) must.push({ key: "namespace", match: { any: filter.namespaces } });
  if (filter?.userId !== undefined) must.push({ key: "userId", match: { value: filter.userId } });
  if (filter?.documentId !== undefined)
    must.push({ key: "documentId", match: { value: filter.documentId } });
  return { must };
}
