import { createHash } from "node:crypto";
import { decode, encode } from "gpt-tokenizer";
import { splitSentences } from "../text/sentences.ts";
import { splitMarkdownSections } from "./markdown-sections.ts";

export interface Chunk {
  /** Content hash of document id, section and text: the same input always gets the same id. */
  id: string;
  documentId: string;
  section: string;
  text: string;
  /** Position of the chunk in its document, from 0. */
  index: number;
}

export interface ChunkingOptions {
  maxTokens: number;
  overlapTokens: number;
}

export const DEFAULT_CHUNKING: ChunkingOptions = { maxTokens: 350, overlapTokens: 50 };

export interface ChunkSource {
  documentId: string;
  title: string;
  /** Markdown (headings split sections) or plain text (one section). */
  text: string;
}

export function chunkId(documentId: string, section: string, text: string): string {
  return createHash("sha256")
    .update(`${documentId}\u0000${section}\u0000${text}`)
    .digest("hex")
    .slice(0, 32);
}

interface Sentence {
  text: string;
  tokens: number;
}

/** A sentence's share of a window: its tokens plus the space joining it to the next. */
const cost = (sentence: Sentence) => sentence.tokens + 1;

/** Sentences with their token counts; one longer than a whole chunk is cut at token boundaries. */
function sentencesOf(text: string, maxTokens: number): Sentence[] {
  return splitSentences(text).flatMap((sentence) => {
    const tokens = encode(sentence);
    if (tokens.length <= maxTokens) return [{ text: sentence, tokens: tokens.length }];
    const pieces: Sentence[] = [];
    for (let start = 0; start < tokens.length; start += maxTokens) {
      const piece = tokens.slice(start, start + maxTokens);
      pieces.push({ text: decode(piece).trim(), tokens: piece.length });
    }
    return pieces;
  });
}

/** The sentences a window carries over into the next one: its tail, up to `overlapTokens`. */
function overlapOf(window: Sentence[], next: Sentence, options: ChunkingOptions): Sentence[] {
  const overlap: Sentence[] = [];
  let size = 0;
  for (const previous of [...window].reverse()) {
    if (size + cost(previous) > options.overlapTokens) break;
    if (size + cost(previous) + cost(next) > options.maxTokens) break;
    overlap.unshift(previous);
    size += cost(previous);
  }
  return overlap;
}

/**
 * Packs sentences into windows of at most `maxTokens`;
 * each new window starts with the last sentences of the previous one (up to `overlapTokens`)
 * so an idea cut at a boundary survives.
 */
export function windowSentences(text: string, options: ChunkingOptions): string[] {
  const windows: string[] = [];
  let window: Sentence[] = [];
  let size = 0;
  let fresh = 0;
  for (const sentence of sentencesOf(text, options.maxTokens - 1)) {
    if (size + cost(sentence) > options.maxTokens && fresh > 0) {
      windows.push(window.map((w) => w.text).join(" "));
      window = overlapOf(window, sentence, options);
      size = window.reduce((sum, w) => sum + cost(w), 0);
      fresh = 0;
    }
    window.push(sentence);
    size += cost(sentence);
    fresh++;
  }
  if (fresh > 0) windows.push(window.map((w) => w.text).join(" "));
  return windows;
}

/** Chunks a document by its headings, then by sentences within sections too long for one chunk. */
export function chunkDocument(source: ChunkSource, options = DEFAULT_CHUNKING): Chunk[] {
  const chunks: Chunk[] = [];
  for (const section of splitMarkdownSections(source.text, source.title)) {
    for (const text of windowSentences(section.body, options)) {
      chunks.push({
        id: chunkId(source.documentId, section.heading, text),
        documentId: source.documentId,
        section: section.heading,
        text,
        index: chunks.length,
      });
    }
  }
  return chunks;
}
