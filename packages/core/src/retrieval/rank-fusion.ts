/**
 * Reciprocal Rank Fusion as Qdrant computes it: a point at 0-based position p of a ranking earns
 * 1 / (p + k); the input scores are ignored, only the order counts.
 */
export const DEFAULT_RRF_K = 60;

export function fuseRankings<T extends { id: string; score: number }>(
  rankings: readonly (readonly T[])[],
  limit: number,
  k = DEFAULT_RRF_K,
): T[] {
  const fused = new Map<string, T>();
  for (const ranking of rankings) {
    ranking.forEach((point, position) => {
      const contribution = 1 / (position + k);
      const seen = fused.get(point.id);
      if (seen) seen.score += contribution;
      else fused.set(point.id, { ...point, score: contribution });
    });
  }
  return [...fused.values()].sort((a, b) => b.score - a.score).slice(0, limit);
}
