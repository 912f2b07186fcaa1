import type { AddressInfo } from "node:net";
import { type ServerType, serve } from "@hono/node-server";
import { createMemoryQuota } from "@wwhd/adapters/rate-limiter/memory-quota.ts";
import { createMemoryRateLimiter } from "@wwhd/adapters/rate-limiter/memory-rate-limiter.ts";
import { quotaDay, type RateLimiter } from "@wwhd/core/ports/rate-limiter.ts";
import { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from "vitest";
import { ASSERTION_HEADER, signAssertion } from "../src/gate/assertion.ts";
import { createGate } from "../src/gate/create-gate.ts";
import { parseGateConfig } from "../src/gate/gate-config.ts";
import type { GateEnv } from "../src/gate/gate-env.ts";
import { createEdgeProxy } from "../src/proxy/edge-proxy.ts";
import { AUDIENCE, createTestIssuer, ISSUER, type TestIssuer } from "./support/tokens.ts";

const SECRET = "a-shared-secret-of-at-least-32-characters";
const TURN_TOKENS = 321;

let issuer: TestIssuer;
let origin: ServerType;
let edge: ServerType;
let originUrl: string;
let edgeUrl: string;
let originCounts = 0;
const quota = createMemoryQuota({ defaultDailyLimit: 50_000 });
/** Released by the test once the client holds the first event. */
let releaseSecondEvent: () => void = () => {};

const listen = (fetch: (request: Request) => Response | Promise<Response>) =>
  new Promise<ServerType>((resolve) => {
    const server = serve({ fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(server));
  });
const urlOf = (server: ServerType) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

/** Counts what the origin's own limiter is asked, to prove it skips counted requests. */
function counting(limiter: RateLimiter): RateLimiter {
  return {
    ...limiter,
    limit: (key, rule) => {
      originCounts++;
      return limiter.limit(key, rule);
    },
  };
}

/** The origin: its own gate (trusting the edge's assertions) and a slowly streaming chat route. */
function originApp() {
  const clock = { now: () => Date.now() };
  const gate = createGate(parseGateConfig({ EDGE_ASSERTION_SECRET: SECRET }), {
    jwks: issuer.jwks,
    issuer: ISSUER,
    audience: AUDIENCE,
    limiter: counting(createMemoryRateLimiter(clock)),
    floor: createMemoryRateLimiter(clock),
    quota,
  });
  const app = new Hono<GateEnv>();
  app.use("*", gate.middleware);
  app.get("/v1/me", (c) => c.json({ userId: c.get("userId"), query: c.req.query("q") }));
  app.post("/v1/chat", (c) => {
    const ticket = c.get("quotaTicket");
    ticket?.claim();
    return streamSSE(c, async (stream) => {
      await stream.writeSSE({ event: "text-delta", data: "first" });
      await new Promise<void>((resolve) => {
        releaseSecondEvent = resolve;
      });
      await stream.writeSSE({ event: "text-delta", data: "second" });
      await ticket?.settle(TURN_TOKENS);
    });
  });
  return app;
}

beforeAll(async () => {
  issuer = await createTestIssuer();
  origin = await listen(originApp().fetch);
  originUrl = urlOf(origin);
  const clock = { now: () => Date.now() };
  const proxy = createEdgeProxy(parseGateConfig({ RATE_LIMIT_API_PER_MIN: "2" }), {
    origin: originUrl,
    assertionSecret: SECRET,
    jwks: issuer.jwks,
    issuer: ISSUER,
    audience: AUDIENCE,
    limiter: createMemoryRateLimiter(clock),
    floor: createMemoryRateLimiter(clock),
    quota,
  });
  edge = await listen(proxy.fetch);
  edgeUrl = urlOf(edge);
});
afterAll(() => {
  edge.close();
  origin.close();
});

const bearer = async (user: string) => ({ authorization: `Bearer ${await issuer.token(user)}` });

describe("the edge proxy in front of the origin", () => {
  it("streams the origin's events through: the first arrives before the origin has finished", async () => {
    const response = await fetch(`${edgeUrl}/v1/chat`, {
      method: "POST",
      headers: { ...(await bearer("streamer")), "content-type": "application/json" },
      body: JSON.stringify({ message: "hi" }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    // The origin holds the second event back until this read returns: a buffering proxy would hang.
    const first = await reader.read();
    expect(decoder.decode(first.value)).toContain("data: first");
    releaseSecondEvent();
    let rest = "";
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      rest += decoder.decode(chunk.value, { stream: true });
    }
    expect(rest).toContain("data: second");
    // The edge reserved, the origin's route settled to the real count.
    await expect.poll(() => quota.used("streamer", quotaDay(Date.now()))).toBe(TURN_TOKENS);
  });

  it("counts at the edge only: the origin's gate accepts the assertion and skips counting", async () => {
    // Pinned a second into a minute, so the API limit of 2 cannot straddle a window boundary.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.UTC(2031, 0, 1, 12, 0, 1));
    onTestFinished(() => {
      vi.useRealTimers();
    });
    const before = originCounts;
    const headers = await bearer("counted-once");
    const statuses = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await fetch(`${edgeUrl}/v1/me?q=${i}`, { headers })).status);
    expect(statuses).toEqual([200, 200, 429]);
    expect(originCounts).toBe(before);
    const body = await (
      await fetch(`${edgeUrl}/v1/me?q=x`, { headers: await bearer("other") })
    ).json();
    expect(body).toEqual({ userId: "other", query: "x" });
  });

  it("drops an assertion a client sends to the edge and signs its own", async () => {
    const forged = await signAssertion(
      { userId: "x", requestId: "r", method: "GET", path: "/v1/me" },
      "not-the-secret-but-long-enough-to-look-real",
      Date.now(),
    );
    const response = await fetch(`${edgeUrl}/v1/me`, {
      headers: { ...(await bearer("honest")), [ASSERTION_HEADER]: forged },
    });
    expect(response.status).toBe(200);
  });
});

describe("the origin gate's check of edge assertions", () => {
  const direct = async (assertion: string, user = "mallory", path = "/v1/me") =>
    fetch(`${originUrl}${path}`, {
      headers: { ...(await bearer(user)), [ASSERTION_HEADER]: assertion },
    });
  const assertion = { userId: "mallory", requestId: "req-1", method: "GET", path: "/v1/me" };

  it("accepts a fresh one signed with the shared secret without counting", async () => {
    const before = originCounts;
    const response = await direct(await signAssertion(assertion, SECRET, Date.now()));
    expect(response.status).toBe(200);
    expect(originCounts).toBe(before);
  });

  it.each([
    ["forged (another key)", () => signAssertion(assertion, "x".repeat(40), Date.now())],
    ["expired", () => signAssertion(assertion, SECRET, Date.now() - 60_000)],
    [
      "made for another path",
      () => signAssertion({ ...assertion, path: "/v1/chat" }, SECRET, Date.now()),
    ],
    [
      "made for another user",
      () => signAssertion({ ...assertion, userId: "alice" }, SECRET, Date.now()),
    ],
    ["garbage", async () => "not.a.jwt"],
  ])("rejects one %s with 403", async (_name, make) => {
    const response = await direct(await make());
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: "invalid_assertion" });
  });
});
