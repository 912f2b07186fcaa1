import { countTokens } from "gpt-tokenizer";
import type { ChatMessage } from "../domain/chat-message.ts";

/**
 * Tokens are counted with the o200k_base encoding (the GPT-4o/GPT-5 family). Each chat message
 * also costs a few framing tokens; 4 is OpenAI's documented per-message overhead.
 */
const MESSAGE_OVERHEAD_TOKENS = 4;

export const countTextTokens = (text: string): number => countTokens(text);

export const countMessageTokens = (message: ChatMessage): number =>
  MESSAGE_OVERHEAD_TOKENS + countTokens(message.content);

export const countChatTokens = (messages: readonly ChatMessage[]): number =>
  messages.reduce((sum, message) => sum + countMessageTokens(message), 0);
