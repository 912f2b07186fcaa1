import { describe, expect, it } from "vitest";
import { fitTokenBudget } from "../../src/retrieval/token-budget.ts";
import { countTextTokens } from "../../src/text/token-counter.ts";

const words = (n: number) => Array.from({ length: n }, () => "calm").join(" ");

describe("token budget", () => {
  it("keeps items in order while they fit, skipping one too big for what is left", () => {
    const items = [words(40), words(100), words(30)];
    const kept = fitTokenBudget(items, 80, (s) => s);
    expect(kept).toEqual([items[0], items[2]]);
    expect(kept.reduce((sum, s) => sum + countTextTokens(s), 0)).toBeLessThanOrEqual(80);
  });

  it("keeps nothing when the budget is zero", () => {
    expect(fitTokenBudget(["a"], 0, (s) => s)).toEqual([]);
  });
});
