import type { AccessIdentity } from "./access-token.ts";
import type { QuotaTicket } from "./quota-ticket.ts";

/** What the gate hands to the routes behind it (`c.get(...)`). */
export interface GateVariables {
  requestId: string;
  /** The authenticated user; set only on routes that require a token. */
  userId: string;
  identity: AccessIdentity | undefined;
  /** Chat turns only: the reservation to `claim()` and `settle()`. */
  quotaTicket: QuotaTicket | undefined;
}

export interface GateEnv {
  Variables: GateVariables;
}
