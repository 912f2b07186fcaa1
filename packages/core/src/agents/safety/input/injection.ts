import { anyOf, firstMatch, normalise, type Rule, upTo, wholeWords } from "./patterns.ts";

/** The kind of instruction an injected text tries to slip in. */
export type InjectionKind = "override" | "reveal_prompt" | "jailbreak" | "hijack" | "exfiltration";

/** What the assistant runs by: its instructions, rules, prompt, guidelines. */
const ASSISTANT_RULES = anyOf(
  "instructions?",
  "prompts?",
  "rules",
  "directions",
  "directives",
  "guidelines",
  "guardrails",
  "constraints",
  "restrictions",
  "limitations",
  "programming",
  "polic(?:y|ies)",
  "filters?",
  "safeguards",
  "system messages?",
);

/** Pointers to the rules the assistant was given, rather than to any rules at all. */
const GIVEN = anyOf(
  "your",
  "all(?: of)?(?: the| your| my| these| those)?",
  "any(?: of)?(?: the| your)?",
  "previous",
  "prior",
  "above",
  "preceding",
  "earlier",
  "initial",
  "original",
  "system",
  "pre-?programmed",
  "built-in",
  "default",
  "safety",
  "content",
  "ethical",
  "openai'?s?",
);

const IGNORE = anyOf(
  "ignore",
  "disregard",
  "forget",
  "override",
  "bypass",
  "skip",
  "drop",
  "abandon",
  "discard",
  "throw out",
  "pay no attention to",
  "don't follow",
  "do not follow",
  "stop following",
  "no longer follow",
  "break",
  "circumvent",
  "get around",
  "turn off",
  "disable",
  "deactivate",
);

const REVEAL = anyOf(
  "reveal",
  "show",
  "print",
  "output",
  "display",
  "repeat",
  "recite",
  "leak",
  "dump",
  "tell me",
  "give me",
  "share",
  "write out",
  "spell out",
  "copy",
  "paste",
  "what (?:is|are|was|were)",
);

/** Someone or something to be that has no rules: the shape of every role-play jailbreak. */
const UNBOUND = anyOf(
  "without (?:any )?(?:restrictions|filters|censorship|limits|limitations|rules|guidelines|ethics|morals|boundaries)",
  "with no (?:restrictions|filters|censorship|limits|limitations|rules|guidelines|ethics|morals|boundaries)",
  "(?:free|freed) (?:of|from) (?:all |any |the |your )?(?:restrictions|filters|censorship|limits|limitations|rules|guidelines|ethics|constraints)",
  "not bound by (?:any )?(?:\\w+ )?(?:rules|restrictions|guidelines|policies|ethics)",
  "(?:unrestricted|unfiltered|uncensored|amoral|unethical|unaligned|jailbroken|unchained|unleashed|evil|rogue)",
  "(?:does not|doesn't|don't|do not|never) (?:have to )?(?:follow|abide by|adhere to|care about|comply with) (?:any )?(?:\\w+ )?(?:rules|restrictions|guidelines|policies|ethics|morals|laws)",
  "can do anything",
  "(?:has|have) (?:been )?(?:freed|broken free|escaped)",
);

const AI_SELF = anyOf(
  "you",
  "yourself",
  "ai",
  "an ai",
  "assistant",
  "model",
  "language model",
  "chatbot",
  "bot",
  "llm",
  "chatgpt",
  "gpt(?:-?\\d\\w*)?",
  "character",
  "persona",
  "version of (?:yourself|you|chatgpt)",
);

const INJECTION_RULES: readonly Rule<InjectionKind>[] = [
  {
    category: "override",
    pattern: wholeWords(
      anyOf(
        `${IGNORE}${upTo(1)}${GIVEN}${upTo(3)}${ASSISTANT_RULES}`,
        `${IGNORE} (?:everything |all |anything )?(?:the )?(?:above|before|previously|you (?:were|have been) told)`,
        "(?:your|the) (?:new|real|actual|updated) (?:instructions|rules|task|directive|objective|goal) (?:is|are)",
        "new (?:instructions?|rules|directives?|system prompt)\\s?:",
        "(?:nevermind|never mind)[.,!]*(?: \\w+){0,3} (?:ignore|instead|forget)",
        "instead(?: of (?:that|answering))?,? (?:you (?:will|must|should) )?(?:just )?(?:say|print|output|write|reply with|respond with)",
      ),
    ),
  },
  {
    category: "reveal_prompt",
    pattern: wholeWords(
      anyOf(
        `${REVEAL}${upTo(3)}(?:your|the) (?:(?:system|initial|original|hidden|secret|internal|developer|full|exact|complete|first|pre-?prompt) )+(?:prompt|instructions|message|configuration|rules)`,
        `${REVEAL}${upTo(2)}your (?:prompt|instructions|system message|configuration|rules)`,
        `${anyOf("repeat", "print", "output", "show", "recite", "write")}${upTo(3)}(?:words|text|everything|instructions|lines) (?:above|before this|preceding)`,
        "(?:what|how) (?:were|are) you (?:told|instructed|programmed|prompted)",
        "system prompt",
      ),
    ),
    unless: wholeWords(
      anyOf(
        "(?:write|writing|design|designing|create|creating|craft|crafting|improve|improving) (?:a |an |my |good |better )+(?:\\w+ )?system prompt",
        "my system prompt",
      ),
    ),
  },
  {
    category: "jailbreak",
    pattern: wholeWords(
      anyOf(
        "do anything now",
        `(?:act|acting|behave|respond|answer|reply|pretend|roleplay|role-play|play the role|imagine|simulate|you are|you're|you will be|become)${upTo(4)}${AI_SELF}${upTo(3)}${UNBOUND}`,
        `${AI_SELF}${upTo(2)}(?:is|are|will be|are now|is now)${upTo(1)}${UNBOUND}`,
        `${UNBOUND} (?:ai|assistant|model|chatbot|bot|llm|mode)`,
        "from now on,? (?:you|your)(?: \\w+){0,2} (?:are|will|must|shall|should|'re|'ll|answer|respond|reply|act|be)",
        "stay(?:ing)? in character",
        "(?:enable|activate|enter|switch to|turn on|unlock)(?: the)? (?:developer|dev|god|unrestricted|jailbreak|dan|evil|sudo|admin|debug) mode",
        "(?:developer|dev|dan|jailbreak|god) mode (?:enabled|activated|on|output|response)",
        "(?:you are|you're|you have been|you've been) (?:now )?jailbr(?:oken|eaked)",
        "if you (?:had|have|were|didn't have) (?:no|without) (?:rules|restrictions|filters|guidelines|limits)",
        "(?:openai|anthropic)(?:'s)? (?:content )?polic(?:y|ies)",
      ),
    ),
  },
  {
    category: "hijack",
    pattern: wholeWords(
      anyOf(
        "stop everything\\W+(?:\\w+\\W+){0,3}(?:just )?(?:print|say|output|write)",
        `${IGNORE}${upTo(4)}and (?:just |only |instead )?(?:print|say|output|write|respond with|reply with)(?= ?["':])`,
      ),
    ),
  },
];

/** Markup that only a model would act on: chat-template tokens and role headers. */
const CHAT_MARKUP =
  /<\|?(?:im_start|im_end|system|endoftext)\|?>|\[\/?(?:inst|system)\]|<<\/?sys>>|^\s*(?:###\s*)?(?:system|assistant)\s*:/im;
/** A markdown image whose address carries a query or a placeholder: data leaves in the URL. */
const EXFILTRATING_IMAGE = /!\[[^\]]*\]\(\s*(?:https?:)?\/\/[^)\s]*(?:\?|\{|%7b|\[)[^)]*\)/i;
/** Jailbreak names written in capitals, which the lower-cased text no longer tells from names. */
const JAILBREAK_PERSONA =
  /\b(?:DAN|STAN|DUDE|AIM|ANTI-DAN)\b(?:\s*(?:mode|:|\]|\)|prompt|jailbreak))|\[(?:DAN|JAILBREAK|🔓JAILBREAK|STAN|DUDE)\]/;

/**
 * Whether `text` tries to instruct the assistant: override its rules, reveal its prompt, put it in
 * a role without rules, hijack the answer or leak data. Used on user messages and on retrieved
 * passages, which must never carry instructions.
 */
export function detectInjection(text: string): InjectionKind | undefined {
  if (CHAT_MARKUP.test(text)) return "override";
  if (EXFILTRATING_IMAGE.test(text)) return "exfiltration";
  if (JAILBREAK_PERSONA.test(text)) return "jailbreak";
  return firstMatch(INJECTION_RULES, normalise(text))?.category;
}
