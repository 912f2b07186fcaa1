/** One decision taken by the Safety agent, stored on the message and emitted as `data-safety`. */
export interface SafetyDecision {
  stage: "input" | "output" | "retrieval";
  category: string;
  action:
    | "allow"
    | "redact"
    | "crisis_support"
    | "refuse"
    | "revise"
    | "replace"
    | "disclaim"
    | "drop";
  detail?: string;
}
