import { setTimeout as sleep } from "node:timers/promises";
import {
  BatchWriteCommand,
  paginateQuery,
  QueryCommand,
  type QueryCommandInput,
} from "@aws-sdk/lib-dynamodb";
import type { Page, PageRequest } from "@wwhd/core/ports/session-store.ts";
import type { ItemKey } from "./keys.ts";
import { type Item, isLive, type StoreContext } from "./store-context.ts";

type QueryShape = Omit<QueryCommandInput, "TableName" | "Limit" | "ExclusiveStartKey">;

const MAX_PAGE_SIZE = 100;

/**
 * One page of a Query. `scope` names the list (and its owner) so a cursor only works for the
 * list that issued it. Expired items not yet purged are skipped, so a page can be short.
 */
export async function queryPage<T>(
  ctx: StoreContext,
  scope: string,
  page: PageRequest,
  query: QueryShape,
  toDomain: (item: Item) => T,
): Promise<Page<T>> {
  const result = await ctx.doc.send(
    new QueryCommand({
      ...query,
      TableName: ctx.tableName,
      Limit: Math.min(Math.max(1, Math.floor(page.limit)), MAX_PAGE_SIZE),
      ExclusiveStartKey:
        page.cursor === undefined ? undefined : ctx.cursors.decode(scope, page.cursor),
    }),
  );
  const items = (result.Items ?? []).filter((item) => isLive(ctx, item)).map(toDomain);
  const last = result.LastEvaluatedKey as Record<string, string> | undefined;
  return last ? { items, nextCursor: ctx.cursors.encode(scope, last) } : { items };
}

/** Every item a Query finds, across all its pages (consistent reads). */
export async function queryAll(ctx: StoreContext, query: QueryShape): Promise<Item[]> {
  const items: Item[] = [];
  const input = { ...query, TableName: ctx.tableName, ConsistentRead: true };
  for await (const page of paginateQuery({ client: ctx.doc }, input))
    items.push(...(page.Items ?? []));
  return items;
}

/** The keys of every item of a partition whose sort key starts with `prefix`. */
export async function keysWithPrefix(
  ctx: StoreContext,
  partition: string,
  prefix = "",
): Promise<ItemKey[]> {
  const items = await queryAll(ctx, {
    KeyConditionExpression: prefix ? "PK = :pk AND begins_with(SK, :prefix)" : "PK = :pk",
    ExpressionAttributeValues: prefix
      ? { ":pk": partition, ":prefix": prefix }
      : { ":pk": partition },
    ProjectionExpression: "PK, SK",
  });
  return items as ItemKey[];
}

const BATCH_SIZE = 25;
const BATCH_ATTEMPTS = 8;

async function deleteBatch(ctx: StoreContext, keys: ItemKey[]): Promise<void> {
  let requests = keys.map((Key) => ({ DeleteRequest: { Key } }));
  for (let attempt = 1; requests.length > 0; attempt++) {
    if (attempt > BATCH_ATTEMPTS) throw new Error(`${requests.length} deletions left unprocessed`);
    if (attempt > 1) await sleep(25 * 2 ** attempt);
    const result = await ctx.doc.send(
      new BatchWriteCommand({ RequestItems: { [ctx.tableName]: requests } }),
    );
    requests = (result.UnprocessedItems?.[ctx.tableName] ?? []) as typeof requests;
  }
}

/** Deletes the items in batches of 25, retrying what DynamoDB leaves unprocessed. */
export async function deleteAll(ctx: StoreContext, keys: ItemKey[]): Promise<void> {
  for (let start = 0; start < keys.length; start += BATCH_SIZE)
    await deleteBatch(ctx, keys.slice(start, start + BATCH_SIZE));
}
