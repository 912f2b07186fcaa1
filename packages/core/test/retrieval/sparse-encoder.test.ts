import { describe, expect, it } from "vitest";
import { encodeSparseDocument, encodeSparseQuery } from "../../src/retrieval/sparse-encoder.ts";
import { hashTerm } from "../../src/retrieval/term-hash.ts";

const weightOf = (vector: { indices: number[]; values: number[] }, term: string) =>
  vector.values[vector.indices.indexOf(hashTerm(term))];

describe("sparse encoder", () => {
  it("hashes terms to the same u32 ids in every process", () => {
    // Fixed expectations: a change here silently invalidates every persisted sparse index.
    expect(hashTerm("breath")).toBe(hashTerm("breath"));
    expect(hashTerm("")).toBe(0x811c9dc5);
    expect(hashTerm("a")).toBe(0xe40c292c);
    expect(hashTerm("breath")).toBeLessThan(2 ** 32);
    // Non-ASCII terms hash their UTF-8 bytes, like the ASCII fast path does implicitly.
    expect(hashTerm("é")).toBe(0x1e9de8c1);
    expect(hashTerm("thé")).not.toBe(hashTerm("the"));
  });

  it("stems, drops stop words and sorts indices", () => {
    const vector = encodeSparseDocument("The breathing and the breath");
    expect(vector.indices).toEqual([...vector.indices].sort((a, b) => a - b));
    expect(weightOf(vector, "the")).toBeUndefined();
    expect(weightOf(vector, "breath")).toBeDefined();
    expect(vector.indices).toHaveLength(1);
  });

  it("saturates term frequency the BM25 way", () => {
    const once = weightOf(encodeSparseDocument("tea"), "tea") ?? 0;
    const thrice = weightOf(encodeSparseDocument("tea tea tea"), "tea") ?? 0;
    expect(thrice).toBeGreaterThan(once);
    expect(thrice).toBeLessThan(3 * once);
    expect(thrice).toBeLessThan(2.2); // k1 + 1 bounds any weight
  });

  it("weighs a term less in a longer document", () => {
    const short = weightOf(encodeSparseDocument("tea garden"), "tea") ?? 0;
    const long = weightOf(
      encodeSparseDocument(`tea ${Array.from({ length: 300 }, (_, i) => `word${i}`).join(" ")}`),
      "tea",
    );
    expect(long).toBeLessThan(short);
  });

  it("gives each distinct query term weight 1", () => {
    const query = encodeSparseQuery("tea tea garden");
    expect(query.values).toEqual([1, 1]);
  });
});
