import type { VectorPoint } from "@wwhd/core/ports/vector-store.ts";
import { describe, expect, it } from "vitest";
import { createEmbeddedCollection } from "../../src/vector-store/embedded/embedded-collection.ts";

const point = (i: number, namespace: string): VectorPoint => ({
  id: `p${i}`,
  dense: [Math.cos(i), Math.sin(i)],
  sparse: { indices: [i % 7, 100], values: [1, 0.5] },
  payload: { documentId: `${namespace}/d${i}`, title: "t", section: "s", namespace, text: `p${i}` },
});

describe("embedded collection", () => {
  it("reclaims the slots of many deleted points and keeps answering correctly", () => {
    const collection = createEmbeddedCollection();
    collection.upsert(Array.from({ length: 3000 }, (_, i) => point(i, i < 2500 ? "old" : "kept")));
    expect(collection.delete({ namespaces: ["old"] })).toBe(2500);

    expect(collection.size()).toBe(500);
    expect(collection.points()).toHaveLength(500);
    const hits = collection.query({
      dense: [Math.cos(2600), Math.sin(2600)],
      sparse: { indices: [2600 % 7], values: [1] },
      limit: 1,
    });
    expect(hits[0]?.id).toBe("p2600");
    // IDF counts live points only: term 100 is in all 500 survivors.
    const common = collection.query({
      dense: [1, 0],
      sparse: { indices: [100], values: [1] },
      using: "sparse",
      limit: 1,
    });
    expect(common[0]?.score).toBeCloseTo(0.5 * Math.log(1 + 0.5 / 500.5), 6);
  });

  it("accepts vectors of a new size once emptied", () => {
    const collection = createEmbeddedCollection();
    collection.upsert([point(1, "a")]);
    collection.delete({});
    collection.upsert([{ ...point(2, "a"), dense: [1, 0, 0] }]);
    expect(collection.dimensions()).toBe(3);
    expect(
      collection.query({ dense: [1, 0, 0], sparse: point(2, "a").sparse, limit: 1 })[0]?.id,
    ).toBe("p2");
  });
});
