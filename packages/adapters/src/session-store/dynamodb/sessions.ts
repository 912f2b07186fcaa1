import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import { DeleteCommand, GetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import {
  type Session,
  type SessionStore,
  UserNotFoundError,
} from "@wwhd/core/ports/session-store.ts";
import { ulid } from "ulid";
import {
  INDEX_NAME,
  isStoreId,
  profileKey,
  sessionKey,
  sessionPrefix,
  sessionsIndexKey,
  userPartition,
} from "./keys.ts";
import { deleteAll, keysWithPrefix, queryPage } from "./queries.ts";
import {
  domainPart,
  isLive,
  liveCondition,
  nowIso,
  retentionPurgeAt,
  type StoreContext,
} from "./store-context.ts";
import { conditionFailedAt, transactWrite } from "./transact.ts";
import { updateExpression, withCondition } from "./update-expression.ts";

/** The attributes that move whenever a session is written to: activity order and retention. */
function sessionActivity(ctx: StoreContext, userId: string, sessionId: string, updatedAt: string) {
  return {
    updatedAt,
    ...sessionsIndexKey(userId, updatedAt, sessionId),
    purgeAt: retentionPurgeAt(ctx, updatedAt),
  };
}

/** The same, for an UpdateExpression: without retention an earlier TTL is removed. */
export function sessionActivityUpdate(
  ctx: StoreContext,
  userId: string,
  sessionId: string,
  updatedAt: string,
) {
  const activity = sessionActivity(ctx, userId, sessionId, updatedAt);
  return { ...activity, purgeAt: activity.purgeAt ?? null };
}

const toSession = (item: Record<string, unknown>) => domainPart<Session>(item);

type SessionOperations = Pick<
  SessionStore,
  "getSession" | "createSession" | "listSessions" | "renameSession" | "deleteSession"
>;

export function sessionOperations(ctx: StoreContext): SessionOperations {
  return {
    async getSession(userId, sessionId) {
      if (!isStoreId(sessionId)) return null;
      const { Item } = await ctx.doc.send(
        new GetCommand({
          TableName: ctx.tableName,
          Key: sessionKey(userId, sessionId),
          ConsistentRead: true,
        }),
      );
      return Item && isLive(ctx, Item) ? toSession(Item) : null;
    },

    async createSession(userId, title) {
      const at = nowIso(ctx);
      const session: Session = {
        id: ulid(ctx.clock.now()),
        userId,
        title,
        createdAt: at,
        updatedAt: at,
      };
      try {
        await transactWrite(ctx, {
          TransactItems: [
            // No data may be created for a user who is gone (erasure must stay complete).
            {
              ConditionCheck: {
                TableName: ctx.tableName,
                Key: profileKey(userId),
                ConditionExpression: "attribute_exists(PK)",
              },
            },
            {
              Put: {
                TableName: ctx.tableName,
                Item: {
                  ...sessionKey(userId, session.id),
                  kind: "session",
                  ...session,
                  ...sessionActivity(ctx, userId, session.id, at),
                },
                ConditionExpression: "attribute_not_exists(PK)",
              },
            },
          ],
        });
      } catch (error) {
        if (conditionFailedAt(error, 0)) throw new UserNotFoundError();
        throw error;
      }
      return session;
    },

    listSessions(userId, page) {
      return queryPage(
        ctx,
        `sessions:${userId}`,
        page,
        {
          IndexName: INDEX_NAME,
          KeyConditionExpression: "GSI1PK = :pk AND begins_with(GSI1SK, :prefix)",
          ExpressionAttributeValues: { ":pk": userPartition(userId), ":prefix": "SESSION#" },
          ScanIndexForward: false,
        },
        toSession,
      );
    },

    async renameSession(userId, sessionId, title) {
      if (!isStoreId(sessionId)) return null;
      const updatedAt = nowIso(ctx);
      const fields = { title, ...sessionActivityUpdate(ctx, userId, sessionId, updatedAt) };
      try {
        const { Attributes } = await ctx.doc.send(
          new UpdateCommand({
            TableName: ctx.tableName,
            Key: sessionKey(userId, sessionId),
            ...withCondition(updateExpression(fields), liveCondition(ctx)),
            ReturnValues: "ALL_NEW",
          }),
        );
        return Attributes ? toSession(Attributes) : null;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return null;
        throw error;
      }
    },

    async deleteSession(userId, sessionId) {
      if (!isStoreId(sessionId)) return false;
      const keys = await keysWithPrefix(ctx, userPartition(userId), sessionPrefix(sessionId));
      if (keys.length === 0) return false;
      // The session disappears first (and takes no more turns); if deleting its messages fails
      // half-way, deleting again sweeps the rest.
      const meta = sessionKey(userId, sessionId);
      await ctx.doc.send(new DeleteCommand({ TableName: ctx.tableName, Key: meta }));
      await deleteAll(
        ctx,
        keys.filter((key) => key.SK !== meta.SK),
      );
      return true;
    },
  };
}
