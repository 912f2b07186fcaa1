import { SessionNotFoundError, type StoredMessage } from "@wwhd/core/ports/session-store.ts";
import { ulid } from "ulid";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestTable } from "../../../../test/support/dynamodb.ts";
import { makeTurn, registerUser } from "./fixtures.ts";

describe("chat turns in the DynamoDB session store", () => {
  const table = useTestTable();
  let userId: string;
  beforeAll(async () => {
    userId = (await registerUser(table.store)).id;
  });

  const itemsOf = async (sessionId: string) =>
    (await table.scan()).filter((i) => String(i.SK).startsWith(`SESSION#${sessionId}#MSG#`));
  const usageOf = async (user: string) =>
    (await table.scan()).filter((i) => i.PK === `USER#${user}` && i.kind === "usage");

  it("stores both messages with everything the turn knew, and the usage", async () => {
    const session = await table.store.createSession(userId, "Breath");
    const turn = makeTurn(userId, session.id);
    await table.store.saveTurn(turn);

    expect(await table.store.recentMessages(userId, session.id, 10)).toEqual([
      turn.user,
      turn.assistant,
    ]);
    const [usage] = await usageOf(userId);
    expect(usage).toMatchObject({ turns: 1, promptTokens: 120, completionTokens: 30 });
  });

  it("writes nothing twice when a turn is retried, at once or later", async () => {
    const user = (await registerUser(table.store)).id;
    const session = await table.store.createSession(user, "Retry");
    const turn = makeTurn(user, session.id);
    await Promise.all([table.store.saveTurn(turn), table.store.saveTurn(turn)]);
    await table.store.saveTurn(turn);
    // A retry with other content (e.g. a later timestamp) is still the same turn.
    await table.store.saveTurn({ ...turn, assistant: { ...turn.assistant, text: "changed" } });

    expect(await itemsOf(session.id)).toHaveLength(2);
    expect((await table.store.recentMessages(user, session.id, 10))[1]?.text).toBe(
      turn.assistant.text,
    );
    const [usage] = await usageOf(user);
    expect(usage).toMatchObject({ turns: 1, promptTokens: 120, completionTokens: 30 });
  });

  it("writes nothing at all when the transaction fails", async () => {
    const user = (await registerUser(table.store)).id;
    const session = await table.store.createSession(user, "Gone");
    await table.store.deleteSession(user, session.id);
    await expect(table.store.saveTurn(makeTurn(user, session.id))).rejects.toBeInstanceOf(
      SessionNotFoundError,
    );
    expect(await itemsOf(session.id)).toEqual([]);
    expect(await usageOf(user)).toEqual([]);
  });

  it("adds the usage of several turns of one day", async () => {
    const user = (await registerUser(table.store)).id;
    const session = await table.store.createSession(user, "Usage");
    for (let i = 0; i < 3; i++) await table.store.saveTurn(makeTurn(user, session.id));
    const [usage] = await usageOf(user);
    expect(usage).toMatchObject({ turns: 3, promptTokens: 360, completionTokens: 90 });
  });

  it("pages through messages in both directions and returns the most recent ones", async () => {
    const user = (await registerUser(table.store)).id;
    const session = await table.store.createSession(user, "Long");
    const start = Date.parse("2025-01-01T00:00:00Z");
    const turns = Array.from({ length: 7 }, (_, i) =>
      makeTurn(user, session.id, { turnId: ulid(start + i * 1000), question: `q${i}` }),
    );
    for (const turn of turns) await table.store.saveTurn(turn);
    const chronological = turns.flatMap((t) => [t.user, t.assistant]);

    const read = async (newestFirst: boolean) => {
      const messages: StoredMessage[] = [];
      let cursor: string | undefined;
      do {
        const page = await table.store.listMessages(user, session.id, {
          limit: 3,
          cursor,
          newestFirst,
        });
        if (!page) throw new Error("session missing");
        messages.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return messages;
    };
    expect(await read(false)).toEqual(chronological);
    expect(await read(true)).toEqual([...chronological].reverse());
    expect(await table.store.recentMessages(user, session.id, 4)).toEqual(chronological.slice(-4));
  });
});
