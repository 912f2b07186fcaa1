/** Which per-minute limit a request counts against. */
export type LimitName = "chat" | "api" | "auth";

export interface RouteRule {
  /** `/v1/chat` (exact), `/v1/auth/*` (prefix) or `*` (everything). */
  path: string;
  /** A valid access token is required. */
  authenticate: boolean;
  /** The limit counted: per user when authenticated, else per client IP. Absent: not counted. */
  limit?: LimitName;
  /** The daily token quota is checked and a turn's tokens reserved. */
  quota?: boolean;
}

/** First match wins. */
export const defaultRouteRules: RouteRule[] = [
  { path: "/v1/auth/*", authenticate: false, limit: "auth" },
  { path: "/v1/chat", authenticate: true, limit: "chat", quota: true },
  { path: "/v1/*", authenticate: true, limit: "api" },
  { path: "*", authenticate: false },
];

const matches = (pattern: string, path: string) =>
  pattern === "*" ||
  pattern === path ||
  (pattern.endsWith("/*") && `${path}/`.startsWith(pattern.slice(0, -1)));

/** Unmatched paths are treated as protected API routes, the safe default. */
export const ruleFor = (path: string, rules: RouteRule[]): RouteRule =>
  rules.find((rule) => matches(rule.path, path)) ?? { path, authenticate: true, limit: "api" };
