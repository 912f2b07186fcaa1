import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readUiStream } from "../../../test/support/ui-stream.ts";
import { type BridgeHarness, useBridge } from "../../../tools/upstash-bridge/test/use-bridge.ts";
import { call, signUp } from "./support/client.ts";
import { useTestApi } from "./support/test-api.ts";

/**
 * The origin with `UPSTASH_REDIS_REST_URL`/`TOKEN` set: the real @upstash/ratelimit and
 * @upstash/redis code against a real redis-server through the bridge. Limits, quota settlement
 * and the embedding cache all land in Redis, under this file's own key prefix.
 */
let harness: BridgeHarness;
const env: Record<string, string> = {};
beforeAll(async () => {
  harness = await useBridge("origin");
  Object.assign(env, {
    UPSTASH_REDIS_REST_URL: harness.bridge.url,
    UPSTASH_REDIS_REST_TOKEN: harness.bridge.token,
    REDIS_KEY_PREFIX: `${harness.keyspace.prefix}wwhd`,
    RATE_LIMIT_CHAT_PER_MIN: "2",
  });
});
afterAll(() => harness.close());
const api = useTestApi(env);

const ask = (token: string) =>
  call(api.app, "/v1/chat", { token, json: { message: "How do I breathe when I am anxious?" } });

describe("the origin on Upstash", () => {
  it("counts chat turns per user in Redis and answers 429 past the limit", async () => {
    const user = await signUp(api.app, "upstash");
    const first = await ask(user.accessToken);
    expect(first.status).toBe(200);
    expect(first.headers.get("ratelimit-limit")).toBe("2");
    expect(first.headers.get("ratelimit-remaining")).toBe("1");
    await readUiStream(first);
    expect((await ask(user.accessToken)).status).toBe(200);
    const third = await ask(user.accessToken);
    expect(third.status).toBe(429);
    expect(third.headers.get("retry-after")).toBeTruthy();
    expect(await third.json()).toMatchObject({ code: "rate_limited" });
  });

  it("settles each turn's real token count into the user's daily quota in Redis", async () => {
    const user = await signUp(api.app, "quota");
    const stream = await readUiStream(await ask(user.accessToken));
    const usage = stream.parts.find((p) => p.type === "data-usage")?.data as {
      promptTokens: number;
      completionTokens: number;
    };
    const [key] = await harness.keyspace.redis.keys(
      `${harness.keyspace.prefix}wwhd:quota:used:${user.id}:*`,
    );
    expect(Number(await harness.keyspace.redis.get(key as string))).toBe(
      usage.promptTokens + usage.completionTokens,
    );
  });

  it("exports the user's quota and erases its counters with the account", async () => {
    const user = await signUp(api.app, "erase");
    await readUiStream(await ask(user.accessToken));
    const pattern = `${harness.keyspace.prefix}wwhd:quota:*${user.id}*`;
    expect(await harness.keyspace.redis.keys(pattern)).toHaveLength(1);
    const exported = await (
      await call(api.app, "/v1/me/export", { token: user.accessToken })
    ).json();
    expect(exported).toMatchObject({
      quota: { dailyLimit: 50_000, usedToday: expect.any(Number) },
    });
    expect(
      (await call(api.app, "/v1/me", { method: "DELETE", token: user.accessToken })).status,
    ).toBe(204);
    expect(await harness.keyspace.redis.keys(pattern)).toEqual([]);
  });

  it("shares query embeddings through Redis, keyed by hash, never by text", async () => {
    const keys = await harness.keyspace.redis.keys(`${harness.keyspace.prefix}wwhd:embedding:*`);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.join(" ")).not.toContain("breathe");
  });
});
