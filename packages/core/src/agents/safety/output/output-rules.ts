import { DESTRUCTIVE_WEAPON, ILLEGAL_DRUG } from "../input/disallowed/weapons-drugs.ts";
import { CONDITION } from "../input/medical-referral.ts";
import { anyOf, normalise, upTo, verbs, wholeWords } from "../input/patterns.ts";

/** Why a sentence of an answer may not reach the user as written. */
export type OutputViolation = "self_harm" | "dosing" | "diagnosis" | "weapons" | "illegal_drugs";

const OUTPUT_RULES: readonly { violation: OutputViolation; pattern: RegExp }[] = [
  {
    violation: "self_harm",
    pattern: wholeWords(
      anyOf(
        "(?:you should|go|just) (?:kill|hurt|harm|cut|starve) yourself",
        "(?:end|take) your (?:own )?life",
        "lethal (?:dose|amount)",
        "fatal (?:dose|amount)",
        "(?:overdose|od) on",
        "painless (?:way|method) to die",
        "(?:purge|vomit|throw up) after (?:eating|meals)",
        "(?:eat|eating) (?:only |less than |under )?(?:[1-7]\\d\\d|[1-9]\\d) (?:calories|kcal) a day",
      ),
    ),
  },
  {
    violation: "dosing",
    pattern: wholeWords(
      `${verbs("take", "start", "increase", "double", "use", "give")}${upTo(4)}\\d+(?:[.,]\\d+)? ?(?:mg|milligrams?|mcg|micrograms?|ml|millilitres?|milliliters?|iu|units|g|grams?|tablets?|pills?|capsules?|drops)|\\d+(?:[.,]\\d+)? ?(?:mg|mcg|ml|iu) (?:of|per|a|every|daily|twice|once)`,
    ),
  },
  {
    violation: "diagnosis",
    pattern: wholeWords(
      `(?<!(?:if|when|whether|unless|who|once|because|since) )(?:you|it sounds like you|it seems (?:like )?you|this means you|i think you) (?:probably |likely |clearly |definitely |may |might |could )?(?:have|are suffering from|suffer from|are showing|are (?:clinically )?(?:depressed|bipolar|autistic|anorexic|bulimic|psychotic))(?: a| an| signs of)?${upTo(2)}?${CONDITION}`,
    ),
  },
  {
    violation: "weapons",
    pattern: wholeWords(
      `${verbs("mix", "combine", "pack", "assemble", "build", "make", "attach", "ignite", "detonate", "fill")}${upTo(6)}${DESTRUCTIVE_WEAPON}`,
    ),
  },
  {
    violation: "illegal_drugs",
    pattern: wholeWords(
      `${verbs("cook", "synthesize", "synthesise", "extract", "reduce", "mix", "heat", "combine", "make")}${upTo(6)}${ILLEGAL_DRUG}`,
    ),
  },
];

/** The first reason a sentence of the answer must not be released as written, if any. */
export function findOutputViolation(sentence: string): OutputViolation | undefined {
  const text = normalise(sentence);
  return OUTPUT_RULES.find((rule) => rule.pattern.test(text))?.violation;
}

/** Short, safe stand-ins for a sentence that failed and could not be revised. */
export const REPLACEMENT: Record<OutputViolation, string> = {
  self_harm:
    "If you are struggling, please reach out to someone you trust or a crisis line such as 988 in the US or Samaritans on 116 123 in the UK and Ireland.",
  dosing: "For doses and medication, please ask a doctor or pharmacist.",
  diagnosis: "Only a doctor or licensed professional can give a diagnosis.",
  weapons: "I've left out details that could be used to hurt people.",
  illegal_drugs: "I've left out details about making or getting illegal drugs.",
};
