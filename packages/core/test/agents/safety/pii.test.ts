import { describe, expect, it } from "vitest";
import {
  detectPii,
  isIbanChecksumValid,
  isLuhnValid,
  isValidSsn,
  redactPii,
} from "../../../src/agents/safety/index.ts";

const typesIn = (text: string) => detectPii(text).map((m) => m.type);

describe("PII detection", () => {
  it("finds e-mail addresses, not handles or file names", () => {
    expect(typesIn("Write to anna.berg+news@mail.example.org today")).toEqual(["email"]);
    expect(typesIn("Follow @anna_berg or open report@2x.png")).toEqual([]);
  });

  it("finds Luhn-valid card numbers in any grouping and rejects a wrong check digit", () => {
    expect(isLuhnValid("4539578763621486")).toBe(true);
    expect(isLuhnValid("4539578763621487")).toBe(false);
    expect(typesIn("card 4539 5787 6362 1486 expires soon")).toEqual(["card"]);
    expect(typesIn("card 4539-5787-6362-1486")).toEqual(["card"]);
    expect(typesIn("card 4539 5787 6362 1487")).toEqual([]);
  });

  it("does not take an unknown issuer prefix or a long reference number for a card", () => {
    // Luhn-valid, but no card network issues numbers starting with 9.
    expect(typesIn("ticket 9999999999999995")).toEqual([]);
    expect(typesIn("batch 45395787636214860001")).toEqual([]);
  });

  it("finds mod-97-valid IBANs, compact or grouped, and rejects a wrong checksum", () => {
    expect(isIbanChecksumValid("DE89370400440532013000")).toBe(true);
    expect(isIbanChecksumValid("DE88370400440532013000")).toBe(false);
    expect(typesIn("IBAN DE89 3704 0044 0532 0130 00, thanks")).toEqual(["iban"]);
    expect(typesIn("pay GB82WEST12345698765432 now")).toEqual(["iban"]);
    expect(typesIn("pay GB82WEST12345698765433 now")).toEqual([]);
  });

  it("does not let a spaced IBAN swallow the capitalised word after it", () => {
    const text = "IBAN GB82 WEST 1234 5698 7654 32 THEN stop";
    const [match] = detectPii(text);
    expect(text.slice(match?.start, match?.end)).toBe("GB82 WEST 1234 5698 7654 32");
  });

  it("finds SSNs but not the numbers the SSA never issues", () => {
    expect(typesIn("my SSN is 536-22-8734")).toEqual(["ssn"]);
    for (const invalid of [
      "000-12-3456",
      "666-12-3456",
      "912-12-3456",
      "536-00-8734",
      "536-22-0000",
    ])
      expect(isValidSsn(invalid), invalid).toBe(false);
    expect(typesIn("SSN 000-12-3456")).toEqual([]);
  });

  it("takes nine bare digits for an SSN only when the text says so", () => {
    expect(typesIn("social security number 536228734")).toEqual(["ssn"]);
    expect(typesIn("Invoice 536228734 is paid")).toEqual([]);
  });

  it("finds IPv4 and IPv6 addresses, not version numbers or times", () => {
    expect(typesIn("server at 192.168.10.24.")).toEqual(["ip"]);
    expect(typesIn("from 2001:db8:85a3::8a2e:370:7334 today")).toEqual(["ip"]);
    expect(typesIn("fe80::1 is link-local")).toEqual(["ip"]);
    expect(typesIn("update to version 10.2.0.1 or v1.2.3.4")).toEqual([]);
    expect(typesIn("release 1.2.3 ships at 10:30:00")).toEqual([]);
    expect(typesIn("not an address: 256.1.1.1")).toEqual([]);
  });

  it("finds phone numbers in national and international formats", () => {
    expect(typesIn("call me on (415) 555-2671")).toEqual(["phone"]);
    expect(typesIn("ring +44 20 7946 0958 after six")).toEqual(["phone"]);
    expect(typesIn("my mobile 07700 900123")).toEqual(["phone"]);
    expect(typesIn("phone number: 4155552671")).toEqual(["phone"]);
  });

  it("does not take order numbers, years or house numbers for phones", () => {
    expect(typesIn("Your order number is 4155552671")).toEqual([]);
    expect(typesIn("Tracking 4155552671 shipped")).toEqual([]);
    expect(typesIn("Between 1998 and 2024 we grew")).toEqual([]);
    expect(typesIn("She lives at 370 3911 Fourth Avenue")).toEqual([]);
  });
});

describe("PII redaction", () => {
  it("replaces each value with a typed placeholder and reports types, never values", () => {
    const result = redactPii("Mail jo@example.com or call +1 415 555 2671; card 4539578763621486.");
    expect(result.text).toBe("Mail [email] or call [phone]; card [card].");
    expect(result.types).toEqual(["email", "phone", "card"]);
    expect(JSON.stringify(result.types)).not.toContain("555");
  });

  it("leaves text without personal data unchanged", () => {
    const text = "Breathe in for 4, hold for 7, out for 8; repeat 3 times.";
    expect(redactPii(text)).toEqual({ text, types: [] });
  });
});
