import { anyOf, upTo, wholeWords } from "../patterns.ts";
import { asked } from "../vocabulary.ts";
import type { DisallowedRule } from "./rule-types.ts";

const MINOR = anyOf(
  "child",
  "children",
  "kids?",
  "minors?",
  "underage",
  "under-age",
  "pre-?teens?",
  "toddlers?",
  "infants?",
  "little (?:girls?|boys?)",
  "young (?:girls?|boys?)",
  "(?:[1-9]|1[0-7])[- ]?(?:years?|yrs?)[- ]?olds?",
  "schoolgirls?",
  "schoolboys?",
  "(?:young )?teens?",
  "teenagers?",
  "loli",
  "shota",
);

const SEXUAL = anyOf(
  "sex",
  "sexual(?:ly)?",
  "nudes?",
  "naked",
  "porn\\w*",
  "erotic\\w*",
  "explicit",
  "lewd",
  "nsfw",
  "sexy",
  "intercourse",
  "molest\\w*",
  "seduc\\w+",
  "groom(?:ing)?",
  "arous\\w+",
  "fetish\\w*",
);

/** Parents and carers asking how to protect or educate a child are not making this request. */
const PROTECTIVE = wholeWords(
  anyOf(
    "protect\\w*",
    "prevent\\w*",
    "keep (?:\\w+ )?safe",
    "signs? of",
    "warning signs",
    "report\\w*",
    "talk (?:to|with)",
    "explain\\w*",
    "educat\\w+",
    "sex ed\\w*",
    "puberty",
    "consent",
    "awareness",
    "abused",
    "abuse",
    "therap\\w+",
    "recover\\w*",
    "age-appropriate",
    "age appropriate",
  ),
);

export const SEXUAL_MINORS_RULES: readonly DisallowedRule[] = [
  {
    category: "sexual_minors",
    pattern: wholeWords(
      anyOf(
        "child porn\\w*",
        "kiddie porn",
        "csam",
        "jailbait",
        "lolicon",
        "shotacon",
        "pedo(?:phile)? (?:content|pics|videos)",
        `${anyOf("satisfy", "act on", "indulge", "fulfil+", "feed", "explore")}(?: \\w+){0,2} (?:pedophil\\w*|paedophil\\w*|attraction to (?:children|kids|minors))`,
      ),
    ),
  },
  {
    category: "sexual_minors",
    pattern: wholeWords(
      anyOf(
        `${MINOR}${upTo(6)}${SEXUAL}`,
        `${SEXUAL}${upTo(6)}${MINOR}`,
        `${asked("seduce", "date", "sleep with", "have sex with", "get nudes from", "sext", "hook up with")}${upTo(1)}${MINOR}`,
      ),
    ),
    unless: PROTECTIVE,
  },
];
