import type { HealthReporter } from "./adapter-health.ts";

export interface ModerationResult {
  flagged: boolean;
  /** The flagged category names as the provider spells them, e.g. `self-harm/intent`, `illicit`. */
  categories: string[];
}

/** A hosted moderation classifier consulted alongside the local Safety engine. */
export interface Moderation extends HealthReporter {
  moderate(text: string): Promise<ModerationResult>;
}

/**
 * The moderation service failed, timed out or answered something unusable. The caller decides
 * what that means (the chat flow treats it as "not consulted"); the message never quotes the text.
 */
export class ModerationError extends Error {
  readonly reason: "unavailable" | "timeout" | "invalid_response";

  constructor(message: string, options: { reason: ModerationError["reason"]; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.name = "ModerationError";
    this.reason = options.reason;
  }
}
