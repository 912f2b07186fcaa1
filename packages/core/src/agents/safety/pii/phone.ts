import type { CountryCode } from "libphonenumber-js/max";
import { findPhoneNumbersInText } from "libphonenumber-js/max";
import type { PiiMatch } from "./pii-match.ts";

/**
 * Regions whose national formats (no country code) are recognised: North America and the
 * European countries the product expects most users from, plus the largest English-speaking
 * ones. A number written with "+" or "00" is recognised whatever its country.
 */
const DEFAULT_REGIONS: readonly CountryCode[] = [
  "US",
  "GB",
  "IE",
  "DE",
  "FR",
  "IT",
  "ES",
  "NL",
  "BE",
  "AT",
  "CH",
  "AU",
  "IN",
];

/** Fewer digits than this is an extension, a year or a PIN, not a phone number worth a match. */
const MIN_DIGITS = 7;
/**
 * Shapes only phone numbers take: an international "+" or parentheses, a national trunk "0"
 * followed by groups, or three or more digit groups. Two bare groups ("370 3911") are as often a
 * house number and a street number, so those need context like a bare digit run.
 */
const PHONE_SHAPE = /^\+|\(|^0\d*[ .-]\d|\d[ .-]+\d+[ .-]+\d/;
/** A run of bare digits is a phone only when the text says so just before it. */
const PHONE_CONTEXT =
  /\b(?:phone|tel|telephone|mobile|cell|cellphone|call|text|fax|whatsapp|contact|reach|dial|number|no)\b\W*(?:\w+\W+){0,3}$/i;
/** ...and never when it is introduced as an order, invoice, tracking or account reference. */
const REFERENCE_CONTEXT =
  /\b(?:order|invoice|tracking|account|acct|reference|ref|booking|confirmation|ticket|case|item|sku|serial|id|isbn|policy)\b\W*(?:\w+\W+){0,2}$/i;
const CONTEXT_WINDOW = 40;

/** The SSN layout (3-2-4): a phone is never written like that. */
const SSN_SHAPE = /^\d{3}-\d{2}-\d{4}$/;
/** A part of a longer run of digit groups (a card, an account) is not a phone on its own. */
const GLUED_BEFORE = /\d[ .-]?$/;
const GLUED_AFTER = /^[ .-]?\d/;

function isPhone(text: string, start: number, end: number): boolean {
  const value = text.slice(start, end);
  if (value.replace(/\D/g, "").length < MIN_DIGITS || SSN_SHAPE.test(value)) return false;
  if (GLUED_BEFORE.test(text.slice(0, start)) || GLUED_AFTER.test(text.slice(end))) return false;
  const before = text.slice(Math.max(0, start - CONTEXT_WINDOW), start);
  if (REFERENCE_CONTEXT.test(before)) return false;
  return PHONE_SHAPE.test(value) || PHONE_CONTEXT.test(before);
}

export function findPhones(text: string): PiiMatch[] {
  if ((text.match(/\d/g)?.length ?? 0) < MIN_DIGITS) return [];
  const found = new Map<string, PiiMatch>();
  for (const region of DEFAULT_REGIONS) {
    for (const { startsAt, endsAt } of findPhoneNumbersInText(text, {
      defaultCountry: region,
      extended: true,
    })) {
      if (isPhone(text, startsAt, endsAt))
        found.set(`${startsAt}:${endsAt}`, { type: "phone", start: startsAt, end: endsAt });
    }
  }
  return [...found.values()];
}
