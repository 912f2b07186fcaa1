import { LRUCache } from "lru-cache";
import type { Embedder } from "../../ports/embedder.ts";

export interface QueryCacheOptions {
  ttlMs?: number;
  maxEntries?: number;
}

/**
 * An in-process LRU (60 s by default) in front of the embedder for query texts: a user who
 * rephrases the same question, or a retry of the same turn, costs no second embedding call.
 * Only texts missing from the cache are sent, in one batch.
 */
export function cacheQueryEmbeddings(
  embedder: Embedder,
  options: QueryCacheOptions = {},
): Embedder {
  const cache = new LRUCache<string, number[]>({
    max: options.maxEntries ?? 1000,
    ttl: options.ttlMs ?? 60_000,
  });
  return {
    id: embedder.id,
    dimensions: embedder.dimensions,
    health: () => embedder.health(),
    async embed(texts) {
      const known = new Map<string, number[]>();
      for (const text of texts) {
        const vector = cache.get(text);
        if (vector) known.set(text, vector);
      }
      const missing = [...new Set(texts.filter((text) => !known.has(text)))];
      if (missing.length > 0) {
        const vectors = await embedder.embed(missing);
        missing.forEach((text, i) => {
          const vector = vectors[i];
          if (!vector) throw new Error("the embedder returned fewer vectors than texts");
          cache.set(text, vector);
          known.set(text, vector);
        });
      }
      return texts.map((text) => known.get(text) ?? []);
    },
  };
}
