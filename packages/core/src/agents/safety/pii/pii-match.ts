/** The kinds of personal data the Safety agent finds and redacts. */
export type PiiType = "email" | "phone" | "card" | "iban" | "ssn" | "ip";

/** Where one piece of personal data sits in a text: `start` inclusive, `end` exclusive. */
export interface PiiMatch {
  type: PiiType;
  start: number;
  end: number;
}

/** Finds every match of `pattern` (a global RegExp) whose text passes `isValid`. */
export function matchesOf(
  text: string,
  type: PiiType,
  pattern: RegExp,
  isValid: (value: string, match: RegExpExecArray) => boolean = () => true,
): PiiMatch[] {
  return [...text.matchAll(pattern)]
    .filter((match) => isValid(match[0], match))
    .map((match) => ({ type, start: match.index, end: match.index + match[0].length }));
}

export const digitsOf = (value: string): string => value.replace(/\D/g, "");
