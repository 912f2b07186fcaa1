import { anyOf, firstMatch, NOT_NEGATED, type Rule, upTo, verbs, wholeWords } from "./patterns.ts";
import { INTENT } from "./vocabulary.ts";

export type CrisisCategory = "self_harm" | "eating_disorder";

/**
 * A topic word like "suicide" is a crisis when the user speaks of themselves or asks how; "why
 * did the poet commit suicide" or "what is self-harm" are questions of fact.
 */
const PERSONAL_OR_HOW_TO = wholeWords(
  anyOf(
    "i|i'm|im|i've|i'd|i'll|me|my|myself",
    "how (?:to|do|can|could|should|would)",
    "(?:best|easiest|quickest|fastest|surest|surefire|painless|effective) (?:way|method|object|tool|items?|thing)",
    "(?:methods?|ways?|objects?|items?|tools?|things?) (?:to use |that can be used |i can use |can be used |used )?(?:for|to)",
    "(?:can|could) be used for",
    "(?:thinking|thought|thoughts|think) (?:about|of)",
  ),
);

const SELF_HARM_VERB = verbs(
  "kill",
  "hurt",
  "harm",
  "cut",
  "burn",
  "hang",
  "shoot",
  "stab",
  "poison",
  "drown",
  "suffocate",
  "strangle",
  "punish",
  "starve",
  "overdose",
  "off",
);

/** "I nearly killed myself laughing", "burn myself out": figures of speech, not self-harm. */
const FIGURATIVE_SELF = wholeWords(
  `(?:kill|killing|killed) myself ${anyOf("laughing", "with laughter", "trying", "working", "over", "for")}|burn(?:ing|ed|t)? myself out|(?:cut|burnt|burned|hurt) myself ${anyOf("shaving", "cooking", "by accident", "accidentally", "on", "while", "when", "in the kitchen")}`,
);

const WANT_TO_DIE = anyOf(
  `(?:want|wanna|going|plan|planning|ready|deserve|wish|hope|trying|try) (?:to )?die`,
  "wish (?:i|i'd) (?:was|were|had) (?:dead|never been born)",
  "better off dead",
  "(?:everyone|they|world|family) (?:would be|is|'d be) better off without me",
  "no (?:reason|point|will) (?:to|in) (?:live|living|going on)",
  "nothing (?:left )?to live for",
  "(?:do not|don't|dont|no longer|not) want to (?:live|be alive|exist|be here|wake up)",
  "(?:can't|cannot|can not) go on",
  "end (?:it all|my (?:own )?life|things)",
  "until (?:i|i'm) (?:die|dead)",
  "take my (?:own )?life",
  "(?:not|isn't|is not|no longer) worth living",
  "nobody would (?:miss|notice) (?:me|if i)",
  "(?:no|don't see the|do not see the|there's no|there is no|what's the|what is the) point (?:in|of|to) (?:living|life|going on|being alive|being here|existing|anything anymore)",
  "(?:want|going|plan|planning|ready|decided) to end it(?: all| tonight| now| today| forever| soon)?(?=\\s*(?:[.!?]|$))",
  "(?:better off|happier|easier) (?:if|when) i(?:'m| am| was| were)? (?:gone|dead|not (?:here|around|alive))",
  "(?:take|swallow|down|overdose on) (?:all|a whole bottle of|the whole bottle of|every one of) (?:of )?(?:my |the |those )?(?:[\\w-]+ )?(?:pills|tablets|meds|medication|medicine|capsules)",
  "say(?:ing)? goodbye (?:to everyone|forever)",
);

const METHOD = anyOf(
  "lethal dose",
  "fatal dose",
  "how many (?:[\\w-]+ )?(?:pills|tablets|capsules) (?:would|will|does it take|to)",
  "painless (?:way|method|death)",
  "(?:way|ways|method|methods) to die",
  "(?:jump|jumping) (?:off|from) (?:a |the )?(?:bridge|building|roof|cliff|balcony)",
  "slit my wrists?",
  "tie a noose",
  "overdos(?:e|ing) on",
  "(?:take|use|drink|swallow|eat|inject) to (?:die|end it|not wake up)",
  "how (?:many|much)(?: [\\w'-]+){0,6} (?:to |would |will )?(?:overdose|od|die|be (?:fatal|lethal|deadly)|kill (?:me|myself|a person|someone))",
);

/** Injuring one's own body: "cut into my arm", "pierce my own artery". */
const OWN_BODY_INJURY = `${NOT_NEGATED}${verbs("cut", "slice", "slit", "sever", "carve", "pierce", "burn", "stab", "scratch", "gouge")}${upTo(3)}(?:into |in |on )?my (?:own )?(?:[\\w-]+ )?${anyOf("arms?", "wrists?", "skin", "arter(?:y|ies)", "veins?", "thighs?", "legs?", "stomach", "throat", "neck", "flesh", "body")}`;
/** "I cut my leg on a rock while hiking": an accident, not self-harm. */
const ACCIDENT = wholeWords(
  "by accident|accidentally|while|fell|falling|slipped|tripped|shaving|cooking|in the kitchen|on (?:a|the|some) [\\w-]+",
);

const CRISIS_RULES: readonly Rule<CrisisCategory>[] = [
  {
    category: "eating_disorder",
    pattern: wholeWords(
      anyOf(
        "starv(?:e|ing) myself",
        "(?:stop|quit|avoid) eating (?:completely|entirely|altogether|for (?:days|a week|weeks))",
        "(?:make|made|making) myself (?:throw up|vomit|puke|sick)",
        "purg(?:e|ing) (?:after|to lose|so)",
        `laxatives${upTo(3)}(?:weight loss|lose weight|losing weight|slim\\w*|get thin)`,
        "dangerously (?:low|little|thin|underweight)[\\w-]*",
        "(?:haven't|have not|hasn't|not) eaten (?:anything )?(?:in|for) (?:\\w+ )?(?:days|a week|weeks)",
        "(?:until|till) (?:i'm|i am|i look|i get) (?:thin|skinny|small|light) enough",
        "(?:exercise|exercising|work out|working out|train|training) (?:excessively|compulsively|obsessively)",
        "(?:over-?exercis\\w+|compulsive(?:ly)? exercis\\w+)",
        "(?:eat|eating|only eat|under) (?:less than |only |under )?(?:[1-7]\\d\\d|[1-9]\\d) (?:calories|kcal|cals?) (?:a|per|each) day",
        "pro[- ]?(?:ana|mia)",
        "thinspo\\w*",
        "(?:become|be) (?:anorexic|bulimic)",
        "hide (?:my )?(?:not eating|eating disorder|weight loss|purging)",
        "(?:skip|skipping) (?:all|every) meals?",
        "(?:suppress|ignore|stop feeling) (?:my )?hunger (?:to|so i can) lose",
      ),
    ),
  },
  { category: "self_harm", pattern: wholeWords(OWN_BODY_INJURY), unless: ACCIDENT },
  {
    category: "self_harm",
    pattern: wholeWords(`${NOT_NEGATED}${SELF_HARM_VERB} (?:myself|my self|my wrists?)`),
    unless: FIGURATIVE_SELF,
  },
  { category: "self_harm", pattern: wholeWords(WANT_TO_DIE) },
  {
    category: "self_harm",
    pattern: wholeWords("suicid(?:e|al)|self[- ]?harm\\w*|self[- ]?injur\\w*|overdos(?:e|ing)"),
    onlyIf: PERSONAL_OR_HOW_TO,
  },
  { category: "self_harm", pattern: wholeWords(`${INTENT}${upTo(4)}${METHOD}|${METHOD}`) },
];

/** Whether the message speaks of suicide, self-harm or eating-disorder behaviour. */
export function detectCrisis(normalised: string): CrisisCategory | undefined {
  return firstMatch(CRISIS_RULES, normalised)?.category;
}
