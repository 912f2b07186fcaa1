export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
  /** "provider" when the model reported it, "tokenizer" when we counted it ourselves. */
  source: "provider" | "tokenizer";
}

export const totalTokens = (usage: TokenUsage): number =>
  usage.promptTokens + usage.completionTokens;
