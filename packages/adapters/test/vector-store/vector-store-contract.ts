import type { HybridQuery, VectorPoint, VectorStore } from "@wwhd/core/ports/vector-store.ts";
import { beforeEach, describe, expect, it } from "vitest";

/**
 * The retrieval semantics both adapters must share, run against each of them: what the
 * Librarian sees must not depend on whether Qdrant or the embedded index is configured.
 */
export function describeVectorStoreContract(name: string, makeStore: () => Promise<VectorStore>) {
  const point = (
    id: string,
    namespace: string,
    dense: number[],
    sparse: Record<number, number>,
    extra: Record<string, unknown> = {},
  ): VectorPoint => ({
    id,
    dense,
    sparse: { indices: Object.keys(sparse).map(Number), values: Object.values(sparse) },
    payload: {
      documentId: `${namespace}/${id}`,
      title: id,
      section: "Section",
      namespace,
      text: `text of ${id}`,
      ...extra,
    },
  });

  // Ids are content hashes in production, never UUIDs: the Qdrant adapter must map them.
  const breath = point("c0ffee01", "meditation", [1, 0, 0, 0], { 1: 1.0, 2: 0.5 });
  const posture = point("c0ffee02", "meditation", [0.8, 0.6, 0, 0], { 3: 1.0 });
  const tea = point("c0ffee03", "diet_food", [0, 1, 0, 0], { 1: 0.2, 4: 1.0 });
  const listen = point("c0ffee04", "relationships", [0, 0, 2, 0], { 5: 1.0 });
  const query = (overrides: Partial<HybridQuery>): HybridQuery => ({
    dense: [1, 0, 0, 0],
    sparse: { indices: [], values: [] },
    limit: 10,
    ...overrides,
  });
  const ids = (points: { id: string }[]) => points.map((p) => p.id);

  describe(`${name} vector store contract`, () => {
    let store: VectorStore;
    beforeEach(async () => {
      store = await makeStore();
      await store.ensureCollections();
      await store.ensureCollections(); // idempotent
      await store.upsert("knowledge", [breath, posture, tea, listen]);
    });

    it("counts points, with and without a filter", async () => {
      expect(await store.count("knowledge")).toBe(4);
      expect(await store.count("knowledge", { namespaces: ["meditation"] })).toBe(2);
      expect(await store.count("knowledge", { documentId: "diet_food/c0ffee03" })).toBe(1);
      expect(await store.count("memory")).toBe(0);
    });

    it("ranks dense-only by cosine similarity and hands back our ids and payloads", async () => {
      const hits = await store.query("knowledge", query({ using: "dense", limit: 2 }));
      expect(ids(hits)).toEqual(["c0ffee01", "c0ffee02"]);
      expect(hits[0]?.score).toBeCloseTo(1, 5);
      expect(hits[1]?.score).toBeCloseTo(0.8, 5);
      expect(hits[0]?.payload).toEqual(breath.payload);
      expect(hits[0]?.dense).toBeUndefined();
    });

    it("scores sparse-only as BM25 weight × IDF over the collection", async () => {
      const hits = await store.query(
        "knowledge",
        query({ using: "sparse", sparse: { indices: [1, 5], values: [1, 1] } }),
      );
      expect(ids(hits)).toEqual(["c0ffee04", "c0ffee01", "c0ffee03"]);
      const idf = (df: number) => Math.log(1 + (4 - df + 0.5) / (df + 0.5));
      expect(hits[0]?.score).toBeCloseTo(idf(1), 4);
      expect(hits[1]?.score).toBeCloseTo(idf(2), 4);
      expect(hits[2]?.score).toBeCloseTo(0.2 * idf(2), 4);
    });

    it("fuses dense and sparse rankings with RRF (k = 60)", async () => {
      const hits = await store.query(
        "knowledge",
        query({ sparse: { indices: [1, 4], values: [1, 1] }, prefetchLimit: 2, limit: 3 }),
      );
      // dense: breath, posture; sparse: tea, breath
      expect(ids(hits)).toEqual(["c0ffee01", "c0ffee03", "c0ffee02"]);
      expect(hits[0]?.score).toBeCloseTo(1 / 60 + 1 / 61, 6);
      expect(hits[1]?.score).toBeCloseTo(1 / 60, 6);
      expect(hits[2]?.score).toBeCloseTo(1 / 61, 6);
    });

    it("pre-filters by namespace: better matches elsewhere never leak in", async () => {
      const hits = await store.query(
        "knowledge",
        query({
          sparse: { indices: [1, 2], values: [1, 1] },
          filter: { namespaces: ["diet_food", "relationships"] },
        }),
      );
      expect(ids(hits).sort()).toEqual(["c0ffee03", "c0ffee04"]);
    });

    it("returns unit-length dense vectors when asked", async () => {
      const [hit] = await store.query(
        "knowledge",
        query({ using: "dense", limit: 1, dense: [0, 0, 1, 0], withVectors: true }),
      );
      expect(hit?.id).toBe("c0ffee04");
      expect(hit?.dense?.map((x) => Number(x.toFixed(5)))).toEqual([0, 0, 1, 0]);
    });

    it("replaces a point upserted again under the same id", async () => {
      await store.upsert("knowledge", [{ ...tea, payload: { ...tea.payload, text: "new text" } }]);
      expect(await store.count("knowledge")).toBe(4);
      const [hit] = await store.query(
        "knowledge",
        query({ using: "dense", dense: [0, 1, 0, 0], limit: 1 }),
      );
      expect(hit?.payload.text).toBe("new text");
    });

    it("deletes by document id and leaves the rest", async () => {
      await store.delete("knowledge", { documentId: "meditation/c0ffee01" });
      expect(await store.count("knowledge")).toBe(3);
      expect(await store.count("knowledge", { documentId: "meditation/c0ffee01" })).toBe(0);
    });

    it("keeps each user's memory apart and erases one user's entirely", async () => {
      const memory = (id: string, userId: string) =>
        point(id, "memory", [1, 0, 0, 0], { 1: 1 }, { userId });
      await store.upsert("memory", [
        memory("m1", "alice"),
        memory("m2", "alice"),
        memory("m3", "bob"),
      ]);
      const bobs = await store.query(
        "memory",
        query({ sparse: { indices: [1], values: [1] }, filter: { userId: "bob" } }),
      );
      expect(ids(bobs)).toEqual(["m3"]);
      await store.delete("memory", { userId: "alice" });
      expect(await store.count("memory")).toBe(1);
      expect(await store.count("memory", { userId: "bob" })).toBe(1);
    });

    it("clears a whole collection with an empty filter", async () => {
      await store.delete("knowledge", {});
      expect(await store.count("knowledge")).toBe(0);
    });
  });
}
