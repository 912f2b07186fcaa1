import type { Logger } from "@wwhd/core/ports/logger.ts";
import type { Quota } from "@wwhd/core/ports/rate-limiter.ts";

/**
 * The tokens the gate reserved for one chat turn. The chat route `claim()`s it before it starts
 * streaming and `settle()`s it with the turn's real token count when the turn ends; a ticket
 * nobody claimed (a 400, a 413, an error) is released by the gate once the response is ready, so
 * only turns that ran keep their tokens.
 */
export class QuotaTicket {
  readonly userId: string;
  readonly day: string;
  readonly reserved: number;
  readonly #quota: Quota;
  readonly #logger: Logger | undefined;
  #claimed = false;
  #closed = false;

  constructor(quota: Quota, userId: string, day: string, reserved: number, logger?: Logger) {
    this.#quota = quota;
    this.userId = userId;
    this.day = day;
    this.reserved = reserved;
    this.#logger = logger;
  }

  /** The route takes over settling (call before returning a streaming response). */
  claim(): void {
    this.#claimed = true;
  }

  /** Replaces the reservation by the turn's real token count; once. Never throws. */
  async settle(actualTokens: number): Promise<void> {
    await this.#adjust(actualTokens - this.reserved);
  }

  /** Gives the reservation back unless a route claimed or settled it. */
  async release(): Promise<void> {
    if (!this.#claimed) await this.#adjust(-this.reserved);
  }

  async #adjust(tokens: number): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    if (tokens === 0) return;
    try {
      await this.#quota.add(this.userId, this.day, tokens);
    } catch (error) {
      // The turn already happened; its count is lost, which fails open like the admission did.
      this.#logger?.warn("quota settlement failed", { userId: this.userId, error: String(error) });
    }
  }
}
