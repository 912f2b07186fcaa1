import { Redis } from "@upstash/redis";
import { createMemoryQuota } from "@wwhd/adapters/rate-limiter/memory-quota.ts";
import { createMemoryRateLimiter } from "@wwhd/adapters/rate-limiter/memory-rate-limiter.ts";
import { createUpstashQuota } from "@wwhd/adapters/rate-limiter/upstash-quota.ts";
import { createUpstashRateLimiter } from "@wwhd/adapters/rate-limiter/upstash-rate-limiter.ts";
import type { Quota, RateLimiter } from "@wwhd/core/ports/rate-limiter.ts";
import { Hono } from "hono";
import { createGate } from "../../packages/edge/src/gate/create-gate.ts";
import { parseGateConfig } from "../../packages/edge/src/gate/gate-config.ts";
import type { GateEnv } from "../../packages/edge/src/gate/gate-env.ts";
import { AUDIENCE, createTestIssuer, ISSUER } from "../../packages/edge/test/support/tokens.ts";
import { startTestRedis } from "../../test/support/redis.ts";
import { startBridge } from "../../tools/upstash-bridge/src/bridge.ts";
import { edgeBundleSize } from "./bundle-size.ts";
import { type LoadResult, measure } from "./load.ts";

/**
 * Gate overhead against a bare Hono route (in-process `app.fetch`, so only the gate's own cost and
 * its Redis round trip are measured), in memory and on Upstash through the bridge to a real
 * redis-server; then the edge Worker's bundle size against its 100 KB budget.
 *   npm run bench:gate
 */
const TOTAL = Number(process.env.BENCH_REQUESTS ?? 4_000);
/** One at a time shows the latency the gate adds; 16 in flight shows throughput. */
const CONCURRENCY_LEVELS = [1, 16];
const USERS = 50;
const BUNDLE_BUDGET_BYTES = 100 * 1024;

const issuer = await createTestIssuer();
const tokens = await Promise.all(
  Array.from({ length: USERS }, (_, i) => issuer.token(`bench-user-${i}`)),
);
const requestFor = (i: number) =>
  new Request("http://bench.local/v1/me", {
    headers: { authorization: `Bearer ${tokens[i % USERS]}` },
  });

function appWith(gate?: { limiter: RateLimiter; quota: Quota }) {
  const app = new Hono<GateEnv>();
  if (gate) {
    // Limits far above the load, so every request is counted and admitted.
    const config = parseGateConfig({ RATE_LIMIT_API_PER_MIN: "1000000000" });
    app.use(
      "*",
      createGate(config, {
        jwks: issuer.jwks,
        issuer: ISSUER,
        audience: AUDIENCE,
        floor: createMemoryRateLimiter({ now: () => Date.now() }),
        ...gate,
      }).middleware,
    );
  }
  app.get("/v1/me", (c) => c.json({ ok: true }));
  return app;
}

const run = (app: Hono<GateEnv>, concurrency: number, total = TOTAL) =>
  measure((i) => Promise.resolve(app.fetch(requestFor(i))), { total, concurrency });

async function throughBridge(concurrency: number): Promise<LoadResult> {
  const redisServer = await startTestRedis();
  const bridge = await startBridge({ redisUrl: redisServer.url, token: "bench" });
  const redis = new Redis({
    url: bridge.url,
    token: bridge.token,
    retry: false,
    enableTelemetry: false,
  });
  const prefix = `bench:${Date.now()}`;
  const app = appWith({
    limiter: createUpstashRateLimiter({ redis, prefix: `${prefix}:rl` }),
    quota: createUpstashQuota({ redis, prefix: `${prefix}:quota`, defaultDailyLimit: 50_000 }),
  });
  try {
    await run(app, concurrency, 200); // warm-up: loads the scripts
    return await run(app, concurrency, Math.min(TOTAL, 2_000));
  } finally {
    await bridge.close();
    await redisServer.stop();
  }
}

const row = (name: string, result: LoadResult, bare: LoadResult) =>
  [
    name.padEnd(24),
    `${result.requestsPerSecond.toFixed(0).padStart(8)} req/s`,
    `ratio ${(result.requestsPerSecond / bare.requestsPerSecond).toFixed(2)}`,
    `p50 ${result.p50Ms.toFixed(2)} ms`,
    `p99 ${result.p99Ms.toFixed(2)} ms`,
    `p99 added ${(result.p99Ms - bare.p99Ms).toFixed(2)} ms`,
  ].join("  ");

const clock = { now: () => Date.now() };
const memory = appWith({
  limiter: createMemoryRateLimiter(clock),
  quota: createMemoryQuota({ defaultDailyLimit: 50_000 }),
});
await run(appWith(), 16, 1_000); // JIT warm-up
await run(memory, 16, 1_000);
for (const concurrency of CONCURRENCY_LEVELS) {
  const bare = await run(appWith(), concurrency);
  const inMemory = await run(memory, concurrency);
  const bridged = await throughBridge(concurrency);
  console.log(`\ngate overhead, ${concurrency} in flight (ES256 verification included)`);
  console.log(row("bare Hono route", bare, bare));
  console.log(row("gate, in-memory", inMemory, bare));
  console.log(row("gate, Upstash via bridge", bridged, bare));
}

const bundle = await edgeBundleSize(
  new URL("../../packages/edge/src/worker.ts", import.meta.url).pathname,
);
const withinBudget = bundle.gzippedBytes <= BUNDLE_BUDGET_BYTES;
console.log(
  `edge Worker bundle: ${(bundle.minifiedBytes / 1024).toFixed(1)} KB minified, ` +
    `${(bundle.gzippedBytes / 1024).toFixed(1)} KB gzipped (budget 100 KB: ${withinBudget ? "within" : "OVER"})`,
);
process.exitCode = withinBudget ? 0 : 1;
