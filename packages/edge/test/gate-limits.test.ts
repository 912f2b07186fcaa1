import { addScript, reserveScript } from "@wwhd/adapters/rate-limiter/quota-scripts.ts";
import { createUpstashQuota } from "@wwhd/adapters/rate-limiter/upstash-quota.ts";
import { createUpstashRateLimiter } from "@wwhd/adapters/rate-limiter/upstash-rate-limiter.ts";
import { quotaDay } from "@wwhd/core/ports/rate-limiter.ts";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { type BridgeHarness, useBridge } from "../../../tools/upstash-bridge/test/use-bridge.ts";
import { createGateTestApp, TURN_TOKENS } from "./support/gate-app.ts";
import { createTestIssuer, type TestIssuer } from "./support/tokens.ts";

let issuer: TestIssuer;
let harness: BridgeHarness;
beforeAll(async () => {
  issuer = await createTestIssuer();
  harness = await useBridge("gate");
});
afterAll(() => harness.close());
// Small limits flip near a window boundary (the previous window's weight rounds down), so the
// clock is pinned a second into a minute. Only Date is faked: timers and I/O run for real.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Date.UTC(2031, 0, 1, 12, 0, 1));
});
afterEach(() => {
  harness.bridge.faults.reset();
  vi.useRealTimers();
});

/** The gate on the real Upstash adapters, sharing one client as the composition root does. */
function upstashGate(env: Record<string, string>) {
  const redis = harness.client();
  const prefix = `${harness.keyspace.prefix}${Math.random().toString(36).slice(2)}`;
  return createGateTestApp(
    issuer,
    { GATE_REDIS_TIMEOUT_MS: "150", ...env },
    {
      limiter: createUpstashRateLimiter({ redis, prefix: `${prefix}:rl`, ephemeralCache: false }),
      quota: createUpstashQuota({
        redis,
        prefix: `${prefix}:quota`,
        defaultDailyLimit: Number(env.DAILY_TOKEN_QUOTA ?? 50_000),
      }),
    },
  );
}

const chat = async (
  app: ReturnType<typeof upstashGate>["app"],
  user: string,
  body: unknown = { message: "hi" },
) =>
  app.request("/v1/chat", {
    method: "POST",
    headers: {
      authorization: `Bearer ${await issuer.token(user)}`,
      "content-type": "application/json",
    },
    body: JSON.stringify(body),
  });

describe("rate limits through the gate, on Upstash through the bridge", () => {
  it("admits RATE_LIMIT_CHAT_PER_MIN chats per user, then answers 429 with the headers", async () => {
    const { app } = upstashGate({ RATE_LIMIT_CHAT_PER_MIN: "3" });
    const admitted = [];
    for (let i = 0; i < 3; i++) admitted.push(await chat(app, "alice"));
    expect(admitted.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(admitted.map((r) => r.headers.get("ratelimit-remaining"))).toEqual(["2", "1", "0"]);
    expect(admitted[0]?.headers.get("ratelimit-limit")).toBe("3");

    const rejected = await chat(app, "alice");
    expect(rejected.status).toBe(429);
    expect(await rejected.json()).toMatchObject({ code: "rate_limited" });
    const retryAfter = Number(rejected.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(rejected.headers.get("ratelimit-limit")).toBe("3");
    expect(rejected.headers.get("ratelimit-remaining")).toBe("0");
    expect(rejected.headers.get("ratelimit-reset")).toBe(String(retryAfter));
    expect(rejected.headers.get("x-request-id")).toBeTruthy();

    expect((await chat(app, "bob")).status).toBe(200);
  });

  it("limits other routes per user with RATE_LIMIT_API_PER_MIN", async () => {
    const { app } = upstashGate({ RATE_LIMIT_API_PER_MIN: "2" });
    const headers = { authorization: `Bearer ${await issuer.token("carol")}` };
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await app.request("/v1/me", { headers })).status);
    expect(statuses).toEqual([200, 200, 429]);
  });

  it("limits /v1/auth/* per client IP with RATE_LIMIT_AUTH_PER_MIN", async () => {
    const { app } = upstashGate({ RATE_LIMIT_AUTH_PER_MIN: "2" });
    const login = (ip: string) =>
      app.request("/v1/auth/login", {
        method: "POST",
        headers: { "x-forwarded-for": `203.0.113.99, ${ip}`, "content-type": "application/json" },
        body: JSON.stringify({ email: `${ip}@example.com`, password: "right" }),
      });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await login("198.51.100.7")).status);
    expect(statuses).toEqual([200, 200, 429]);
    expect((await login("198.51.100.8")).status).toBe(200);
  });

  it("locks an account after LOGIN_FAILURES_PER_15_MIN failures; a success clears the count", async () => {
    const { app } = upstashGate({ LOGIN_FAILURES_PER_15_MIN: "3", RATE_LIMIT_AUTH_PER_MIN: "100" });
    const login = (password: string, ip: string) =>
      app.request("/v1/auth/login", {
        method: "POST",
        headers: { "x-forwarded-for": ip, "content-type": "application/json" },
        body: JSON.stringify({ email: "Dana@Example.com", password }),
      });
    expect((await login("wrong", "192.0.2.1")).status).toBe(401);
    expect((await login("right", "192.0.2.1")).status).toBe(200);
    const statuses = [];
    // From changing addresses: the per-account limit holds where the per-IP one does not.
    for (let i = 0; i < 4; i++)
      statuses.push((await login(i < 3 ? "wrong" : "right", `192.0.2.${10 + i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const keys = await harness.keyspace.redis.keys(`${harness.keyspace.prefix}*login*`);
    expect(keys.join(" ")).not.toMatch(/dana|example/i);
  });

  it("costs one Redis round trip per counted request: rate limit and quota share a pipeline", async () => {
    const { app } = upstashGate({});
    await chat(app, "erin"); // first use loads the scripts (NOSCRIPT, then EVAL)
    const before = harness.requests.length;
    expect((await chat(app, "erin")).status).toBe(200);
    const scriptsPerTrip = harness.requests
      .slice(before)
      .map((request) => (request.body as string[][]).map(([command, sha]) => `${command} ${sha}`));
    expect(scriptsPerTrip).toEqual([
      // The gate: @upstash/ratelimit's sliding window and the quota reservation, together.
      [expect.stringMatching(/^evalsha [0-9a-f]{40}$/), `evalsha ${reserveScript.sha1}`],
      // After the turn, the chat route's settlement.
      [`evalsha ${addScript.sha1}`],
    ]);
  });
});

describe("the daily token quota through the gate", () => {
  it("answers 429 quota_exhausted once the day's tokens are spent, until UTC midnight", async () => {
    const { app, quota } = upstashGate({
      DAILY_TOKEN_QUOTA: "1000",
      QUOTA_TURN_RESERVE_TOKENS: "500",
    });
    expect((await chat(app, "frank")).status).toBe(200);
    expect((await chat(app, "frank")).status).toBe(200);
    expect(await quota.used("frank", quotaDay(Date.now()))).toBe(2 * TURN_TOKENS);
    const rejected = await chat(app, "frank");
    expect(rejected.status).toBe(429);
    expect(await rejected.json()).toMatchObject({ code: "quota_exhausted" });
    const secondsToMidnight = (86_400_000 - (Date.now() % 86_400_000)) / 1000;
    expect(Number(rejected.headers.get("retry-after"))).toBeCloseTo(secondsToMidnight, -1);
    expect(rejected.headers.get("ratelimit-limit")).toBe("1000");

    await quota.setDailyLimit("frank", 10_000);
    expect((await chat(app, "frank")).status).toBe(200);
  });

  it("gives back the reservation of a turn that never ran", async () => {
    const { app, quota } = upstashGate({});
    expect((await chat(app, "gina", { nothing: true })).status).toBe(400);
    expect(await quota.used("gina", quotaDay(Date.now()))).toBe(0);
  });
});

describe("when Redis is slow or unreachable", () => {
  const faults: [string, () => void][] = [
    [
      "slow",
      () => {
        harness.bridge.faults.latencyMs = 400;
      },
    ],
    [
      "dropping connections",
      () => {
        harness.bridge.faults.dropConnections = true;
      },
    ],
    [
      "answering 500",
      () => {
        harness.bridge.faults.failWith500 = true;
      },
    ],
  ];

  it.each(faults)(
    "fail-open admits with the in-memory floor when Redis is %s",
    async (_name, inject) => {
      const { app } = upstashGate({ RATE_LIMIT_CHAT_PER_MIN: "2", GATE_FAIL_POLICY: "open" });
      inject();
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await chat(app, "henry")).status);
      expect(statuses).toEqual([200, 200, 429]);
    },
  );

  it("fail-open still records a turn's tokens, and gives back a reservation that lands late", async () => {
    const { app, quota } = upstashGate({ GATE_FAIL_POLICY: "open" });
    harness.bridge.faults.latencyMs = 400;
    // Admitted by the floor after 150 ms; the route's settlement waits out the latency.
    expect((await chat(app, "jack")).status).toBe(200);
    harness.bridge.faults.reset();
    await expect.poll(() => quota.used("jack", quotaDay(Date.now()))).toBe(TURN_TOKENS);
  });

  it.each(faults)(
    "fail-closed answers 503 limiter_unavailable when Redis is %s",
    async (_name, inject) => {
      const { app, handled } = upstashGate({ GATE_FAIL_POLICY: "closed" });
      inject();
      const before = handled();
      const response = await chat(app, "iris");
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ code: "limiter_unavailable" });
      expect(response.headers.get("retry-after")).toBe("5");
      expect(handled()).toBe(before);
    },
  );
});
