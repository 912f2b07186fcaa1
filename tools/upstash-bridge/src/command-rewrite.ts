import type { ScriptMap } from "./script-map.ts";

/** A command as Redis receives it, with the name upper-cased. */
export type RedisCommand = [name: string, ...args: string[]];

/**
 * Commands that change the state of the one connection every client shares (database, protocol,
 * subscriptions, transactions), which a stateless REST request cannot own.
 */
const CONNECTION_STATE_COMMANDS = new Set([
  "SELECT",
  "HELLO",
  "AUTH",
  "RESET",
  "QUIT",
  "CLIENT",
  "MONITOR",
  "SUBSCRIBE",
  "PSUBSCRIBE",
  "SSUBSCRIBE",
  "MULTI",
  "EXEC",
  "DISCARD",
  "WATCH",
  "UNWATCH",
]);

/**
 * The client sends numbers and booleans as JSON values and anything else JSON-encoded; Redis
 * wants strings. The name is upper-cased, which also keeps ioredis from applying its own reply
 * transformers (it reshapes a lower-case `hgetall` into an object; Upstash returns a flat array).
 */
export function toRedisCommand(body: unknown): RedisCommand {
  if (!Array.isArray(body) || body.length === 0) {
    throw new Error("ERR a command is a non-empty JSON array");
  }
  const [name, ...args] = body.map((part) =>
    typeof part === "string" ? part : JSON.stringify(part),
  );
  const upper = (name as string).toUpperCase();
  if (CONNECTION_STATE_COMMANDS.has(upper)) {
    throw new Error(`ERR '${upper}' is not allowed through the REST bridge`);
  }
  return [upper, ...args];
}

/** Where a reply has to be translated back for the client (SCRIPT LOAD answers with a SHA). */
export interface PreparedCommand {
  command: RedisCommand;
  /** The reply the client expects instead of Redis's own, if it differs. */
  replyOverride?: Buffer;
}

/** Applies the shebang rewrite to every script-carrying command. */
export function prepareCommand(command: RedisCommand, scripts: ScriptMap): PreparedCommand {
  const [name, first = "", ...rest] = command;
  switch (name) {
    case "EVAL":
    case "EVAL_RO":
      return { command: [name, scripts.rewrite(first), ...rest] };
    case "EVALSHA":
    case "EVALSHA_RO":
      return { command: [name, scripts.redisSha(first), ...rest] };
    case "SCRIPT":
      return prepareScriptSubcommand(first.toUpperCase(), rest, scripts);
    default:
      return { command };
  }
}

function prepareScriptSubcommand(
  subcommand: string,
  args: string[],
  scripts: ScriptMap,
): PreparedCommand {
  if (subcommand === "LOAD" && args[0] !== undefined) {
    return {
      command: ["SCRIPT", "LOAD", scripts.rewrite(args[0])],
      replyOverride: Buffer.from(scripts.clientSha(args[0])),
    };
  }
  if (subcommand === "EXISTS") {
    return { command: ["SCRIPT", "EXISTS", ...args.map((sha) => scripts.redisSha(sha))] };
  }
  if (subcommand === "FLUSH") scripts.forget();
  return { command: ["SCRIPT", subcommand, ...args] };
}
