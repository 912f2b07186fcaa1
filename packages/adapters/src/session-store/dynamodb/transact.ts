import { setTimeout as sleep } from "node:timers/promises";
import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import { TransactWriteCommand, type TransactWriteCommandInput } from "@aws-sdk/lib-dynamodb";
import type { StoreContext } from "./store-context.ts";

const CONFLICT_ATTEMPTS = 5;

const reasonCodes = (error: unknown): (string | undefined)[] =>
  error instanceof TransactionCanceledException
    ? (error.CancellationReasons ?? []).map((reason) => reason.Code)
    : [];

/** True when the transaction was cancelled because the condition of action `index` failed. */
export const conditionFailedAt = (error: unknown, index: number) =>
  reasonCodes(error)[index] === "ConditionalCheckFailed";

export const anyConditionFailed = (error: unknown) =>
  reasonCodes(error).includes("ConditionalCheckFailed");

const isConflict = (error: unknown) => reasonCodes(error).includes("TransactionConflict");

/**
 * TransactWriteItems, retried while it collides with another transaction on the same item
 * (e.g. two registrations of one e-mail): the SDK does not retry those, and the retry lets the
 * loser see the winner's write as a failed condition, which is the answer it needs.
 */
export async function transactWrite(
  ctx: StoreContext,
  input: TransactWriteCommandInput,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await ctx.doc.send(new TransactWriteCommand(input));
      return;
    } catch (error) {
      if (!isConflict(error) || attempt === CONFLICT_ATTEMPTS) throw error;
      await sleep(Math.random() * 20 * 2 ** attempt);
    }
  }
}
