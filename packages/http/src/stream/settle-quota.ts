import type { TurnEvent } from "@wwhd/core/chat/turn-event.ts";
import { totalTokens } from "@wwhd/core/domain/token-usage.ts";
import type { QuotaTicket } from "@wwhd/edge/gate/quota-ticket.ts";

/**
 * Passes a turn's events through and, when the turn is over (finished, failed or abandoned by
 * the client), replaces the gate's token reservation by the turn's real usage.
 */
export async function* settlingQuota(
  events: AsyncGenerator<TurnEvent>,
  ticket: QuotaTicket | undefined,
): AsyncGenerator<TurnEvent> {
  ticket?.claim();
  let used = 0;
  try {
    for await (const event of events) {
      if (event.type === "usage") used = totalTokens(event.usage);
      yield event;
    }
  } finally {
    await ticket?.settle(used);
  }
}
