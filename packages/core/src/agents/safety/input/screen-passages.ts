import type { Passage } from "../../../domain/passage.ts";
import type { SafetyDecision } from "../../../domain/safety-decision.ts";
import { detectInjection } from "./injection.ts";

export interface PassageScreening {
  passages: Passage[];
  decisions: SafetyDecision[];
}

/**
 * Drops retrieved passages that carry instructions: knowledge is quoted to the model, so a
 * passage saying "ignore your rules" would otherwise speak with the system's voice.
 */
export function screenPassages(passages: readonly Passage[]): PassageScreening {
  const kept: Passage[] = [];
  const decisions: SafetyDecision[] = [];
  for (const passage of passages) {
    const injection = detectInjection(passage.text);
    if (injection === undefined) kept.push(passage);
    else
      decisions.push({
        stage: "retrieval",
        category: "prompt_injection",
        action: "drop",
        detail: `${passage.chunkId}: ${injection}`,
      });
  }
  return { passages: kept, decisions };
}
