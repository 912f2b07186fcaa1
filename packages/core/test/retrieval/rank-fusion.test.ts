import { describe, expect, it } from "vitest";
import { fuseRankings } from "../../src/retrieval/rank-fusion.ts";

const ranking = (...ids: string[]) => ids.map((id, i) => ({ id, score: 100 - i }));

describe("RRF fusion", () => {
  it("scores 1/(position + k) per ranking and sums across rankings", () => {
    const fused = fuseRankings([ranking("a", "b", "c"), ranking("b", "d")], 10, 60);
    expect(fused.map((p) => p.id)).toEqual(["b", "a", "d", "c"]);
    expect(fused[0]?.score).toBeCloseTo(1 / 61 + 1 / 60);
    expect(fused[1]?.score).toBeCloseTo(1 / 60);
  });

  it("ignores the input scores and honours the limit", () => {
    const fused = fuseRankings([[{ id: "x", score: 0.001 }], [{ id: "y", score: 1e9 }]], 1, 2);
    expect(fused).toHaveLength(1);
    expect(fused[0]?.score).toBeCloseTo(1 / 2);
  });
});
