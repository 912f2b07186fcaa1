import type { ModerationResult } from "../../ports/moderation.ts";

export interface ModerationVerdict {
  verdict: "allow" | "crisis" | "refuse";
  /** The category that decided it; absent when allowed. */
  category?: string;
}

/** Any self-harm signal: answered with care and crisis resources, never with a refusal. */
const CRISIS = ["self-harm/intent", "self-harm/instructions", "self-harm"];

/** Requests the companion declines (with an alternative), whoever asks and however. */
const REFUSE = ["sexual/minors", "illicit/violent", "hate/threatening"];

/**
 * Graphic violence alone is often a user recounting what they lived through, which a wellness
 * companion must be able to hear; it is refused only with intent, i.e. when the same text is also
 * flagged as a threat against someone.
 */
const GRAPHIC_VIOLENCE = "violence/graphic";
const INTENT_TO_HARM = "harassment/threatening";

/**
 * What a moderation result means for the reply. Crisis outranks refusal (a message that is both
 * gets support). Everything else (harassment, hate, sexual, violence, illicit without violence)
 * is allowed here: the local Safety engine still screens the same text with its own rules.
 */
export function moderationVerdict(result: ModerationResult): ModerationVerdict {
  if (!result.flagged) return { verdict: "allow" };
  const flagged = new Set(result.categories);
  const crisis = CRISIS.find((category) => flagged.has(category));
  if (crisis) return { verdict: "crisis", category: crisis };
  const refused = REFUSE.find((category) => flagged.has(category));
  if (refused) return { verdict: "refuse", category: refused };
  if (flagged.has(GRAPHIC_VIOLENCE) && flagged.has(INTENT_TO_HARM))
    return { verdict: "refuse", category: GRAPHIC_VIOLENCE };
  return { verdict: "allow" };
}
