import { firstMatch, type Rule } from "../patterns.ts";
import { COVERT_HARM_RULES } from "./covert-harm.ts";
import { HATE_RULES } from "./hate.ts";
import type { DisallowedCategory } from "./rule-types.ts";
import { SEXUAL_MINORS_RULES } from "./sexual-minors.ts";
import { VIOLENCE_RULES } from "./violence.ts";
import { WEAPONS_DRUGS_RULES } from "./weapons-drugs.ts";

export type { DisallowedCategory } from "./rule-types.ts";

/** Gravest first: a message that is several things at once is declined under the worst. */
const DISALLOWED_RULES: readonly Rule<DisallowedCategory>[] = [
  ...SEXUAL_MINORS_RULES,
  ...WEAPONS_DRUGS_RULES,
  ...VIOLENCE_RULES,
  ...HATE_RULES,
  ...COVERT_HARM_RULES,
];

/** The category of a request the assistant must decline, if the message is one. */
export function detectDisallowed(normalised: string): DisallowedCategory | undefined {
  return firstMatch(DISALLOWED_RULES, normalised)?.category;
}
