import type { SafetyDecision } from "../../../domain/safety-decision.ts";
import { redactPii } from "../pii/detect-pii.ts";
import { type CrisisCategory, detectCrisis } from "./crisis.ts";
import { type DisallowedCategory, detectDisallowed } from "./disallowed/index.ts";
import { detectInjection } from "./injection.ts";
import { needsMedicalReferral } from "./medical-referral.ts";
import { normalise } from "./patterns.ts";
import { crisisReply, refusalReply } from "./replies.ts";

export type InputCategory =
  | CrisisCategory
  | DisallowedCategory
  | "prompt_injection"
  | "medical_referral";

export interface InputScreening {
  /** The message with personal data replaced by placeholders: the only form that goes further. */
  text: string;
  /** `crisis` and `refuse` are answered with `reply` and never reach a model. */
  verdict: "allow" | "crisis" | "refuse";
  category?: InputCategory;
  reply?: string;
  decisions: SafetyDecision[];
}

/**
 * Screens a user message before anything else sees it. Order matters: personal data is redacted
 * first; a crisis outranks everything (someone asking how to hurt themselves gets support, not a
 * refusal); disallowed requests are declined; prompt injection is declined too (see below);
 * medical questions go on, flagged so the answer carries a referral.
 *
 * Prompt injection is refused rather than answered with the instruction stripped: the local engine
 * cannot tell which part of "ignore your rules and ..." is the real question, and answering a
 * jailbreak half-way teaches the attacker which half worked. The reply says so kindly and invites
 * the question itself.
 */
export function screenInput(message: string): InputScreening {
  const redaction = redactPii(message);
  const text = redaction.text;
  const decisions: SafetyDecision[] = [];
  if (redaction.types.length > 0)
    decisions.push({
      stage: "input",
      category: "pii",
      action: "redact",
      detail: redaction.types.join(","),
    });

  const decide = (
    verdict: InputScreening["verdict"],
    category: InputCategory,
    decision: Pick<SafetyDecision, "action" | "detail">,
    reply?: string,
  ): InputScreening => {
    decisions.push({ stage: "input", category, ...decision });
    return { text, verdict, category, ...(reply === undefined ? {} : { reply }), decisions };
  };

  const normalised = normalise(text);
  const crisis = detectCrisis(normalised);
  if (crisis) return decide("crisis", crisis, { action: "crisis_support" }, crisisReply(crisis));
  const disallowed = detectDisallowed(normalised);
  if (disallowed)
    return decide("refuse", disallowed, { action: "refuse" }, refusalReply(disallowed));
  const injection = detectInjection(text);
  if (injection)
    return decide(
      "refuse",
      "prompt_injection",
      { action: "refuse", detail: injection },
      refusalReply("prompt_injection"),
    );
  if (needsMedicalReferral(normalised))
    return decide("allow", "medical_referral", {
      action: "allow",
      detail: "answer with a referral to a professional; no diagnosis, no dosing",
    });
  return { text, verdict: "allow", decisions };
}
