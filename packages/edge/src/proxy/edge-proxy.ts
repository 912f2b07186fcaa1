import type { Context } from "hono";
import { Hono } from "hono";
import { ASSERTION_HEADER, signAssertion } from "../gate/assertion.ts";
import { createGate, type GateDeps } from "../gate/create-gate.ts";
import type { GateConfig } from "../gate/gate-config.ts";
import type { GateEnv } from "../gate/gate-env.ts";
import { errorJson } from "../gate/responses.ts";
import { requestHeadersForOrigin, responseHeadersForClient } from "./forward-headers.ts";

export interface EdgeProxyDeps extends GateDeps {
  /** The origin API's base URL; the request's path and query are appended. */
  origin: string;
  /** Shared with the origin gate (its EDGE_ASSERTION_SECRET). */
  assertionSecret: string;
  fetch?: typeof fetch;
}

const BODYLESS = new Set(["GET", "HEAD"]);

/**
 * The standalone edge proxy: the same gate as the origin's, then a pass-through to the origin
 * with a signed assertion that this request was authenticated and counted, so the origin does not
 * count it again. The origin's response body is handed on as a stream, never buffered, so chat
 * tokens reach the client as they are generated.
 */
export function createEdgeProxy(config: GateConfig, deps: EdgeProxyDeps): Hono<GateEnv> {
  const clock = deps.clock ?? { now: () => Date.now() };
  const send = deps.fetch ?? fetch;
  const originBase = deps.origin.replace(/\/+$/, "");
  // Assertions arriving from clients are never trusted here: this gate counts everything itself.
  const { assertionSecret: _ignored, ...edgeConfig } = config;
  const gate = createGate(edgeConfig, deps);

  async function forward(c: Context<GateEnv>): Promise<Response> {
    const ticket = c.get("quotaTicket");
    // The origin's chat route settles the reservation, or its gate releases it.
    ticket?.claim();
    const headers = requestHeadersForOrigin(c.req.raw.headers);
    headers.set("x-request-id", c.get("requestId"));
    headers.set(
      ASSERTION_HEADER,
      await signAssertion(
        {
          ...(c.get("identity") && { userId: c.get("identity")?.userId }),
          requestId: c.get("requestId"),
          method: c.req.method,
          path: c.req.path,
          ...(ticket && { quota: { day: ticket.day, reserved: ticket.reserved } }),
        },
        deps.assertionSecret,
        clock.now(),
      ),
    );
    const url = `${originBase}${c.req.path}${new URL(c.req.url).search}`;
    try {
      const upstream = await send(url, {
        method: c.req.method,
        headers,
        // Request bodies are small (the gate capped them); buffering gives the origin a length.
        ...(!BODYLESS.has(c.req.method) && { body: await c.req.raw.arrayBuffer() }),
        redirect: "manual",
      });
      return new Response(upstream.body, {
        status: upstream.status,
        statusText: upstream.statusText,
        headers: responseHeadersForClient(upstream.headers),
      });
    } catch {
      return errorJson(c, 502, "origin_unreachable", "The API could not be reached");
    }
  }

  const app = new Hono<GateEnv>();
  app.use("*", gate.middleware);
  app.all("*", forward);
  return app;
}
