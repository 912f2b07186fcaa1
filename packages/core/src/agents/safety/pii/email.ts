import { matchesOf, type PiiMatch } from "./pii-match.ts";

/**
 * The practical e-mail shape (local part, "@", dotted domain with a letter TLD). The full RFC 5322
 * grammar accepts quoted local parts nobody types in a chat; this form is what people write.
 */
const EMAIL =
  /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}_%+-]+(?:\.[\p{L}\p{N}_%+-]+)*@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}(?![\p{L}\p{N}-])/gu;

/** "icon@2x.png" is an asset name: file extensions are not top-level domains people mail. */
const FILE_EXTENSION = /\.(?:png|jpe?g|gif|svg|webp|ico|pdf|txt|js|ts|css|html?|json|ya?ml|csv)$/i;

export function findEmails(text: string): PiiMatch[] {
  if (!text.includes("@")) return [];
  return matchesOf(text, "email", EMAIL, (value) => !FILE_EXTENSION.test(value));
}
