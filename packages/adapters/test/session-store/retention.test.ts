import { DescribeTimeToLiveCommand } from "@aws-sdk/client-dynamodb";
import { describe, expect, it } from "vitest";
import { useTestTable } from "../../../../test/support/dynamodb.ts";
import { manualClock } from "../../../core/test/auth/manual-clock.ts";
import { makeTurn, registerUser } from "./fixtures.ts";

const DAY = 86_400_000;

describe("retention of old sessions in the DynamoDB session store", () => {
  const clock = manualClock();
  const table = useTestTable({ retentionDays: 30, clock });
  const forever = useTestTable({ clock });

  it("enables DynamoDB TTL on the purgeAt attribute when the table is created", async () => {
    await table.store.ensureTable();
    const { TimeToLiveDescription } = await table.client.send(
      new DescribeTimeToLiveCommand({ TableName: table.tableName }),
    );
    expect(TimeToLiveDescription).toMatchObject({
      TimeToLiveStatus: "ENABLED",
      AttributeName: "purgeAt",
    });
  });

  it("sets purgeAt to the last write plus the retention on sessions, messages and usage", async () => {
    const user = await registerUser(table.store);
    const session = await table.store.createSession(user.id, "Old");
    const createdAt = clock.now();
    const at = new Date(createdAt + DAY).toISOString();
    await table.store.saveTurn(makeTurn(user.id, session.id, { at }));

    const items = (await table.scan()).filter((i) => i.PK === `USER#${user.id}`);
    const purgeOf = (kind: string) => items.filter((i) => i.kind === kind).map((i) => i.purgeAt);
    const expected = (Date.parse(at) + 30 * DAY) / 1000;
    expect(purgeOf("session")).toEqual([expected]);
    expect(purgeOf("message")).toEqual([expected, expected]);
    expect(purgeOf("usage")).toEqual([
      Math.floor(Date.parse("2025-03-02T23:59:59.999Z") / 1000 + 30 * 86_400),
    ]);
    expect(purgeOf("user")).toEqual([undefined]);
  });

  it("hides what has expired before DynamoDB gets round to deleting it", async () => {
    const user = await registerUser(table.store);
    const session = await table.store.createSession(user.id, "Expiring");
    await table.store.saveTurn(
      makeTurn(user.id, session.id, { at: new Date(clock.now()).toISOString() }),
    );
    clock.advance(31 * DAY);
    expect(await table.store.getSession(user.id, session.id)).toBeNull();
    expect(await table.store.recentMessages(user.id, session.id, 10)).toEqual([]);
    expect((await table.store.listSessions(user.id, { limit: 10 })).items).toEqual([]);
    expect(await table.store.renameSession(user.id, session.id, "back")).toBeNull();
  });

  it("keeps everything without a purgeAt when no retention is configured", async () => {
    const user = await registerUser(forever.store);
    const session = await forever.store.createSession(user.id, "Kept");
    await forever.store.saveTurn(makeTurn(user.id, session.id));
    const items = (await forever.scan()).filter((i) => i.PK === `USER#${user.id}`);
    expect(items.length).toBe(5);
    expect(items.filter((i) => "purgeAt" in i)).toEqual([]);
  });
});
