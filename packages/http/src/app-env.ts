import type { GateVariables } from "@wwhd/edge/gate/gate-env.ts";

/**
 * Per-request values the gate hands to routes: the request id, the verified caller (`userId`,
 * `identity` with its roles) and, on chat turns, the quota reservation to settle.
 */
export interface AppEnv {
  Variables: GateVariables;
}
