import { countTextTokens } from "../text/token-counter.ts";

/**
 * Keeps items in their order while their texts fit in `maxTokens` (o200k tokens). An item too
 * big for what is left is skipped, not truncated: a later, shorter one may still fit.
 */
export function fitTokenBudget<T>(
  items: readonly T[],
  maxTokens: number,
  text: (item: T) => string,
): T[] {
  let remaining = maxTokens;
  const kept: T[] = [];
  for (const item of items) {
    const cost = countTextTokens(text(item));
    if (cost > remaining) continue;
    remaining -= cost;
    kept.push(item);
  }
  return kept;
}
