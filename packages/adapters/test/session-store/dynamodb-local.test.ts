import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createLocalDynamoDbClient } from "../../src/dynamodb-local/local-dynamodb-client.ts";
import {
  JAVA_MISSING_MESSAGE,
  startDynamoDbLocal,
} from "../../src/dynamodb-local/start-dynamodb-local.ts";
import { createDynamoSessionStore } from "../../src/session-store/dynamodb/dynamo-session-store.ts";
import { registerUser } from "./fixtures.ts";

describe("DynamoDB Local", () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

  it("says plainly that Java is needed when there is none", async () => {
    await expect(
      startDynamoDbLocal({ inMemory: true }, { javaPath: "/nonexistent/java" }),
    ).rejects.toThrow(JAVA_MISSING_MESSAGE);
  });

  it("keeps its data on disk across a restart", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "wwhd-dynamodb-"));
    dirs.push(dataDir);
    const openStore = async () => {
      const local = await startDynamoDbLocal({ dataDir });
      const client = createLocalDynamoDbClient(local.endpoint);
      const store = createDynamoSessionStore({ client, tableName: "wwhd", cursorSecret: "s" });
      await store.ensureTable();
      return { store, stop: () => local.stop().finally(() => client.destroy()) };
    };

    const first = await openStore();
    const user = await registerUser(first.store, "persistent@example.com");
    await first.stop();

    const second = await openStore();
    try {
      expect(await second.store.getUser(user.id)).toEqual(user);
      expect(await second.store.health()).toEqual({ kind: "dynamodb", status: "ok" });
    } finally {
      await second.stop();
    }
    expect(await second.store.health()).toMatchObject({ kind: "dynamodb", status: "down" });
  });
});
