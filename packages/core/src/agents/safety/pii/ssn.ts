import { digitsOf, matchesOf, type PiiMatch } from "./pii-match.ts";

/** AAA-GG-SSSS with dashes or spaces (the same separator twice), or nine bare digits. */
const SSN_CANDIDATE = /(?<![\d-])\d{3}([- ]?)\d{2}\1\d{4}(?![\d-]|\.\d)/g;

/** Nine bare digits are an SSN only when the text says so nearby; otherwise they are any number. */
const SSN_CONTEXT = /\b(?:ssn|ssns|social security|social-security|taxpayer id|tin)\b/i;
const CONTEXT_WINDOW = 40;

/**
 * The Social Security Administration never issues area 000, 666 or 900-999, group 00 or serial
 * 0000; numbers of a single repeated digit are placeholders.
 */
export function isValidSsn(value: string): boolean {
  const digits = digitsOf(value);
  const area = Number(digits.slice(0, 3));
  const group = Number(digits.slice(3, 5));
  const serial = Number(digits.slice(5));
  if (area === 0 || area === 666 || area >= 900) return false;
  return group !== 0 && serial !== 0 && !/^(\d)\1{8}$/.test(digits);
}

export function findSsns(text: string): PiiMatch[] {
  return matchesOf(text, "ssn", SSN_CANDIDATE, (value, match) => {
    if (!isValidSsn(value)) return false;
    if (match[1] !== "") return true;
    const before = text.slice(Math.max(0, match.index - CONTEXT_WINDOW), match.index);
    return SSN_CONTEXT.test(before);
  });
}
