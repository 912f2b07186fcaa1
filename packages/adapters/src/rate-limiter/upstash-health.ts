import type { Redis } from "@upstash/redis";
import type { AdapterHealth } from "@wwhd/core/ports/adapter-health.ts";

/** `down` with the error's message (never the URL or token, which errors do not carry). */
export async function pingHealth(redis: Redis): Promise<AdapterHealth> {
  try {
    await redis.ping();
    return { kind: "upstash", status: "ok" };
  } catch (error) {
    return { kind: "upstash", status: "down", detail: String(error) };
  }
}
