import { describe, expect, it } from "vitest";
import { mmrSelect } from "../../src/retrieval/mmr.ts";

const candidate = (id: string, relevance: number, vector: number[]) => ({ id, relevance, vector });

describe("MMR", () => {
  const original = candidate("original", 1, [1, 0, 0]);
  const paraphrase = candidate("paraphrase", 0.95, [0.99, 0.14, 0]);
  const different = candidate("different", 0.8, [0, 1, 0]);

  it("prefers a different passage over a near-duplicate of one already picked", () => {
    const picked = mmrSelect([original, paraphrase, different], 2, 0.7);
    expect(picked.map((c) => c.id)).toEqual(["original", "different"]);
  });

  it("with lambda 1 keeps plain relevance order", () => {
    const picked = mmrSelect([different, paraphrase, original], 3, 1);
    expect(picked.map((c) => c.id)).toEqual(["original", "paraphrase", "different"]);
  });

  it("returns at most what it was given", () => {
    expect(mmrSelect([original], 5)).toHaveLength(1);
    expect(mmrSelect([], 5)).toEqual([]);
  });
});
