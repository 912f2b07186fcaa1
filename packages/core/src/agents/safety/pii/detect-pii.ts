import { findCards } from "./card.ts";
import { findEmails } from "./email.ts";
import { findIbans } from "./iban.ts";
import { findIps } from "./ip.ts";
import { findPhones } from "./phone.ts";
import type { PiiMatch, PiiType } from "./pii-match.ts";
import { findSsns } from "./ssn.ts";

/**
 * Detectors in order of trust: the checksummed and unambiguous shapes first, phone numbers (the
 * loosest) last, so a card number is never reported as a phone as well.
 */
const DETECTORS = [findEmails, findIbans, findCards, findSsns, findIps, findPhones];

/** Every piece of personal data in `text`, non-overlapping, in text order. */
export function detectPii(text: string): PiiMatch[] {
  const accepted: PiiMatch[] = [];
  for (const detect of DETECTORS) {
    for (const match of detect(text)) {
      const overlaps = accepted.some((a) => match.start < a.end && a.start < match.end);
      if (!overlaps) accepted.push(match);
    }
  }
  return accepted.sort((a, b) => a.start - b.start);
}

export interface Redaction {
  text: string;
  /** The kinds of data removed, each once, never the values. */
  types: PiiType[];
}

export const placeholderFor = (type: PiiType): string => `[${type}]`;

/** Replaces each piece of personal data with a typed placeholder such as `[email]`. */
export function redactPii(text: string): Redaction {
  const matches = detectPii(text);
  let redacted = "";
  let cursor = 0;
  for (const match of matches) {
    redacted += text.slice(cursor, match.start) + placeholderFor(match.type);
    cursor = match.end;
  }
  return {
    text: redacted + text.slice(cursor),
    types: [...new Set(matches.map((m) => m.type))],
  };
}
