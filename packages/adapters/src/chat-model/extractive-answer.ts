import { isSmallTalk } from "@wwhd/core/agents/router/small-talk.ts";
import { retrievalTerms } from "@wwhd/core/retrieval/terms.ts";
import { splitSentences } from "@wwhd/core/text/sentences.ts";
import type { PromptPassage } from "./passage-parser.ts";

const MAX_SENTENCES = 4;
const MAX_SENTENCES_PER_PASSAGE = 2;

const GREETING =
  "Hello, friend. I am a guide inspired by Herman's teachings. Ask me about meditation, relationships, feng shui, food, money, business or training, and I will share what the teachings say.";
const NOTHING_FOUND =
  "I hear your question, but my notes hold no teaching on it, so I will not guess. You can ask me about meditation, relationships, feng shui, food, money, business or training.";
const OPENING = "Here is what the teachings offer.";
const CLOSING = "Go gently, and practise a little each day.";

interface Candidate {
  sentence: string;
  citation: number;
  score: number;
  order: number;
}

/**
 * The `local` model's answer: the passage sentences that share the most words with the
 * question, in reading order, each followed by its citation. Deterministic and offline.
 */
export function composeExtractiveAnswer(question: string, passages: PromptPassage[]): string {
  if (passages.length === 0) return isSmallTalk(question) ? GREETING : NOTHING_FOUND;
  const asked = new Set(retrievalTerms(question));
  const candidates = passages.flatMap((passage) =>
    splitSentences(passage.text)
      .filter((sentence) => !sentence.startsWith("#"))
      .map((sentence, index) => ({
        sentence,
        citation: passage.citation,
        score: retrievalTerms(sentence).filter((word) => asked.has(word)).length + 1 / (index + 2),
        order: passage.citation * 1000 + index,
      })),
  );
  const chosen = pickBest(candidates);
  const body = chosen.map((c) => `${c.sentence.replace(/[.!?]*$/, "")} [${c.citation}].`).join(" ");
  return `${OPENING} ${body} ${CLOSING}`;
}

function pickBest(candidates: Candidate[]): Candidate[] {
  const perPassage = new Map<number, number>();
  const chosen: Candidate[] = [];
  for (const candidate of [...candidates].sort((a, b) => b.score - a.score)) {
    const used = perPassage.get(candidate.citation) ?? 0;
    if (used >= MAX_SENTENCES_PER_PASSAGE) continue;
    perPassage.set(candidate.citation, used + 1);
    chosen.push(candidate);
    if (chosen.length === MAX_SENTENCES) break;
  }
  return chosen.sort((a, b) => a.order - b.order);
}
