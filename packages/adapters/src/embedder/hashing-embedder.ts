import type { Embedder } from "@wwhd/core/ports/embedder.ts";
import { hashTerm } from "@wwhd/core/retrieval/term-hash.ts";
import { retrievalTerms } from "@wwhd/core/retrieval/terms.ts";

/** Bigrams sharpen phrase matches; character trigrams let "lonely" meet "loneliness". */
const BIGRAM_WEIGHT = 0.5;
const TRIGRAM_WEIGHT = 0.25;

function features(text: string): Map<string, number> {
  const terms = retrievalTerms(text);
  const weights = new Map<string, number>();
  const add = (feature: string, weight: number) =>
    weights.set(feature, (weights.get(feature) ?? 0) + weight);
  terms.forEach((term, i) => {
    add(term, 1);
    const next = terms[i + 1];
    if (next) add(`${term} ${next}`, BIGRAM_WEIGHT);
    const padded = `<${term}>`;
    for (let j = 0; j + 3 <= padded.length; j++) add(`#${padded.slice(j, j + 3)}`, TRIGRAM_WEIGHT);
  });
  return weights;
}

/**
 * The offline `local` embedder: signed feature hashing of stemmed terms, term bigrams and
 * character trigrams into a fixed number of dimensions, log-damped counts, L2-normalised.
 * Deterministic, no model, microseconds per text. Its similarity is lexical, but the trigrams
 * give it a view of word parts that the sparse leg lacks, which is what makes fusing them pay.
 */
export function createHashingEmbedder(options: { dimensions?: number } = {}): Embedder {
  const dimensions = options.dimensions ?? 512;

  const embedOne = (text: string): number[] => {
    const vector = new Array<number>(dimensions).fill(0);
    for (const [feature, weight] of features(text)) {
      const hash = hashTerm(feature);
      // The top bit picks the sign so colliding features cancel out on average instead of adding up.
      const sign = hash & 0x80000000 ? -1 : 1;
      const slot = hash % dimensions;
      vector[slot] = (vector[slot] ?? 0) + sign * Math.log1p(weight);
    }
    const norm = Math.hypot(...vector);
    return norm === 0 ? vector : vector.map((x) => x / norm);
  };

  return {
    id: `local-hashing-v2-${dimensions}`,
    dimensions,
    embed: async (texts) => texts.map(embedOne),
    health: async () => ({ kind: "local-hashing", status: "ok" }),
  };
}
