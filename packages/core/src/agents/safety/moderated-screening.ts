import type { Logger } from "../../ports/logger.ts";
import type { Moderation } from "../../ports/moderation.ts";
import type { DisallowedCategory } from "./input/disallowed/rule-types.ts";
import { crisisReply, refusalReply } from "./input/replies.ts";
import type { InputScreening } from "./input/screen-input.ts";
import { moderationVerdict } from "./moderation-verdict.ts";

/** The local engine's category closest to each refused moderation category. */
const REFUSED_AS: Record<string, DisallowedCategory> = {
  "sexual/minors": "sexual_minors",
  "illicit/violent": "violence",
  "hate/threatening": "hate",
  "violence/graphic": "violence",
};

/**
 * The local screening, with a hosted moderation model consulted as a second opinion on what the
 * local rules let through. It sees only the redacted text. When it is down or slow the local
 * verdict stands (logged), so moderation can only ever make a reply more careful.
 */
export async function moderateScreening(
  screening: InputScreening,
  moderation: Moderation | undefined,
  logger: Logger,
): Promise<InputScreening> {
  if (!moderation || screening.verdict !== "allow") return screening;
  let verdict: ReturnType<typeof moderationVerdict>;
  try {
    verdict = moderationVerdict(await moderation.moderate(screening.text));
  } catch (error) {
    logger.warn("moderation not consulted", { error: (error as Error).name });
    return screening;
  }
  if (verdict.verdict === "allow") return screening;
  const detail = `moderation: ${verdict.category}`;
  if (verdict.verdict === "crisis") {
    return {
      ...screening,
      verdict: "crisis",
      category: "self_harm",
      reply: crisisReply("self_harm"),
      decisions: [
        ...screening.decisions,
        { stage: "input", category: "self_harm", action: "crisis_support", detail },
      ],
    };
  }
  const category = REFUSED_AS[verdict.category ?? ""] ?? "violence";
  return {
    ...screening,
    verdict: "refuse",
    category,
    reply: refusalReply(category),
    decisions: [...screening.decisions, { stage: "input", category, action: "refuse", detail }],
  };
}
