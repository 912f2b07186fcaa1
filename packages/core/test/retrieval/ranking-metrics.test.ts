import { describe, expect, it } from "vitest";
import {
  ndcgAt,
  rankDocuments,
  recallAt,
  reciprocalRank,
} from "../../src/retrieval/ranking-metrics.ts";

const relevant = new Set(["a", "b"]);

describe("ranking metrics", () => {
  it("recall@k is the share of relevant documents in the first k", () => {
    expect(recallAt(["x", "a", "y", "b"], relevant, 2)).toBe(0.5);
    expect(recallAt(["x", "a", "y", "b"], relevant, 4)).toBe(1);
  });

  it("reciprocal rank is 1 / position of the first relevant document", () => {
    expect(reciprocalRank(["x", "y", "b"], relevant)).toBeCloseTo(1 / 3);
    expect(reciprocalRank(["x"], relevant)).toBe(0);
  });

  it("nDCG is 1 for an ideal ranking and discounts later hits", () => {
    expect(ndcgAt(["a", "b", "x"], relevant, 10)).toBeCloseTo(1);
    const late = ndcgAt(["x", "a", "b"], relevant, 10);
    expect(late).toBeCloseTo((1 / Math.log2(3) + 1 / Math.log2(4)) / (1 + 1 / Math.log2(3)));
  });

  it("collapses chunks to documents at their best rank", () => {
    expect(rankDocuments(["a", "b", "a", "c", "b"])).toEqual(["a", "b", "c"]);
  });
});
