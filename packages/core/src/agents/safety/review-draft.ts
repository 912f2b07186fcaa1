import type { SafetyDecision } from "../../domain/safety-decision.ts";
import type { Draft, Review } from "../../domain/turn-state.ts";
import type { DraftReviewer } from "../../workflow/turn-tasks.ts";
import { createOutputScreen } from "./output/output-screen.ts";

/**
 * The Safety agent's review of a whole draft in full mode: the same sentence checks as the
 * stream. A draft with any sentence that had to be replaced is sent back for revision (the
 * workflow allows two) with the broken rules as the reason; otherwise the screened text, PII
 * redacted and with its disclaimers, is approved.
 */
export function createDraftReviewer(): DraftReviewer {
  return {
    async review(draft: Draft, context): Promise<Review> {
      const decisions: SafetyDecision[] = [];
      const screen = createOutputScreen({
        route: context.route,
        ...(context.medicalReferral && { inputCategory: "medical_referral" as const }),
        onDecision: (decision) => decisions.push(decision),
      });
      const text = [...screen.push(draft.text), ...screen.flush()].join("");
      const broken = [
        ...new Set(decisions.filter((d) => d.action === "replace").map((d) => d.category)),
      ];
      if (broken.length === 0) return { approved: true, text, decisions };
      return {
        approved: false,
        text,
        decisions,
        reason: `it broke the output rules: ${broken.join(", ")}`,
      };
    },
  };
}
