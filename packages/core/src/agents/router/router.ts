import type { RouteDecision } from "../../domain/route-decision.ts";

export interface RouteRequest {
  message: string;
}

/** Picks the intent and the knowledge namespaces for a question. */
export interface Router {
  route(request: RouteRequest): Promise<RouteDecision>;
}
