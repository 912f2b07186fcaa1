import { startBridge } from "./bridge.ts";

/**
 * Dev server: `REDIS_URL=redis://127.0.0.1:6379 UPSTASH_BRIDGE_TOKEN=... PORT=8079
 * node tools/upstash-bridge/src/main.ts`, then point UPSTASH_REDIS_REST_URL/TOKEN at it.
 */
const token = process.env.UPSTASH_BRIDGE_TOKEN;
if (!token) {
  console.error("Set UPSTASH_BRIDGE_TOKEN to the bearer token clients will present.");
  process.exit(1);
}
const bridge = await startBridge({
  redisUrl: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
  token,
  port: Number(process.env.PORT ?? 8079),
});
console.log(`Upstash bridge listening: UPSTASH_REDIS_REST_URL=${bridge.url}`);
const stop = async () => {
  await bridge.close();
  process.exit(0);
};
process.once("SIGINT", () => void stop());
process.once("SIGTERM", () => void stop());
