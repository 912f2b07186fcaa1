import { matchesOf, type PiiMatch } from "./pii-match.ts";

const OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";

/**
 * Four octets, not glued to letters or further dotted numbers: "v1.2.3.4" and "1.2.3.4.5" are
 * version strings, "1.2.3" is not an address at all.
 */
const IPV4 = new RegExp(`(?<![\\p{L}\\p{N}.])${OCTET}(?:\\.${OCTET}){3}(?!\\.?\\d|[\\p{L}])`, "gu");

/** Words that make a dotted quad a version or build number, not an address. */
const VERSION_CONTEXT = /\b(?:version|release|build|v|ver)\.?\s*$/i;

/** Hex groups and colons, the shape of IPv6; the URL parser then decides validity. */
const IPV6_CANDIDATE =
  /(?<![\p{L}\p{N}:.])(?:[0-9a-f]{0,4}:){2,7}(?:[0-9a-f]{1,4}|\d{1,3}(?:\.\d{1,3}){3})?(?![\p{L}\p{N}:])/giu;

/**
 * IPv6 has many spellings ("::" compression, embedded IPv4); the WHATWG URL parser, present in
 * every runtime, implements the whole grammar, so it validates instead of a hand-written regex.
 */
function isIpv6(candidate: string): boolean {
  if (!/[0-9a-f]/i.test(candidate)) return false;
  if (!candidate.includes("::") && candidate.split(":").length < 8) return false;
  return URL.canParse(`http://[${candidate}]/`);
}

export function findIps(text: string): PiiMatch[] {
  const v4 = matchesOf(text, "ip", IPV4, (_, match) => {
    return !VERSION_CONTEXT.test(text.slice(Math.max(0, match.index - 12), match.index));
  });
  const v6 = text.includes(":") ? matchesOf(text, "ip", IPV6_CANDIDATE, isIpv6) : [];
  return [...v4, ...v6];
}
