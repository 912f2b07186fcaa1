import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { Clock } from "@wwhd/core/ports/clock.ts";
import type { CursorCodec } from "./cursor.ts";
import { TTL_ATTRIBUTE } from "./keys.ts";

/** What every group of operations needs. */
export interface StoreContext {
  doc: DynamoDBDocumentClient;
  tableName: string;
  clock: Clock;
  /** How long session data is kept after it was last written; undefined keeps it forever. */
  retentionSeconds: number | undefined;
  cursors: CursorCodec;
}

export type Item = Record<string, unknown>;

export const epochSeconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

export const nowIso = (ctx: StoreContext) => new Date(ctx.clock.now()).toISOString();

const nowSeconds = (ctx: StoreContext) => Math.floor(ctx.clock.now() / 1000);

/** The TTL value for session data written at `writtenAt`, or undefined when kept forever. */
export function retentionPurgeAt(ctx: StoreContext, writtenAt: string): number | undefined {
  return ctx.retentionSeconds === undefined
    ? undefined
    : epochSeconds(writtenAt) + ctx.retentionSeconds;
}

/** DynamoDB deletes expired items only eventually (within days), so reads skip them. */
export function isLive(ctx: StoreContext, item: Item): boolean {
  const purgeAt = item[TTL_ATTRIBUTE];
  return typeof purgeAt !== "number" || purgeAt > nowSeconds(ctx);
}

/** Condition: the item exists and has not expired. Placeholders `#purgeAt`, `:now`. */
export function liveCondition(ctx: StoreContext) {
  return {
    ConditionExpression:
      "attribute_exists(PK) AND (attribute_not_exists(#purgeAt) OR #purgeAt > :now)",
    ExpressionAttributeNames: { "#purgeAt": TTL_ATTRIBUTE },
    ExpressionAttributeValues: { ":now": nowSeconds(ctx) },
  };
}

const STORAGE_ATTRIBUTES = new Set(["PK", "SK", "GSI1PK", "GSI1SK", "kind", TTL_ATTRIBUTE]);

/** The domain object stored in an item: the item without its keys and bookkeeping. */
export function domainPart<T>(item: Item): T {
  return Object.fromEntries(
    Object.entries(item).filter(([name]) => !STORAGE_ATTRIBUTES.has(name)),
  ) as T;
}
