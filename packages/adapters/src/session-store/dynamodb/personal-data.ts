import { GetCommand, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import type {
  DailyUsage,
  RefreshFamily,
  Session,
  SessionStore,
  SessionStoreExport,
  StoredMessage,
  User,
} from "@wwhd/core/ports/session-store.ts";
import { emailKey, profileKey, userPartition } from "./keys.ts";
import { deleteAll, keysWithPrefix, queryAll } from "./queries.ts";
import { domainPart, type Item, isLive, type StoreContext } from "./store-context.ts";

/** A write racing the erasure can add an item after a sweep; a few sweeps catch it. */
const MAX_SWEEPS = 5;

function byKind(items: Item[], kind: string): Item[] {
  return items.filter((item) => item.kind === kind);
}

function withoutPasswordHash({ passwordHash: _secret, ...user }: User) {
  return user;
}

function assembleExport(items: Item[]): SessionStoreExport {
  const [profile] = byKind(items, "user");
  const messages = byKind(items, "message").map((item) => domainPart<StoredMessage>(item));
  return {
    user: profile ? withoutPasswordHash(domainPart<User>(profile)) : null,
    sessions: byKind(items, "session")
      .map((item) => domainPart<Session>(item))
      .map((session) => ({
        ...session,
        messages: messages.filter((m) => m.sessionId === session.id),
      })),
    usage: byKind(items, "usage").map((item) => domainPart<DailyUsage>(item)),
    refreshFamilies: byKind(items, "refreshFamily").map((item) => domainPart<RefreshFamily>(item)),
  };
}

type PersonalDataOperations = Pick<SessionStore, "dataName" | "exportUserData" | "eraseUserData">;

export function personalDataOperations(ctx: StoreContext): PersonalDataOperations {
  /** Profile and e-mail claim go first and together: then nothing new can be created. */
  async function deleteAccount(userId: string): Promise<void> {
    const { Item: profile } = await ctx.doc.send(
      new GetCommand({ TableName: ctx.tableName, Key: profileKey(userId), ConsistentRead: true }),
    );
    if (typeof profile?.email !== "string") return;
    await ctx.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          { Delete: { TableName: ctx.tableName, Key: profileKey(userId) } },
          {
            Delete: {
              TableName: ctx.tableName,
              Key: emailKey(profile.email),
              // Never release an address that (through some inconsistency) names another user.
              ConditionExpression: "attribute_not_exists(PK) OR userId = :userId",
              ExpressionAttributeValues: { ":userId": userId },
            },
          },
        ],
      }),
    );
  }

  return {
    dataName: "account",

    async exportUserData(userId) {
      const items = await queryAll(ctx, {
        KeyConditionExpression: "PK = :pk",
        ExpressionAttributeValues: { ":pk": userPartition(userId) },
      });
      return assembleExport(items.filter((item) => isLive(ctx, item)));
    },

    async eraseUserData(userId) {
      await deleteAccount(userId);
      for (let sweep = 1; sweep <= MAX_SWEEPS; sweep++) {
        const keys = await keysWithPrefix(ctx, userPartition(userId));
        if (keys.length === 0) return;
        await deleteAll(ctx, keys);
      }
      throw new Error("items of the user keep appearing; erasure incomplete, retry it");
    },
  };
}
