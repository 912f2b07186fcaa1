import { FALLBACK_NAMESPACE, type Namespace } from "../../domain/namespace.ts";
import type { RouteDecision } from "../../domain/route-decision.ts";
import type { Embedder } from "../../ports/embedder.ts";
import { cosine } from "../../text/cosine.ts";
import { createKeywordMatcher } from "./keyword-matcher.ts";
import type { Router } from "./router.ts";
import { isSmallTalk } from "./small-talk.ts";

/** Weight of one distinct keyword hit against the (0..1) description similarity. */
const KEYWORD_WEIGHT = 0.3;
const MAX_KEYWORD_HITS = 3;
/** Below this combined score the router is unsure and adds the fallback namespace. */
const CONFIDENT_SCORE = 0.3;
/** Namespaces scoring at least this share of the best one are kept (up to three). */
const RELATIVE_CUTOFF = 0.6;
const MAX_NAMESPACES = 3;

interface ScoredNamespace {
  id: string;
  score: number;
}

/**
 * The offline Router: whole-word keyword rules plus the similarity of the question's embedding
 * to each namespace's description. Greetings and thanks skip retrieval.
 */
export function createLocalRouter(deps: { namespaces: Namespace[]; embedder: Embedder }): Router {
  const candidates = deps.namespaces.filter((ns) => ns.id !== FALLBACK_NAMESPACE);
  const matchers = candidates.map((ns) => ({ id: ns.id, match: createKeywordMatcher(ns) }));
  const descriptionVectors = deps.embedder.embed(
    candidates.map((ns) => `${ns.title}. ${ns.description} ${ns.keywords.join(" ")}`),
  );

  async function score(message: string): Promise<ScoredNamespace[]> {
    const [[query], vectors] = await Promise.all([
      deps.embedder.embed([message]),
      descriptionVectors,
    ]);
    return matchers
      .map(({ id, match }, i) => {
        const hits = Math.min(match(message).length, MAX_KEYWORD_HITS);
        const similarity = Math.max(0, cosine(query ?? [], vectors[i] ?? []));
        return { id, score: KEYWORD_WEIGHT * hits + similarity };
      })
      .sort((a, b) => b.score - a.score);
  }

  return {
    async route({ message }) {
      if (isSmallTalk(message)) {
        return {
          intent: "small_talk",
          namespaces: [{ id: FALLBACK_NAMESPACE, confidence: 1 }],
          needsRetrieval: false,
          decidedBy: "local",
        };
      }
      return { intent: "question", ...pickNamespaces(await score(message)), decidedBy: "local" };
    },
  };
}

function pickNamespaces(
  scored: ScoredNamespace[],
): Pick<RouteDecision, "namespaces" | "needsRetrieval"> {
  const best = scored[0]?.score ?? 0;
  const kept = scored
    .filter((ns) => ns.score > 0 && ns.score >= best * RELATIVE_CUTOFF)
    .slice(0, MAX_NAMESPACES)
    .map((ns) => ({ id: ns.id, confidence: Math.min(1, ns.score) }));
  if (best < CONFIDENT_SCORE) {
    // Unsure: search the general teachings plus the two best guesses.
    kept.splice(2);
    kept.unshift({ id: FALLBACK_NAMESPACE, confidence: 1 - best });
  }
  return { namespaces: kept, needsRetrieval: true };
}
