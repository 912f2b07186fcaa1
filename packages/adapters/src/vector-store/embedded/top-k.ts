export interface Ranked<T> {
  item: T;
  score: number;
}

/**
 * The k best-scoring items, best first, in one pass: a sorted array of at most k entries with
 * binary insertion. After the first few hundred items almost nothing beats the k-th score, so
 * this stays near O(n) without the bookkeeping of a heap.
 */
export function createTopK<T>(k: number) {
  const best: Ranked<T>[] = [];
  return {
    offer(item: T, score: number): void {
      if (k <= 0 || (best.length === k && score <= (best[k - 1]?.score ?? -Infinity))) return;
      let low = 0;
      let high = best.length;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if ((best[mid]?.score ?? -Infinity) >= score) low = mid + 1;
        else high = mid;
      }
      best.splice(low, 0, { item, score });
      if (best.length > k) best.pop();
    },
    result: (): Ranked<T>[] => best,
  };
}
