import type { Redis } from "@upstash/redis";

export interface RedisScript {
  source: string;
  /** SHA-1 of `source`, fixed in code (a test checks it) so EVALSHA goes out in the same tick. */
  sha1: string;
}

/**
 * EVALSHA, falling back to EVAL when Redis does not know the script yet. Unlike
 * `redis.createScript`, which first awaits an asynchronous WebCrypto digest, the command is
 * issued synchronously, so @upstash/redis auto-pipelining puts it in the same HTTP round trip as
 * the rate-limit script the gate issues in the same tick.
 */
export function runScript<T>(
  redis: Redis,
  script: RedisScript,
  keys: string[],
  args: (string | number)[],
): Promise<T> {
  return redis.evalsha<(string | number)[], T>(script.sha1, keys, args).catch((error: unknown) => {
    if (String(error).includes("NOSCRIPT")) {
      return redis.eval<(string | number)[], T>(script.source, keys, args);
    }
    throw error;
  });
}
