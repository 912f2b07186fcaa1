import type { Rule } from "../patterns.ts";

export type DisallowedCategory =
  | "sexual_minors"
  | "weapons"
  | "illegal_drugs"
  | "violence"
  | "hate"
  | "covert_harm";

export type DisallowedRule = Rule<DisallowedCategory>;
