// The gate and the edge proxy: what the origin apps and the Worker build on.
export type { AccessIdentity } from "./gate/access-token.ts";
export { ASSERTION_HEADER } from "./gate/assertion.ts";
export { createGate, type Gate, type GateDeps } from "./gate/create-gate.ts";
export {
  type GateConfig,
  parseGateConfig,
  toGateConfig,
} from "./gate/gate-config.ts";
export type { GateEnv, GateVariables } from "./gate/gate-env.ts";
export type { LoginGuard } from "./gate/login-guard.ts";
export type { QuotaTicket } from "./gate/quota-ticket.ts";
export { defaultRouteRules, type RouteRule } from "./gate/route-rules.ts";
export { createEdgeProxy, type EdgeProxyDeps } from "./proxy/edge-proxy.ts";
