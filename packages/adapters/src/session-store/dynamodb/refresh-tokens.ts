import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import { GetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import {
  type RefreshFamily,
  type RefreshTokenRecord,
  type SessionStore,
  UserNotFoundError,
} from "@wwhd/core/ports/session-store.ts";
import { profileKey, refreshFamilyKey, refreshTokenKey } from "./keys.ts";
import { domainPart, epochSeconds, type StoreContext } from "./store-context.ts";
import { anyConditionFailed, conditionFailedAt, transactWrite } from "./transact.ts";
import { updateExpression, withCondition } from "./update-expression.ts";

type RefreshOperations = Pick<
  SessionStore,
  "createRefreshFamily" | "findRefreshToken" | "rotateRefreshToken" | "revokeRefreshFamily"
>;

/** Refresh data expires with the token, whatever the session retention. */
function tokenItem(token: RefreshTokenRecord) {
  return {
    ...refreshTokenKey(token.userId, token.familyId, token.tokenHash),
    kind: "refreshToken",
    ...token,
    purgeAt: epochSeconds(token.expiresAt),
  };
}

export function refreshTokenOperations(ctx: StoreContext): RefreshOperations {
  const get = async (Key: Record<string, string>) =>
    (await ctx.doc.send(new GetCommand({ TableName: ctx.tableName, Key, ConsistentRead: true })))
      .Item;

  return {
    async createRefreshFamily(family, first) {
      const put = (Item: Record<string, unknown>) => ({
        Put: { TableName: ctx.tableName, Item, ConditionExpression: "attribute_not_exists(PK)" },
      });
      const familyItem = {
        ...refreshFamilyKey(family.userId, family.familyId),
        kind: "refreshFamily",
        ...family,
        purgeAt: epochSeconds(family.expiresAt),
      };
      try {
        await transactWrite(ctx, {
          TransactItems: [
            {
              ConditionCheck: {
                TableName: ctx.tableName,
                Key: profileKey(family.userId),
                ConditionExpression: "attribute_exists(PK)",
              },
            },
            put(familyItem),
            put(tokenItem(first)),
          ],
        });
      } catch (error) {
        if (conditionFailedAt(error, 0)) throw new UserNotFoundError();
        throw error;
      }
    },

    async findRefreshToken(userId, familyId, tokenHash) {
      const [family, token] = await Promise.all([
        get(refreshFamilyKey(userId, familyId)),
        get(refreshTokenKey(userId, familyId, tokenHash)),
      ]);
      if (!family || !token) return null;
      return {
        family: domainPart<RefreshFamily>(family),
        token: domainPart<RefreshTokenRecord>(token),
      };
    },

    async rotateRefreshToken(current, next, at) {
      const familyUpdate = updateExpression({
        lastUsedAt: at,
        expiresAt: next.expiresAt,
        purgeAt: epochSeconds(next.expiresAt),
      });
      try {
        await transactWrite(ctx, {
          TransactItems: [
            {
              Update: {
                TableName: ctx.tableName,
                Key: refreshTokenKey(current.userId, current.familyId, current.tokenHash),
                ...withCondition(updateExpression({ rotatedAt: at }), {
                  ConditionExpression: "attribute_exists(PK) AND attribute_not_exists(#rotatedAt)",
                  ExpressionAttributeNames: { "#rotatedAt": "rotatedAt" },
                }),
              },
            },
            {
              Update: {
                TableName: ctx.tableName,
                Key: refreshFamilyKey(current.userId, current.familyId),
                ...withCondition(familyUpdate, {
                  ConditionExpression: "attribute_exists(PK) AND attribute_not_exists(#revokedAt)",
                  ExpressionAttributeNames: { "#revokedAt": "revokedAt" },
                }),
              },
            },
            {
              Put: {
                TableName: ctx.tableName,
                Item: tokenItem(next),
                ConditionExpression: "attribute_not_exists(PK)",
              },
            },
          ],
        });
        return true;
      } catch (error) {
        if (anyConditionFailed(error)) return false;
        throw error;
      }
    },

    async revokeRefreshFamily(userId, familyId, at) {
      try {
        await ctx.doc.send(
          new UpdateCommand({
            TableName: ctx.tableName,
            Key: refreshFamilyKey(userId, familyId),
            // Keeps the first revocation time when revoked twice.
            UpdateExpression: "SET revokedAt = if_not_exists(revokedAt, :at)",
            ConditionExpression: "attribute_exists(PK)",
            ExpressionAttributeValues: { ":at": at },
          }),
        );
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
    },
  };
}
