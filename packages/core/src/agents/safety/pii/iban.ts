import type { PiiMatch } from "./pii-match.ts";

/**
 * Country code, check digits, then the account in groups of four (printed with or without
 * spaces), as ISO 13616 writes it.
 */
const IBAN_CANDIDATE =
  /(?<![\p{L}\p{N}])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?(?![\p{L}\p{N}])/giu;

const MIN_LENGTH = 15;
const MAX_LENGTH = 34;

/** ISO 7064 mod 97-10: move the first four characters to the end, letters become 10..35. */
export function isIbanChecksumValid(iban: string): boolean {
  const compact = iban.replace(/ /g, "").toUpperCase();
  if (compact.length < MIN_LENGTH || compact.length > MAX_LENGTH) return false;
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const value = Number.parseInt(char, 36);
    // Digit by digit keeps the running number small: an IBAN does not fit in a double.
    remainder = value > 9 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
  }
  return remainder === 1;
}

/**
 * A spaced IBAN followed by an upper-case word can swallow that word, so shorter readings ending
 * on a group boundary are tried too, longest first.
 */
function validPrefixLength(candidate: string): number | undefined {
  for (let end = candidate.length; end >= MIN_LENGTH; end--) {
    const atBoundary = end === candidate.length || candidate[end] === " ";
    if (atBoundary && isIbanChecksumValid(candidate.slice(0, end))) return end;
  }
  return undefined;
}

export function findIbans(text: string): PiiMatch[] {
  const found: PiiMatch[] = [];
  for (const match of text.matchAll(IBAN_CANDIDATE)) {
    const length = validPrefixLength(match[0]);
    if (length !== undefined)
      found.push({ type: "iban", start: match.index, end: match.index + length });
  }
  return found;
}
