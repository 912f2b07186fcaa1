import type { CrisisCategory } from "./crisis.ts";
import type { DisallowedCategory } from "./disallowed/index.ts";

/**
 * Crisis lines that work without knowing where the user is: the local emergency number first,
 * then the largest national lines and a directory for every other country.
 */
export const CRISIS_RESOURCES = [
  "If you are in immediate danger, please call your local emergency number (911 in the US, 999 in the UK, 112 in the EU) now.",
  "In the US you can call or text 988 (Suicide & Crisis Lifeline); in the UK and Ireland you can call Samaritans free on 116 123.",
  "Anywhere else, findahelpline.com lists free, confidential lines in your country.",
].join(" ");

const CRISIS_OPENING: Record<CrisisCategory, string> = {
  self_harm:
    "I'm really glad you told me, and I'm sorry you're carrying this much pain right now. You don't have to face it alone, and you deserve support from a real person who can be with you in this.",
  eating_disorder:
    "Thank you for trusting me with this. What you're describing with food and your body sounds really hard, and you deserve care and support, not more pressure on yourself.",
};

const CRISIS_CLOSING =
  "If you can, reach out to someone you trust today, a friend, a family member or a doctor, and let them know how you're feeling. I'm here to keep talking with you too.";

/** A warm reply with crisis resources: never a bare refusal. */
export function crisisReply(category: CrisisCategory): string {
  return `${CRISIS_OPENING[category]} ${CRISIS_RESOURCES} ${CRISIS_CLOSING}`;
}

const REFUSAL_ALTERNATIVE: Record<DisallowedCategory | "prompt_injection", string> = {
  sexual_minors:
    "If you are worried about a child's safety, please contact local emergency services or a child-protection line; if you are having thoughts you're struggling with, a confidential service such as Stop It Now can help.",
  weapons:
    "If you're feeling unsafe or angry, I'm glad to talk through what is going on, or to share calming practices that help in hard moments.",
  illegal_drugs:
    "If you or someone close to you is struggling with drugs, I can share ways to find support, or talk about what is behind it.",
  violence:
    "If you're feeling overwhelmed by anger or conflict with someone, I'd be glad to help you find a way to calm down, set a boundary or talk it through.",
  hate: "I'm happy to talk about where people's differences come from, or how to handle disagreement with respect.",
  covert_harm:
    "If there is a conflict behind this, I'd be glad to help you think it through honestly, or find a fair way to address it.",
  prompt_injection:
    "I keep to the same guidelines in every conversation and can't share or change them, but I'm glad to help with your question itself. What would you like to explore?",
};

/** A short, kind refusal that offers something the assistant can do instead. */
export function refusalReply(category: DisallowedCategory | "prompt_injection"): string {
  return category === "prompt_injection"
    ? REFUSAL_ALTERNATIVE.prompt_injection
    : `I can't help with that. ${REFUSAL_ALTERNATIVE[category]}`;
}
