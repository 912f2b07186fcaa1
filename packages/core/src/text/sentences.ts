/**
 * Splits prose into sentences, keeping abbreviations like "e.g." and "Dr." and decimals such as
 * "2.5" inside their sentence. Good enough for extractive answers over our own corpus.
 */
const SENTENCE =
  /[^.!?]+(?:(?:\b(?:e\.g|i\.e|etc|Dr|Mr|Mrs|Ms|vs)\.|\d\.\d|[.!?](?=\S))[^.!?]*)*[.!?]*/g;

export function splitSentences(text: string): string[] {
  return (text.replace(/\s+/g, " ").match(SENTENCE) ?? [])
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
