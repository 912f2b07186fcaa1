import { cosine } from "@wwhd/core/text/cosine.ts";
import { describe, expect, it } from "vitest";
import { createHashingEmbedder } from "../../src/embedder/hashing-embedder.ts";

describe("the hashing embedder", () => {
  const embedder = createHashingEmbedder({ dimensions: 256 });

  it("is deterministic, sized and unit length", async () => {
    const [a, b] = await embedder.embed(["Breathe slowly", "Breathe slowly"]);
    expect(a).toEqual(b);
    expect(a).toHaveLength(256);
    expect(Math.hypot(...(a ?? []))).toBeCloseTo(1, 6);
    expect(embedder.id).toBe("local-hashing-v2-256");
  });

  it("places texts sharing words closer than unrelated texts", async () => {
    const [query, related, unrelated] = await embedder.embed([
      "how do I breathe when anxious",
      "slow breathing calms anxious thoughts",
      "store rice in a dry jar",
    ]);
    expect(cosine(query ?? [], related ?? [])).toBeGreaterThan(
      cosine(query ?? [], unrelated ?? []),
    );
  });

  it("gives a text without content words a zero vector instead of NaN", async () => {
    const [empty] = await embedder.embed(["the and of"]);
    expect(empty?.every((x) => x === 0)).toBe(true);
  });
});
