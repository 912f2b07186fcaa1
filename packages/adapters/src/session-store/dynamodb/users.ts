import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import { GetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { EmailTakenError, type SessionStore, type User } from "@wwhd/core/ports/session-store.ts";
import { ulid } from "ulid";
import {
  emailKey,
  INDEX_NAME,
  isStoreId,
  profileKey,
  usersIndexKey,
  usersIndexPartition,
} from "./keys.ts";
import { queryPage } from "./queries.ts";
import { domainPart, nowIso, type StoreContext } from "./store-context.ts";
import { conditionFailedAt, transactWrite } from "./transact.ts";
import { updateExpression, withCondition } from "./update-expression.ts";

const toUser = (item: Record<string, unknown>) => domainPart<User>(item);

type UserOperations = Pick<
  SessionStore,
  "createUser" | "getUser" | "findUserByEmail" | "updateUser" | "listUsers"
>;

export function userOperations(ctx: StoreContext): UserOperations {
  async function getUser(userId: string): Promise<User | null> {
    if (!isStoreId(userId)) return null;
    const { Item } = await ctx.doc.send(
      new GetCommand({ TableName: ctx.tableName, Key: profileKey(userId), ConsistentRead: true }),
    );
    return Item ? toUser(Item) : null;
  }

  return {
    getUser,

    async createUser(newUser) {
      const at = nowIso(ctx);
      const user: User = { id: ulid(ctx.clock.now()), ...newUser, createdAt: at, updatedAt: at };
      try {
        // Profile and e-mail claim together: of two registrations of one address, one commits.
        await transactWrite(ctx, {
          TransactItems: [
            {
              Put: {
                TableName: ctx.tableName,
                Item: {
                  ...profileKey(user.id),
                  kind: "user",
                  ...user,
                  ...usersIndexKey(at, user.id),
                },
                ConditionExpression: "attribute_not_exists(PK)",
              },
            },
            {
              Put: {
                TableName: ctx.tableName,
                Item: { ...emailKey(user.email), kind: "email", userId: user.id },
                ConditionExpression: "attribute_not_exists(PK)",
              },
            },
          ],
        });
      } catch (error) {
        if (conditionFailedAt(error, 1)) throw new EmailTakenError();
        throw error;
      }
      return user;
    },

    async findUserByEmail(email) {
      const { Item } = await ctx.doc.send(
        new GetCommand({ TableName: ctx.tableName, Key: emailKey(email), ConsistentRead: true }),
      );
      return typeof Item?.userId === "string" ? getUser(Item.userId) : null;
    },

    async updateUser(userId, patch) {
      if (!isStoreId(userId)) return null;
      const fields = {
        roles: patch.roles,
        passwordHash: patch.passwordHash,
        updatedAt: nowIso(ctx),
      };
      try {
        const { Attributes } = await ctx.doc.send(
          new UpdateCommand({
            TableName: ctx.tableName,
            Key: profileKey(userId),
            ...withCondition(updateExpression(fields), {
              ConditionExpression: "attribute_exists(PK)",
            }),
            ReturnValues: "ALL_NEW",
          }),
        );
        return Attributes ? toUser(Attributes) : null;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return null;
        throw error;
      }
    },

    listUsers(page) {
      return queryPage(
        ctx,
        "users",
        page,
        {
          IndexName: INDEX_NAME,
          KeyConditionExpression: "GSI1PK = :pk",
          ExpressionAttributeValues: { ":pk": usersIndexPartition() },
          ScanIndexForward: false,
        },
        toUser,
      );
    },
  };
}
