/**
 * Retrieval quality over a ranked list of document ids against the set of relevant ids
 * (binary relevance): recall@k, reciprocal rank and nDCG@k, as in the standard IR definitions.
 */
export function recallAt(
  ranked: readonly string[],
  relevant: ReadonlySet<string>,
  k: number,
): number {
  if (relevant.size === 0) return 0;
  const found = ranked.slice(0, k).filter((id) => relevant.has(id)).length;
  return found / relevant.size;
}

export function reciprocalRank(ranked: readonly string[], relevant: ReadonlySet<string>): number {
  const index = ranked.findIndex((id) => relevant.has(id));
  return index < 0 ? 0 : 1 / (index + 1);
}

export function ndcgAt(
  ranked: readonly string[],
  relevant: ReadonlySet<string>,
  k: number,
): number {
  const gain = (position: number) => 1 / Math.log2(position + 2);
  let dcg = 0;
  ranked.slice(0, k).forEach((id, i) => {
    if (relevant.has(id)) dcg += gain(i);
  });
  let ideal = 0;
  for (let i = 0; i < Math.min(relevant.size, k); i++) ideal += gain(i);
  return ideal === 0 ? 0 : dcg / ideal;
}

/** Chunk hits to documents: each document at the rank of its best chunk. */
export function rankDocuments(chunkDocumentIds: readonly string[]): string[] {
  return [...new Set(chunkDocumentIds)];
}
