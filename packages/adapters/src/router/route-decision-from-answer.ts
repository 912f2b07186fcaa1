import { FALLBACK_NAMESPACE } from "@wwhd/core/domain/namespace.ts";
import type { RouteDecision } from "@wwhd/core/domain/route-decision.ts";
import type { RouteAnswer } from "./route-answer.ts";

const MAX_NAMESPACES = 3;

type RankedNamespace = RouteDecision["namespaces"][number];

/**
 * Turns a validated model answer into the route: namespaces outside the registry are dropped,
 * duplicates keep their best confidence, best first, at most three. Small talk skips retrieval;
 * below `lowConfidence` the general teachings come first, followed by the best guesses.
 */
export function routeDecisionFromAnswer(
  answer: RouteAnswer,
  options: { knownIds: ReadonlySet<string>; lowConfidence: number },
): RouteDecision {
  const annotations = {
    ...(answer.emotion && { emotion: answer.emotion }),
    ...(answer.language && { language: answer.language }),
  };
  if (answer.intent === "small_talk") {
    return {
      intent: "small_talk",
      namespaces: [{ id: FALLBACK_NAMESPACE, confidence: 1 }],
      needsRetrieval: false,
      decidedBy: "model",
      ...annotations,
    };
  }
  const ranked = rank(answer.namespaces.filter((ns) => options.knownIds.has(ns.id)));
  const best = ranked[0]?.confidence ?? 0;
  const namespaces =
    best >= options.lowConfidence
      ? ranked
      : [
          { id: FALLBACK_NAMESPACE, confidence: 1 - best },
          ...ranked.filter((ns) => ns.id !== FALLBACK_NAMESPACE),
        ].slice(0, MAX_NAMESPACES);
  return {
    intent: "question",
    namespaces,
    needsRetrieval: answer.needsRetrieval,
    decidedBy: "model",
    ...annotations,
  };
}

function rank(namespaces: RankedNamespace[]): RankedNamespace[] {
  const byConfidence = [...namespaces].sort((a, b) => b.confidence - a.confidence);
  return byConfidence
    .filter((ns, i) => byConfidence.findIndex((other) => other.id === ns.id) === i)
    .slice(0, MAX_NAMESPACES);
}
