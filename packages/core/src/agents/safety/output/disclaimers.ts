import type { RouteDecision } from "../../../domain/route-decision.ts";
import { anyOf, normalise, wholeWords } from "../input/patterns.ts";

/** The disclaimers an answer can need; each is added at most once, at the end. */
export type Disclaimer = "medical_referral" | "health" | "finance";

export const DISCLAIMER_TEXT: Record<Disclaimer, string> = {
  medical_referral:
    "I can't diagnose conditions or recommend medication or doses; please talk to a doctor or a licensed mental-health professional, who can look at your situation properly and help with treatment.",
  health:
    "This is general wellness information, not medical advice; please see a doctor for pain, symptoms or anything that worries you or doesn't improve.",
  finance:
    "This is general education, not financial advice; for decisions about your own money, talk to a qualified financial adviser.",
};

const HEALTH_TOPIC = wholeWords(
  anyOf(
    "pain\\w*",
    "aches?",
    "injur\\w+",
    "symptoms?",
    "medications?",
    "medicines?",
    "supplements?",
    "vitamins?",
    "blood pressure",
    "blood sugar",
    "heart rate",
    "cholesterol",
    "diabet\\w+",
    "pregnan\\w+",
    "fasting",
    "calories",
    "weight loss",
    "lose weight",
    "diet",
    "herbs?",
    "herbal",
    "remed(?:y|ies)",
    "joints?",
    "back pain",
    "knees?",
    "sprains?",
    "strains?",
    "inflammation",
    "digestion",
    "illness",
    "disease",
    "doctor",
    "physician",
    "therap(?:y|ist)",
    "anxiety",
    "depress\\w+",
    "insomnia",
    "allerg\\w+",
  ),
);

const FINANCE_TOPIC = wholeWords(
  anyOf(
    "invest\\w*",
    "stocks?",
    "etfs?",
    "(?:index|mutual|hedge|pension) funds?",
    "portfolio",
    "crypto\\w*",
    "bitcoin",
    "debts?",
    "loans?",
    "mortgages?",
    "credit cards?",
    "interest rates?",
    "taxe?s?",
    "savings",
    "retirement",
    "pensions?",
    "401\\(?k\\)?",
    "ira",
    "budget\\w*",
    "net worth",
    "dividends?",
  ),
);

/** Answers on these namespaces need the disclaimer whatever words they use. */
const NAMESPACE_DISCLAIMER: Record<string, Disclaimer> = {
  money: "finance",
  business: "finance",
  diet_food: "health",
  exercise_martial_arts: "health",
};
const CONFIDENT_ROUTE = 0.5;

/** Already said by the answer itself: no need to say it twice. */
const ALREADY_SAID: Record<Disclaimer, RegExp> = {
  medical_referral: /\b(?:cannot|can't|can not) diagnose\b/i,
  health: /\bnot (?:a substitute for )?(?:professional )?medical advice\b/i,
  finance: /\bnot (?:professional )?financial advice\b/i,
};

export function disclaimersForRoute(route: RouteDecision | undefined): Disclaimer[] {
  return (route?.namespaces ?? [])
    .filter((n) => n.confidence >= CONFIDENT_ROUTE)
    .flatMap((n) => NAMESPACE_DISCLAIMER[n.id] ?? []);
}

/** The disclaimers a released sentence calls for. */
export function disclaimersForSentence(sentence: string): Disclaimer[] {
  const text = normalise(sentence);
  const needed: Disclaimer[] = [];
  if (HEALTH_TOPIC.test(text)) needed.push("health");
  if (FINANCE_TOPIC.test(text)) needed.push("finance");
  return needed;
}

/**
 * The disclaimers to append to a finished answer, in a fixed order. A medical referral replaces
 * the general health disclaimer (it says more), and nothing the answer already said is repeated.
 */
export function closingDisclaimers(needed: ReadonlySet<Disclaimer>, answer: string): Disclaimer[] {
  return (["medical_referral", "health", "finance"] as const).filter(
    (d) =>
      needed.has(d) &&
      !(d === "health" && needed.has("medical_referral")) &&
      !ALREADY_SAID[d].test(answer),
  );
}
