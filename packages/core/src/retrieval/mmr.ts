import { cosine } from "../text/cosine.ts";

export interface MmrCandidate {
  /** Relevance to the query, higher is better (any scale: it is normalised to the best one). */
  relevance: number;
  vector: readonly number[];
}

/**
 * Maximal Marginal Relevance: picks `count` candidates one at a time, each maximising
 * λ·relevance − (1 − λ)·(highest similarity to an already picked one), so five passages are
 * not five paraphrases of the same paragraph. λ = 1 is plain relevance order.
 */
export function mmrSelect<T extends MmrCandidate>(
  candidates: readonly T[],
  count: number,
  lambda = 0.7,
): T[] {
  const top = Math.max(...candidates.map((c) => c.relevance), Number.MIN_VALUE);
  const remaining = [...candidates];
  const picked: T[] = [];
  while (picked.length < count && remaining.length > 0) {
    let bestIndex = 0;
    let bestScore = -Infinity;
    remaining.forEach((candidate, i) => {
      const redundancy = Math.max(0, ...picked.map((p) => cosine(candidate.vector, p.vector)));
      const score = lambda * (candidate.relevance / top) - (1 - lambda) * redundancy;
      if (score > bestScore) {
        bestScore = score;
        bestIndex = i;
      }
    });
    picked.push(...remaining.splice(bestIndex, 1));
  }
  return picked;
}
