import { Ratelimit } from "@upstash/ratelimit";
import { type RedisConfigNodejs, Redis as UpstashRedis } from "@upstash/redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RedisKeyspace, useRedisKeyspace } from "../../../test/support/redis.ts";
import { type Bridge, startBridge } from "../src/bridge.ts";

const token = "bridge-test-token";
const nonAscii = "Zhàn zhuāng 站桩 — calm 🧘";

let keyspace: RedisKeyspace;
let bridge: Bridge;
let upstash: UpstashRedis;
const requests: { path: string; body: unknown }[] = [];

const key = (name: string) => `${keyspace.prefix}${name}`;
const newUpstash = (overrides: Partial<RedisConfigNodejs> = {}) =>
  new UpstashRedis({
    url: bridge.url,
    token,
    automaticDeserialization: false,
    enableTelemetry: false,
    retry: false,
    ...overrides,
  });

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${bridge.url}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  keyspace = await useRedisKeyspace("bridge");
  bridge = await startBridge({
    redisUrl: keyspace.url,
    token,
    onRequest: (path, body) => requests.push({ path, body }),
  });
  upstash = newUpstash();
});
afterAll(async () => {
  await bridge.close();
  await keyspace.cleanup();
});

describe("the Upstash bridge gives @upstash/redis the same results as ioredis gets directly", () => {
  it("strings, including the value '10' and a non-ASCII value", async () => {
    for (const [name, value] of [
      ["ten", "10"],
      ["one", "1"],
      ["bar", "bar"],
      ["unicode", nonAscii],
      ["ok", "OK"],
    ] as const) {
      expect(await upstash.set(key(name), value)).toBe("OK");
      expect(await upstash.get(key(name))).toBe(await keyspace.redis.get(key(name)));
      expect(await keyspace.redis.get(key(name))).toBe(value);
    }
    expect(await upstash.get(key("missing"))).toBeNull();
  });

  it("incr, hashes and sorted sets", async () => {
    expect(await upstash.incr(key("counter"))).toBe(1);
    expect(await upstash.incrby(key("counter"), 9)).toBe(10);
    expect(await upstash.get(key("counter"))).toBe(await keyspace.redis.get(key("counter")));

    await upstash.hset(key("hash"), { name: nonAscii, count: "10" });
    // Without automatic deserialization the client hands HGETALL's flat reply over as it came.
    const direct = Object.entries(await keyspace.redis.hgetall(key("hash"))).flat();
    expect(await upstash.hgetall(key("hash"))).toEqual(direct);
    expect(await upstash.hget(key("hash"), "count")).toBe("10");

    await upstash.zadd(key("zset"), { score: 2, member: "b" }, { score: 1, member: nonAscii });
    // ioredis 6 pairs up WITHSCORES replies; Redis (and so Upstash) sends them flat.
    const directZset = (await keyspace.redis.zrange(key("zset"), "0", "-1", "WITHSCORES")).flat();
    expect(await upstash.zrange(key("zset"), 0, -1, { withScores: true })).toEqual(directZset);
    expect(directZset).toEqual([nonAscii, "1", "b", "2"]);
  });

  it("eval returns nested strings and integers exactly", async () => {
    const script = "return {ARGV[1], tonumber(ARGV[2]), redis.call('SET', KEYS[1], ARGV[1])}";
    const viaBridge = await upstash.eval(script, [key("eval")], [nonAscii, 10]);
    const direct = await keyspace.redis.eval(script, 1, key("eval"), nonAscii, "10");
    expect(viaBridge).toEqual(direct);
    expect(viaBridge).toEqual([nonAscii, 10, "OK"]);
  });

  it("pipeline and multi-exec", async () => {
    const pipelined = await upstash
      .pipeline()
      .set(key("p"), "10")
      .incr(key("p"))
      .get(key("p"))
      .hset(key("ph"), { a: nonAscii })
      .hget(key("ph"), "a")
      .exec();
    expect(pipelined).toEqual(["OK", 11, "11", 1, nonAscii]);
    const direct = await keyspace.redis
      .pipeline()
      .set(key("p2"), "10")
      .incr(key("p2"))
      .get(key("p2"))
      .exec();
    expect(pipelined.slice(0, 3)).toEqual(direct?.map(([, result]) => result));

    const transaction = await upstash.multi().set(key("m"), nonAscii).get(key("m")).exec();
    expect(transaction).toEqual(["OK", nonAscii]);
  });
});

describe("the REST protocol", () => {
  it("rejects a wrong bearer token with 401 and a JSON body", async () => {
    const response = await fetch(`${bridge.url}/`, {
      method: "POST",
      headers: { authorization: "Bearer wrong" },
      body: JSON.stringify(["get", key("ten")]),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: "Unauthorized" });
    await expect(newUpstash({ token: "wrong" }).get(key("ten"))).rejects.toThrow(/Unauthorized/);
  });

  it("base64-encodes strings when asked, except a top-level OK, and never integers", async () => {
    await keyspace.redis.set(key("b64"), nonAscii);
    const encoded = await post("/", ["get", key("b64")], { "upstash-encoding": "base64" });
    expect(await encoded.json()).toEqual({ result: Buffer.from(nonAscii).toString("base64") });
    const plain = await post("/", ["get", key("b64")]);
    expect(await plain.json()).toEqual({ result: nonAscii });
    const ok = await post("/", ["set", key("b64"), "x"], { "upstash-encoding": "base64" });
    expect(await ok.json()).toEqual({ result: "OK" });
    const nested = await post(
      "/pipeline",
      [
        ["incr", key("n")],
        ["eval", "return {'OK', 7}", 0],
      ],
      {
        "upstash-encoding": "base64",
      },
    );
    expect(await nested.json()).toEqual([{ result: 1 }, { result: ["T0s=", 7] }]);
  });

  it("reports errors per command in a pipeline and keeps going", async () => {
    const response = await post("/pipeline", [
      ["set", key("perr"), "not a number"],
      ["incr", key("perr")],
      ["evalsha", "0000000000000000000000000000000000000000", 0],
      ["get", key("perr")],
    ]);
    expect(response.status).toBe(200);
    const items = (await response.json()) as Record<string, unknown>[];
    expect(items[0]).toEqual({ result: "OK" });
    expect(items[1]?.error).toMatch(/not an integer/);
    expect(items[2]?.error).toMatch(/^NOSCRIPT/);
    expect(items[3]).toEqual({ result: "not a number" });
  });

  it("answers a failed single command with 400 and refuses connection-state commands", async () => {
    const failed = await post("/", ["incr", key("perr")]);
    expect(failed.status).toBe(400);
    expect(((await failed.json()) as { error: string }).error).toMatch(/not an integer/);
    const select = await post("/", ["select", 3]);
    expect(((await select.json()) as { error: string }).error).toMatch(/not allowed/);
    expect((await post("/set/a/b", [])).status).toBe(404);
  });

  it("returns an increasing sync token, which the client sends back", async () => {
    const first = Number((await post("/", ["ping"])).headers.get("upstash-sync-token"));
    const second = Number((await post("/", ["ping"])).headers.get("upstash-sync-token"));
    expect(second).toBeGreaterThan(first);
  });
});

describe("scripts with the Upstash-only shebang", () => {
  const shebangScript = "#!lua flags=allow-key-locking\nreturn redis.call('INCR', KEYS[1])";

  it("stock Redis 7 rejects the shebang flag, the bridge runs it", async () => {
    await expect(keyspace.redis.eval(shebangScript, 1, key("sb"))).rejects.toThrow(/flag/i);
    expect(await upstash.eval(shebangScript, [key("sb")], [])).toBe(1);
  });

  it("SCRIPT LOAD answers the client's SHA and EVALSHA with it runs the rewritten script", async () => {
    const sha = await upstash.scriptLoad(shebangScript);
    expect(sha).toBe(await upstash.scriptLoad(shebangScript));
    expect(await upstash.scriptExists(sha)).toEqual([1]);
    expect(await upstash.evalsha(sha, [key("sb")], [])).toBe(2);
  });

  it("@upstash/ratelimit 2.2 works, falls back after NOSCRIPT and then uses EVALSHA", async () => {
    const ratelimit = new Ratelimit({
      redis: newUpstash(),
      limiter: Ratelimit.slidingWindow(3, "60 s"),
      prefix: key("rl"),
      ephemeralCache: false,
      timeout: 0,
    });
    bridge.faults.forgetScripts();
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await ratelimit.limit("user-1"));
    expect(results.map((r) => [r.success, r.remaining])).toEqual([
      [true, 2],
      [true, 1],
      [true, 0],
      [false, 0],
    ]);
    const commands = requests
      .filter((r) => r.path === "/pipeline")
      .flatMap((r) => (r.body as unknown[][]).map((command) => command[0]))
      .slice(-5);
    expect(commands).toEqual(["evalsha", "eval", "evalsha", "evalsha", "evalsha"]);
  });
});

describe("fault injection", () => {
  it("forced 500, dropped sockets and latency", async () => {
    bridge.faults.failWith500 = true;
    expect((await post("/", ["ping"])).status).toBe(500);
    bridge.faults.reset();

    bridge.faults.dropConnections = true;
    await expect(post("/", ["ping"])).rejects.toThrow();
    bridge.faults.reset();

    bridge.faults.latencyMs = 150;
    const started = performance.now();
    await post("/", ["ping"]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    bridge.faults.reset();
  });
});
