import { digitsOf, matchesOf, type PiiMatch } from "./pii-match.ts";

/** 12 to 19 digits, optionally grouped by single spaces or dashes, not part of a longer token. */
const CARD_CANDIDATE = /(?<![\p{L}\p{N}.,-]|\d[ -])\d(?:[ -]?\d){11,18}(?![ -]?\d|\p{L})/gu;

/**
 * Issuer prefixes of the card networks (Visa 4, Mastercard 2/5, Amex/Diners/JCB 3, Discover,
 * Maestro, UnionPay 6, legacy JCB 1800/2131): numbers outside them are not payment cards.
 */
const ISSUER_PREFIX = /^(?:[2-6]|1800|2131)/;
/** Only Maestro (50, 56-69) issues numbers as short as 12 digits; the others start at 13. */
const MAESTRO_PREFIX = /^(?:5[06-9]|6)/;
const SHORTEST_NON_MAESTRO = 13;

/** The Luhn mod-10 checksum every payment card number carries. */
export function isLuhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

function isCardNumber(value: string): boolean {
  const digits = digitsOf(value);
  if (digits.length < SHORTEST_NON_MAESTRO && !MAESTRO_PREFIX.test(digits)) return false;
  return ISSUER_PREFIX.test(digits) && !/^(\d)\1+$/.test(digits) && isLuhnValid(digits);
}

export function findCards(text: string): PiiMatch[] {
  return matchesOf(text, "card", CARD_CANDIDATE, isCardNumber);
}
