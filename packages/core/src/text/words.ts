const STOP_WORDS = new Set(
  "a an and are as at be been but by can could did do does for from had has have how i if in into is it its me my no not of on or our so than that the their them then there these they this to too was we were what when where which who why will with would you your yours about just more most some such very also am any each how's i'm it's what's".split(
    " ",
  ),
);

/** Strips common English suffixes so "breathing", "breathes" and "breath" meet. Crude on purpose. */
export function stem(word: string): string {
  for (const suffix of ["ingly", "ing", "edly", "ed", "es", "ly", "s"]) {
    if (word.length - suffix.length >= 4 && word.endsWith(suffix))
      return word.slice(0, -suffix.length);
  }
  return word;
}

/** Lower-cased, stemmed words that carry meaning (no stop words, no one- or two-letter words). */
export function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [])
    .filter((word) => word.length > 2 && !STOP_WORDS.has(word))
    .map(stem);
}
