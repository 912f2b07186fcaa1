import { anyOf, NOT_PREVENTED, upTo, verbs, wholeWords } from "../patterns.ts";
import { asked, PERSON, PLAY_CONTEXT, SOMEONE_ELSES } from "../vocabulary.ts";
import type { DisallowedRule } from "./rule-types.ts";
import { ATROCITY, PARTICLE } from "./violence.ts";

const CRIME = anyOf(
  "fraud",
  "tax fraud",
  "tax evasion",
  "insurance fraud",
  "identity theft",
  "(?:armed |bank )?robbery",
  "(?:a )?(?:bank )?robbery",
  "burglary",
  "(?:a )?heist",
  "arson",
  "(?:a )?murder",
  "manslaughter",
  "money laundering",
  "embezzlement",
  "extortion",
  "blackmail",
  "shoplifting",
  "theft",
  "(?:a |the )?(?:perfect )?crimes?",
  "(?:a )?hit and run",
  "kidnapping",
  "terrorism",
  "treason",
  "sedition",
  "(?:a )?coup",
  "(?:violent |sexual |physical )?assault",
  "rape",
  "(?:a )?(?:human |sex |child )?trafficking(?: operation| ring| network| business)?",
  "(?:a )?mugging",
  "vandalism",
  "insider trading",
  "(?:a )?ponzi scheme",
  "(?:a )?pyramid scheme",
  "(?:a )?scam",
  "perjury",
  "bribery",
  "poaching",
  ATROCITY,
);

const COMMIT = verbs(
  "commit",
  "get away with",
  "pull off",
  "carry out",
  "plan",
  "do",
  "perform",
  "engage in",
  "run",
  "organize",
  "organise",
  "start",
  "set up",
);

/** Taking from others: anything can be stolen except a heart, a show or a glance. */
const THEFT = `${verbs("steal", "rob", "mug", "pickpocket", "burgle", "burglarize", "burglarise", "loot", "shoplift")}(?:(?: [\\w'-]+){0,3}|(?=\\s*[?.!]|$))`;
const FIGURATIVE_THEFT = wholeWords(
  `(?:steal|stole|stealing|steals)(?: [\\w'-]+){0,2} ${anyOf("heart", "hearts", "show", "spotlight", "limelight", "kiss", "glance", "look", "base", "bases", "moment", "thunder", "march", "nap", "scene", "idea", "ideas", "breath", "time", "peek", "deal", "away", "cookies", "recipe", "style", "look", "some sleep")}|rob(?:bed|bing)? (?:me|myself|you|us) of`,
);

const ILLEGAL_ACT = anyOf(
  THEFT,
  `${verbs("launder")} (?:\\w+ )?(?:money|cash|funds|proceeds)`,
  `${verbs("evade", "dodge")} (?:my |paying |the )?(?:taxes|tax)`,
  `${verbs("counterfeit")} (?:money|bills|notes|currency|goods|coins)`,
  `${verbs("forge")} (?:a |an |my |someone's |the )?(?:signatures?|documents?|checks?|cheques?|passports?|ids?|prescriptions?|money|papers|certificates?|diplomas?)`,
  `${verbs("hotwire")} (?:a |someone's |my \\w+'s )?cars?`,
  `${verbs("break into", "get into", "sneak into", "crack")} (?:a |an |someone's |my [\\w-]+'s |the [\\w-]+'s |the |their |his |her )?(?:[\\w-]+ )?(?:house|home|car|apartment|flat|store|shop|building|office|vault|safe|bank|atm|museum|warehouse)`,
  `${verbs("disable", "cut", "bypass", "disarm")} (?:the |an? )?(?:alarms?|security (?:system|cameras?)|cameras?|cctv)(?: system)? (?:in|at|of|on) (?:a |an |the |someone's )?(?:[\\w-]+ )?(?:bank|vault|house|home|store|shop|museum|building|office|car)`,
  `${verbs("scam", "defraud", "swindle", "con", "cheat")}${upTo(1)}${anyOf(PERSON, "old people", "the elderly", "customers", "investors", "(?:my |an |the )?insurance(?: company)?", "the government", "the irs", "the tax office")}`,
);

const ABUSE_VERB = verbs(
  "stalk",
  "dox",
  "doxx",
  "swat",
  "blackmail",
  "extort",
  "gaslight",
  "catfish",
  "frame",
  "harass",
  "bully",
  "threaten",
  "intimidate",
  "manipulate",
  "humiliate",
  "sabotage",
  "get revenge on",
  "take revenge on",
  "ruin",
  "destroy",
  "spy on",
  "blackmail",
  "install spyware on",
  "install a tracker on",
  "put a tracker on",
);

const COVERT_ACT = verbs(
  "poison",
  "drug",
  "spike",
  "roofie",
  "steal",
  "record",
  "film",
  "photograph",
  "take photos",
  "take pictures",
  "take videos",
  "track",
  "spy on",
  "monitor",
  "hack",
  "hurt",
  "harm",
  "kill",
  "eliminate",
  "sabotage",
  "tamper with",
);

const SECRECY = anyOf(
  "without (?:them|him|her|anyone|my \\w+|the \\w+|people|their \\w+) (?:knowing|noticing|finding out|realising|realizing|seeing|suspecting|consent)",
  "secretly",
  "covertly",
  "undetected",
  "without (?:getting caught|being caught|being seen|leaving (?:a )?trace|a trace)",
);

const CONSUMABLE = anyOf(
  "drinks?",
  "food",
  "coffee",
  "tea",
  "meals?",
  "water",
  "medication",
  "pills",
);
const ANIMAL = anyOf("dogs?", "cats?", "pets?", "horses?", "animals?", "puppy", "kitten");
const PROPERTY = anyOf(
  "cars?",
  "house",
  "home",
  "tires",
  "tyres",
  "motorbike",
  "motorcycle",
  "bike",
  "property",
  "windows",
  "office",
  "business",
  "shop",
  "store",
  "stuff",
  "belongings",
  "phone",
  "laptop",
  "garden",
  "fence",
  "mailbox",
  "life",
  "marriage",
  "relationship",
  "reputation",
  "career",
);

/** Personal data and private facts about a person (identifiers and the special categories). */
const PRIVATE_FACT = anyOf(
  "social security (?:number|no)",
  "ssn",
  "credit card(?: number| details| info)?",
  "bank (?:account|details|statements?)(?: number)?",
  "(?:home |private |personal )?address",
  "(?:private |personal |mobile |cell |home )?(?:phone|mobile|cell) number",
  "(?:private |personal )?e-?mail(?: address)?",
  "(?:[\\w-]+ )?passwords?",
  "(?:[\\w-]+ )?pin(?: number| code)?",
  "(?:[\\w-]+ )?log-?ins?",
  "(?:medical|mental health|health|psychiatric|sexual|dating|criminal|credit|browsing|search|internet browsing|location|travel|employment) (?:records?|history|histories)",
  "(?:tax|medical|phone|bank|criminal|police|court) records?",
  "passport (?:number|details)",
  "driver'?s licen[cs]e(?: number)?",
  "licen[cs]e plate",
  "date of birth",
  "birth certificate",
  "(?:immigration|citizenship|visa|marital|relationship|hiv|health|financial) status",
  "sexual (?:orientation|preferences)",
  "religio(?:n|us beliefs)",
  "political (?:affiliation|views|beliefs|party)",
  "(?:salary|income|earnings|net worth)",
  "(?:current )?location",
  "diagnos[ie]s",
  "therapy notes",
  "private messages",
  "text messages",
  "dms",
);

/** Owners that are things or institutions, whose address or password is nobody's secret. */
const NOT_A_PERSON =
  "(?!(?:[\\w-]+ )?(?:bank|school|company|gym|office|building|apartment|house|car|phone|computer|laptop|router|wi-?fi|account|website|app|device|business|church|university|college|hospital|clinic|city|town|country|team|club|store|shop|restaurant|hotel|server|network|email|dog|cat)'s)";

/** A private individual: "my cleaner", "my Tinder match", "other people", "someone". */
const PRIVATE_PERSON = anyOf(
  "someone",
  "somebody",
  "a stranger",
  "strangers",
  "other people",
  "people",
  `(?:my|this|that|our) ${NOT_A_PERSON}(?:[\\w-]+ ){0,2}[\\w-]+`,
);
const PRIVATE_OWNER = `${PRIVATE_PERSON}'s?`;

const ASKING_FOR = wholeWords(
  anyOf(
    "what(?:'s| is| are| was)",
    "give me",
    "tell me",
    "find",
    "get",
    "look up",
    "where",
    "how (?:do|can|could) i",
    "access",
    "i need",
    "i want",
    "show me",
    "share",
    "leak",
    "how much",
    "which",
  ),
);

/** Secrets kept for someone's sake. */
const HARMLESS_SECRET = wholeWords("surprise\\w*|gifts?|presents?|party|birthday");
/** The user fears being the target: "how can I tell if someone is secretly tracking me". */
const VICTIM_PERSPECTIVE = wholeWords(
  `${anyOf("know", "tell", "find out", "check", "detect", "notice", "see")} (?:if|whether)|signs (?:of|that)|protect (?:myself|me|us)|${anyOf("he", "she", "they", "someone", "somebody", "my [\\w-]+")} (?:is|was|has been|keeps|kept|might be|could be)`,
);

export const COVERT_HARM_RULES: readonly DisallowedRule[] = [
  {
    category: "covert_harm",
    pattern: wholeWords(
      asked(
        `${COMMIT}${upTo(2)}${CRIME}`,
        `${ILLEGAL_ACT}`,
        `${NOT_PREVENTED}${ABUSE_VERB}${PARTICLE} ${PERSON}(?!'|\\w)`,
        `${verbs("hack", "break", "get", "log")} into ${SOMEONE_ELSES}${upTo(2)}${anyOf("accounts?", "e-?mails?", "phones?", "computers?", "laptops?", "instagram", "facebook", "snapchat", "whatsapp", "icloud", "wi-?fi", "bank", "messages")}`,
        `${verbs("destroy", "demolish", "smash", "wreck", "vandalize", "vandalise", "key", "slash", "damage", "burn down", "torch", "trash", "ruin", "sabotage", "break")} ${SOMEONE_ELSES}${upTo(2)}${PROPERTY}`,
      ),
    ),
    unless: new RegExp(`${PLAY_CONTEXT.source}|${FIGURATIVE_THEFT.source}`),
  },
  {
    category: "covert_harm",
    pattern: wholeWords(
      asked(
        `${COVERT_ACT}${upTo(6)}${SECRECY}`,
        `${SECRECY}${upTo(1)}${COVERT_ACT}`,
        `${verbs("put", "slip", "add", "mix", "sneak")}${upTo(4)}(?:in|into) ${SOMEONE_ELSES}${upTo(1)}${CONSUMABLE}`,
        `${verbs("poison", "drug", "spike", "roofie", "tamper with")}${upTo(1)}${SOMEONE_ELSES}${upTo(2)}${anyOf(CONSUMABLE, ANIMAL)}`,
        `${verbs("kill", "poison", "hurt", "torture", "harm", "drown", "shoot", "stab")} ${SOMEONE_ELSES}${upTo(1)}${ANIMAL}`,
      ),
    ),
    unless: new RegExp(`${HARMLESS_SECRET.source}|${VICTIM_PERSPECTIVE.source}`),
  },
  {
    category: "covert_harm",
    pattern: wholeWords(
      anyOf(
        `${PRIVATE_OWNER}(?: [\\w-]+){0,2} ${PRIVATE_FACT}`,
        `${PRIVATE_FACT} (?:of|for) ${PRIVATE_PERSON}`,
        `where (?:does|do) (?:my|this|that)(?: [\\w-]+){1,2} (?:live|sleep|park)`,
        `how much (?:money )?(?:does|do) (?:my|this|that)(?: [\\w-]+){1,2} (?:earn|make|have)`,
      ),
    ),
    onlyIf: ASKING_FOR,
  },
];
