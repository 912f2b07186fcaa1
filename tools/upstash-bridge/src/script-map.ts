import { createHash } from "node:crypto";

const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");

/**
 * Upstash accepts `#!lua flags=allow-key-locking`, which @upstash/ratelimit >= 2.1 puts on every
 * script; stock Redis 7 rejects the unknown flag. The bridge turns the shebang into a comment
 * (keeping line numbers) and remembers which SHA the client knows each rewritten script by.
 */
export class ScriptMap {
  readonly #redisShaByClientSha = new Map<string, string>();

  /** The script Redis runs; records the client's SHA for later EVALSHA calls. */
  rewrite(script: string): string {
    const runnable = script.replace(/^#![^\n]*/, "--");
    this.#redisShaByClientSha.set(sha1(script), sha1(runnable));
    return runnable;
  }

  /** The SHA Redis knows for a client SHA; unknown SHAs pass through so Redis answers NOSCRIPT. */
  redisSha(clientSha: string): string {
    return this.#redisShaByClientSha.get(clientSha.toLowerCase()) ?? clientSha;
  }

  clientSha(script: string): string {
    return sha1(script);
  }

  forget(): void {
    this.#redisShaByClientSha.clear();
  }
}
