import type { Redis } from "ioredis";
import { prepareCommand, toRedisCommand } from "./command-rewrite.ts";
import { encodeReply, type JsonReply, type RawReply } from "./encode-reply.ts";
import type { ScriptMap } from "./script-map.ts";

/** One command's outcome as Upstash reports it. */
export type CommandOutcome = { result: JsonReply } | { error: string };

export interface ExecutionContext {
  redis: Redis;
  scripts: ScriptMap;
  base64: boolean;
}

const errorOf = (error: unknown): { error: string } => ({
  error: error instanceof Error ? error.message : String(error),
});

/** `POST /`: one command. */
export async function executeOne(
  body: unknown,
  context: ExecutionContext,
): Promise<CommandOutcome> {
  try {
    const { command, replyOverride } = prepareCommand(toRedisCommand(body), context.scripts);
    const reply = (await context.redis.callBuffer(...command)) as RawReply;
    return { result: encodeReply(replyOverride ?? reply, context.base64) };
  } catch (error) {
    return errorOf(error);
  }
}

const listOfCommands = (body: unknown): unknown[] => {
  if (!Array.isArray(body)) throw new Error("ERR a pipeline is a JSON array of commands");
  return body;
};

/**
 * `POST /pipeline`: commands in order, not atomic; one command's error leaves the others alone
 * (Upstash behaves so, and @upstash/ratelimit's NOSCRIPT fallback relies on it). ioredis writes
 * them back to back on one connection, so Redis runs them in the order sent.
 */
export async function executePipeline(
  body: unknown,
  context: ExecutionContext,
): Promise<CommandOutcome[]> {
  return Promise.all(listOfCommands(body).map((command) => executeOne(command, context)));
}

/** `POST /multi-exec`: MULTI ... EXEC; a transaction Redis discards is one top-level error. */
export async function executeTransaction(
  body: unknown,
  context: ExecutionContext,
): Promise<CommandOutcome[] | { error: string }> {
  try {
    const prepared = listOfCommands(body).map((command) =>
      prepareCommand(toRedisCommand(command), context.scripts),
    );
    const transaction = context.redis.multi();
    for (const { command } of prepared) transaction.callBuffer(...command);
    const replies = (await transaction.exec()) ?? [];
    return replies.map(([error, reply], index) =>
      error
        ? errorOf(error)
        : {
            result: encodeReply(
              prepared[index]?.replyOverride ?? (reply as RawReply),
              context.base64,
            ),
          },
    );
  } catch (error) {
    return errorOf(error);
  }
}
