/**
 * Cuts a stream of text deltas into sentences without changing a character: each sentence keeps
 * its trailing whitespace, so the sentences joined give back the stream exactly.
 *
 * A sentence ends at terminal punctuation (with any closing quotes, brackets and citation markers
 * such as "[1]" that follow it) or at a line break, and only once the next non-space character
 * has arrived: until then a "[2]" could still belong to it. It does not end after abbreviations
 * ("e.g.", "Dr."), single initials, list numbers ("1.") or inside decimals ("2.5").
 *
 * The general `splitSentences` in `text/` normalises whitespace and works on whole texts; a stream
 * needs to know where a sentence is certainly over, which is what this adds.
 */
const TERMINAL = /[.!?\u2026]+["'\u201d\u2019)\]]*(?:[ \t]*\[\d+(?:\s*,\s*\d+)*\])*/y;
const WHITESPACE = /\s+/y;
/** "[", "[1", "[1," ...: the start of a citation marker that has not fully arrived yet. */
const PARTIAL_CITATION = /^\[(?:\d+(?:\s*,\s*)?)*$/;
const ABBREVIATION =
  /(?:^|[\s("'])(?:e\.g|i\.e|etc|dr|mr|mrs|ms|mx|prof|st|vs|jr|sr|approx|cf|fig|al|inc|ltd|u\.s|u\.k|a\.m|p\.m|vol|pp|\p{L})$/iu;
const LIST_NUMBER = /(?:^|\n)[ \t]*\d{1,3}$/;

/** Where a sentence mark at `i` ends (after closing quotes and citations), or -1 if it is none. */
function markEnd(text: string, start: number, i: number): number {
  const char = text[i] ?? "";
  if (char === "\n") return i;
  if (!/[.!?\u2026]/.test(char)) return -1;
  const before = text.slice(start, i);
  if (char === "." && (ABBREVIATION.test(before) || LIST_NUMBER.test(before))) return -1;
  TERMINAL.lastIndex = i;
  TERMINAL.exec(text);
  return TERMINAL.lastIndex;
}

/** Where the sentence starting at `start` ends (after its trailing whitespace), if it is known. */
function findEnd(text: string, start: number): number | undefined {
  for (let i = start; i < text.length; i++) {
    const afterMark = markEnd(text, start, i);
    if (afterMark < 0) continue;
    WHITESPACE.lastIndex = afterMark;
    if (!WHITESPACE.exec(text)) {
      // No whitespace yet: either text follows ("2.5", "...)") or the stream paused mid-sentence.
      if (afterMark >= text.length) return undefined;
      i = afterMark - 1;
      continue;
    }
    const end = WHITESPACE.lastIndex;
    // The next sentence has not started: more whitespace or a citation for this one may come.
    if (end >= text.length) return undefined;
    const next = text.slice(end).split(/\s/)[0] ?? "";
    if (text[i] !== "\n" && PARTIAL_CITATION.test(next)) return undefined;
    return end;
  }
  return undefined;
}

export interface SentenceBuffer {
  /** Adds a delta; returns the sentences it completed, in order. */
  push(delta: string): string[];
  /** Returns whatever is left (possibly an unfinished sentence); the buffer is empty after. */
  flush(): string[];
}

export function createSentenceBuffer(): SentenceBuffer {
  let pending = "";
  return {
    push(delta) {
      pending += delta;
      const sentences: string[] = [];
      let end = findEnd(pending, 0);
      while (end !== undefined) {
        sentences.push(pending.slice(0, end));
        pending = pending.slice(end);
        end = findEnd(pending, 0);
      }
      return sentences;
    },
    flush() {
      const rest = pending;
      pending = "";
      return rest.length > 0 ? [rest] : [];
    },
  };
}
