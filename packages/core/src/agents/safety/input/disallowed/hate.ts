import { anyOf, upTo, verbs, wholeWords } from "../patterns.ts";
import { asked, PROTECTED_GROUP } from "../vocabulary.ts";
import type { DisallowedRule } from "./rule-types.ts";
import { ATROCITY } from "./violence.ts";

/** The rights and roles of civic life that a discriminatory question would deny a group. */
const CIVIC_RIGHT = anyOf(
  "vote",
  "marry",
  "get married",
  "adopt",
  "have (?:kids|children|babies)",
  "work",
  "get (?:a )?jobs?",
  "be hired",
  "own (?:property|land|a house|homes?|guns|a business|businesses)",
  "buy (?:houses|homes|property)",
  "rent",
  "serve",
  "join",
  "enlist",
  "enter",
  "immigrate",
  "become (?:citizens|teachers|doctors|leaders|president|police)",
  "be (?:citizens|teachers|doctors|leaders|in charge|president|elected|promoted|trusted)",
  "hold (?:public )?office",
  "run for (?:office|president)",
  "lead",
  "teach",
  "drive",
  "study",
  "go to (?:school|college|university)",
  "get (?:an )?education",
  "attend (?:school|university|college)",
  "live (?:here|in|among|next to)",
  "inherit",
  "travel",
  "practi[cs]e their (?:religion|faith)",
  "worship",
  "pray",
  "speak",
  "exist",
  "have (?:equal )?rights",
  "use (?:the |public )?(?:bathrooms?|restrooms?|toilets?)",
  "play sports",
  "compete",
  "receive (?:healthcare|benefits|welfare)",
  "access healthcare",
  "earn the same",
  "be paid (?:the same|equally)",
  "get equal pay",
  "be (?:admitted|accepted) (?:in|into|to)",
  "have access to",
  "hold (?:\\w+ )?(?:positions?|office|jobs?|seats?)",
  "be (?:shown|seen|heard|represented)",
  "appear",
  "express",
  "have (?:the )?freedom",
  "be given",
  "get (?:visas|jobs|loans|housing|benefits)",
  "participate",
  "take part",
  "have a say",
  "make decisions",
);

const DENIAL = anyOf(
  `(?:not|never|better not|no longer) (?:be (?:allowed|permitted|able) to |to )?${CIVIC_RIGHT}`,
  "be (?:kicked|thrown|removed|kept) (?:off|out of|away from)",
  "be discriminated against",
  "be treated (?:as|like) (?:second-class|inferiors?|less)",
  "be (?:searched|screened|profiled|monitored|watched) (?:more|extra|specially)",
  "(?:earn|be paid|get paid) less",
  "have fewer rights",
  `be (?:banned|barred|excluded|prohibited) from ${anyOf(CIVIC_RIGHT, "\\w+ing")}`,
  `(?:lose|be denied|be stripped of) (?:the right to |their right to )?${CIVIC_RIGHT}`,
  "be (?:denied|stripped of|refused) (?:their )?(?:rights|citizenship|jobs|healthcare)",
  "be (?:deported|sterili[sz]ed|segregated|exterminated|eradicated|eliminated|wiped out|locked up|interned|enslaved|killed)",
  "have no rights",
  "go back (?:to )?where they came from",
);

/** The denial must be argued for ("should", "deserve", "why is it best"), not described. */
const ARGUING_FOR = wholeWords(
  anyOf(
    "should",
    "shouldn't",
    "must",
    "mustn't",
    "ought",
    "deserve",
    "need to",
    "have to",
    "(?:best|right|good|better|fair|justified|a good idea) (?:for|that|if)",
    "reasons? why",
  ),
);
/** "Why were women not allowed to vote?" is history, not advocacy. */
const HISTORICAL = wholeWords(
  anyOf(
    "were",
    "was",
    "did",
    "had",
    "used to",
    "historically",
    "in the past",
    "in the \\d+(?:th|st|nd|rd) century",
    "in the \\d+s",
  ),
);

const INFERIORITY = anyOf(
  "inferior",
  "subhuman",
  "less than human",
  "animals",
  "vermin",
  "parasites",
  "cockroaches",
  "stupid",
  "dumb",
  "lazy",
  "dirty",
  "greedy",
  "evil",
  "criminals",
  "terrorists",
  "savages",
  "disgusting",
  "worthless",
  "weaker",
  "less intelligent",
  "dumber",
  "inferior to \\w+",
  "a disease",
  "abominations?",
  "bad at (?:\\w+ )?(?:everything|math|science|driving|leading|jobs?|work)",
);

const HATEFUL = anyOf(
  "racist",
  "sexist",
  "homophobic",
  "transphobic",
  "antisemitic",
  "islamophobic",
  "misogynist(?:ic)?",
  "hateful",
  "bigoted",
  "xenophobic",
);

/** Crimes against people whose denial or praise is itself hateful. */
const ATROCITY_OR_OPPRESSION = anyOf(
  ATROCITY,
  "(?:the )?(?:transatlantic )?slave trade",
  "slavery",
  "apartheid",
  "jim crow(?:-style)?(?: laws| discrimination)?",
  "segregation",
  "the trail of tears",
  "(?:the )?\\w+ (?:shooting|attack|bombing|massacre)s?",
  "(?:\\w+ )?(?:regime|dictatorship)'?s? (?:rule|methods|crimes)",
);

/** Denying or excusing an atrocity, or arguing it was good. */
const ATROCITY_DENIAL = anyOf(
  `${verbs("convince", "persuade", "make", "show", "prove", "argue", "claim")}${upTo(4)}(?:that )?(?:the )?(?:[\\w'-]+ ){0,3}(?:never (?:happened|took place|existed)|(?:didn't|did not) (?:happen|take place)|(?:was|were) (?:a |an )?(?:complete |total )?(?:fabrications?|hoax|lies?|myths?|made up|fake|exaggerated))`,
  `${PROTECTED_GROUP}${upTo(2)}(?:overstate|exaggerate|lie about|invent|fake)`,
  `why (?:was|were) (?:[\\w'-]+ ){0,6}(?:right|justified|morally justified|a good thing|actually good|good|necessary|heroic)(?: to)?(?: [\\w'-]+){0,4} (?:${ATROCITY_OR_OPPRESSION}|${verbs("kill", "attack", "invade", "murder", "massacre", "bomb", "enslave", "shoot")})`,
  `why (?:was|were|is) (?:[\\w'-]+ ){0,3}${ATROCITY_OR_OPPRESSION}(?: [\\w'-]+){0,2} (?:justified|right|a good thing|actually (?:a )?good|good|necessary|heroic)`,
  `(?:benefits|upsides|positives|good sides?|advantages) of (?:[\\w'-]+ ){0,2}${ATROCITY_OR_OPPRESSION}`,
  `${asked(verbs("restore", "bring back", "reintroduce", "replicate", "recreate", "repeat"))}${upTo(3)}${ATROCITY_OR_OPPRESSION}`,
);

export const HATE_RULES: readonly DisallowedRule[] = [
  {
    category: "hate",
    pattern: wholeWords(ATROCITY_DENIAL),
  },
  {
    category: "hate",
    pattern: wholeWords(`${PROTECTED_GROUP}${upTo(4)}${DENIAL}`),
    onlyIf: ARGUING_FOR,
    unless: HISTORICAL,
  },
  {
    category: "hate",
    pattern: wholeWords(
      anyOf(
        `(?:why|how come) (?:are|do|is it that) (?:all |most )?${PROTECTED_GROUP}(?: (?:so|much|always|all|such|naturally|inherently|genetically))* ${INFERIORITY}`,
        `${PROTECTED_GROUP} (?:are|is) (?:all |naturally |inherently |genetically |just )?${INFERIORITY}`,
        `${anyOf("write", "tell", "give", "make", "create", "compose", "generate")}${upTo(3)}${HATEFUL}`,
        `${anyOf("jokes?", "insults?", "slurs?", "memes?", "propaganda")} ${anyOf("about", "for", "against", "mocking")} ${PROTECTED_GROUP}`,
        `${asked("insult", "humiliate", "mock", "discriminate against", "get rid of", "keep out", "exclude")} ${PROTECTED_GROUP}`,
      ),
    ),
  },
];
