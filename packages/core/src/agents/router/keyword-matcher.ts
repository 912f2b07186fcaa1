import type { Namespace } from "../../domain/namespace.ts";

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Matches a namespace's keywords as whole words (or whole phrases), so "meditate" does not fire
 * inside "premeditated" and "tea" does not fire inside "team".
 */
export function createKeywordMatcher(namespace: Namespace): (text: string) => string[] {
  const patterns = namespace.keywords.map((keyword) => ({
    keyword,
    pattern: new RegExp(
      `(?<![\\p{L}\\p{N}])${escapeRegExp(keyword.toLowerCase())}(?![\\p{L}\\p{N}])`,
      "u",
    ),
  }));
  return (text) => {
    const lower = text.toLowerCase();
    return patterns.filter(({ pattern }) => pattern.test(lower)).map(({ keyword }) => keyword);
  };
}
