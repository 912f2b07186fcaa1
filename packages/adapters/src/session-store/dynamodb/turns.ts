import { IdempotentParameterMismatchException } from "@aws-sdk/client-dynamodb";
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import {
  SessionNotFoundError,
  type SessionStore,
  type StoredMessage,
  type TurnRecord,
} from "@wwhd/core/ports/session-store.ts";
import { messageKey, messagePrefix, sessionKey, usageKey, userPartition } from "./keys.ts";
import { queryPage } from "./queries.ts";
import { sessionActivityUpdate } from "./sessions.ts";
import {
  domainPart,
  isLive,
  liveCondition,
  retentionPurgeAt,
  type StoreContext,
} from "./store-context.ts";
import { anyConditionFailed, conditionFailedAt, transactWrite } from "./transact.ts";
import { updateExpression, withCondition } from "./update-expression.ts";

const toMessage = (item: Record<string, unknown>) => domainPart<StoredMessage>(item);

/** DynamoDB's own idempotency token (honoured for 10 minutes) takes at most 36 characters. */
const MAX_CLIENT_REQUEST_TOKEN = 36;

function messagePut(ctx: StoreContext, turn: TurnRecord, message: StoredMessage) {
  return {
    Put: {
      TableName: ctx.tableName,
      Item: {
        ...messageKey(turn.userId, turn.sessionId, turn.turnId, message.role),
        kind: "message",
        ...message,
        purgeAt: retentionPurgeAt(ctx, message.createdAt),
      },
      // The turn id is in the key: a second write of the same turn fails here.
      ConditionExpression: "attribute_not_exists(PK)",
    },
  };
}

function sessionTouch(ctx: StoreContext, turn: TurnRecord) {
  const at = turn.assistant.createdAt;
  return {
    Update: {
      TableName: ctx.tableName,
      Key: sessionKey(turn.userId, turn.sessionId),
      ...withCondition(
        updateExpression(sessionActivityUpdate(ctx, turn.userId, turn.sessionId, at)),
        liveCondition(ctx),
      ),
    },
  };
}

/** Daily totals per user; counted in the same transaction, so a retried turn counts once. */
function usageAdd(ctx: StoreContext, turn: TurnRecord) {
  const day = turn.assistant.createdAt.slice(0, 10);
  const usage = turn.assistant.usage;
  const set = updateExpression({
    kind: "usage",
    day,
    purgeAt: retentionPurgeAt(ctx, `${day}T23:59:59.999Z`),
  });
  return {
    Update: {
      TableName: ctx.tableName,
      Key: usageKey(turn.userId, day),
      UpdateExpression: `${set.UpdateExpression} ADD #turns :one, #prompt :prompt, #completion :completion`,
      ExpressionAttributeNames: {
        ...set.ExpressionAttributeNames,
        "#turns": "turns",
        "#prompt": "promptTokens",
        "#completion": "completionTokens",
      },
      ExpressionAttributeValues: {
        ...set.ExpressionAttributeValues,
        ":one": 1,
        ":prompt": usage?.promptTokens ?? 0,
        ":completion": usage?.completionTokens ?? 0,
      },
    },
  };
}

type TurnOperations = Pick<SessionStore, "saveTurn" | "recentMessages" | "listMessages">;

export function turnOperations(
  ctx: StoreContext,
  sessions: Pick<SessionStore, "getSession">,
): TurnOperations {
  return {
    async saveTurn(turn) {
      try {
        await transactWrite(ctx, {
          TransactItems: [
            messagePut(ctx, turn, turn.user),
            messagePut(ctx, turn, turn.assistant),
            sessionTouch(ctx, turn),
            usageAdd(ctx, turn),
          ],
          ClientRequestToken:
            turn.turnId.length <= MAX_CLIENT_REQUEST_TOKEN ? turn.turnId : undefined,
        });
      } catch (error) {
        const alreadyStored =
          conditionFailedAt(error, 0) ||
          conditionFailedAt(error, 1) ||
          error instanceof IdempotentParameterMismatchException;
        if (alreadyStored) return;
        if (anyConditionFailed(error)) throw new SessionNotFoundError();
        throw error;
      }
    },

    async recentMessages(userId, sessionId, limit) {
      const { Items = [] } = await ctx.doc.send(
        new QueryCommand({
          TableName: ctx.tableName,
          KeyConditionExpression: "PK = :pk AND begins_with(SK, :prefix)",
          ExpressionAttributeValues: {
            ":pk": userPartition(userId),
            ":prefix": messagePrefix(sessionId),
          },
          ScanIndexForward: false,
          Limit: limit,
        }),
      );
      return Items.filter((item) => isLive(ctx, item))
        .map(toMessage)
        .reverse();
    },

    async listMessages(userId, sessionId, page) {
      if (!(await sessions.getSession(userId, sessionId))) return null;
      const order = page.newestFirst ? "desc" : "asc";
      return queryPage(
        ctx,
        `messages:${userId}:${sessionId}:${order}`,
        page,
        {
          KeyConditionExpression: "PK = :pk AND begins_with(SK, :prefix)",
          ExpressionAttributeValues: {
            ":pk": userPartition(userId),
            ":prefix": messagePrefix(sessionId),
          },
          ScanIndexForward: !page.newestFirst,
        },
        toMessage,
      );
    },
  };
}
