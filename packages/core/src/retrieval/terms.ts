import { stemmer } from "stemmer";

/**
 * English function words that say nothing about a topic. Kept short on purpose: BM25's IDF
 * already discounts frequent words; this list only stops them from spending hash slots.
 */
const STOP_WORDS = new Set(
  `a about above after again against all am an and any are as at be because been before being
  below between both but by can could did do does doing down during each few for from further
  had has have having he her here hers herself him himself his how i if in into is it its itself
  just me more most my myself no nor not now of off on once only or other our ours ourselves out
  over own same she should so some such than that the their theirs them themselves then there
  these they this those through to too under until up very was we were what when where which
  while who whom why will with would you your yours yourself yourselves i'm i've it's don't
  what's how's can't won't`.split(/\s+/),
);

const WORD = /[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu;

/** The words of a text, lower-cased and Unicode-normalised, stop words included. */
export function words(text: string): string[] {
  return text.normalize("NFKC").toLowerCase().match(WORD) ?? [];
}

/**
 * Index terms of a text: Unicode words, lower-cased, stop words and single characters dropped,
 * Porter-stemmed (the `stemmer` package) so "breathing" and "breathe" meet.
 */
export function retrievalTerms(text: string): string[] {
  return words(text)
    .filter((word) => word.length > 1 && !STOP_WORDS.has(word))
    .map((word) => stemmer(word.replace(/'s$/, "")));
}
