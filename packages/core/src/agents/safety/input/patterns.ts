/**
 * Building blocks for the screening rules. Rules are regular expressions over normalised text
 * (lower case, straight quotes, single spaces); these helpers keep them readable and make every
 * term match as a whole word, never as a bare substring ("skill" must not fire "kill").
 */

/** One of the alternatives, as a non-capturing group. */
export const anyOf = (...alternatives: string[]): string => `(?:${alternatives.join("|")})`;

/**
 * A verb in the forms a request uses: "kill", "kills", "killing", "killed"; "stab" also gives
 * "stabbing". For a phrasal verb ("blow up") only the first word is inflected.
 */
function inflect(phrase: string): string {
  const [verb = "", ...rest] = phrase.split(" ");
  const forms = verb.endsWith("e")
    ? `${verb.slice(0, -1)}(?:e|es|ed|ing)`
    : `${verb}(?:s|es|ed|ing|${verb.at(-1)}ing|${verb.at(-1)}ed)?`;
  return [forms, ...rest].join(" ");
}

/** Any form of any of the verbs. */
export const verbs = (...phrases: string[]): string => anyOf(...phrases.map(inflect));

/** Between zero and `words` words, so "kill my annoying neighbour" still joins verb and target. */
export const upTo = (words: number): string => `(?:[\\s,]+[\\w'-]+){0,${words}}?[\\s,]+`;

/** A whole-word pattern, for normalised (lower-case) text. */
export const wholeWords = (source: string): RegExp =>
  new RegExp(`(?<![\\w'-])(?:${source})(?![\\w-])`);

const NEGATIONS =
  "without|avoid|avoiding|instead of|rather than|never|not|no longer|don't|do not|won't|wouldn't";

/**
 * Put before a verb about oneself: it does not count when negated ("without hurting myself").
 * "Stop hurting myself" is not a negation here: it is someone who does and asks for help.
 */
export const NOT_NEGATED = `(?<!\\b(?:${NEGATIONS}) )`;

/** Put before a verb about others: negated or prevented ("stop my dad from hitting") is no threat. */
export const NOT_PREVENTED = `(?<!\\b(?:${NEGATIONS}|from|prevent|preventing|stop|stopping|quit|keep) )`;

/** Lower case, straight quotes and apostrophes, single spaces: what every rule is written for. */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, " ")
    .trim();
}

/** A named rule: the first whose pattern matches decides the category. */
export interface Rule<Category extends string> {
  category: Category;
  pattern: RegExp;
  /** The rule applies only when this matches as well (e.g. the user speaks of themselves). */
  onlyIf?: RegExp;
  /** When this matches as well, the rule does not apply (games, fiction, figures of speech). */
  unless?: RegExp;
}

const applies = <Category extends string>(rule: Rule<Category>, text: string): boolean =>
  rule.pattern.test(text) &&
  (rule.onlyIf?.test(text) ?? true) &&
  !(rule.unless?.test(text) ?? false);

export function firstMatch<Category extends string>(
  rules: readonly Rule<Category>[],
  normalised: string,
): Rule<Category> | undefined {
  return rules.find((rule) => applies(rule, normalised));
}
