import { randomUUID } from "node:crypto";
import { DeleteTableCommand, type DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, paginateScan } from "@aws-sdk/lib-dynamodb";
import type { Clock } from "@wwhd/core/ports/clock.ts";
import { afterAll, beforeAll, inject } from "vitest";
import { createLocalDynamoDbClient } from "../../packages/adapters/src/dynamodb-local/local-dynamodb-client.ts";
import {
  createDynamoSessionStore,
  type DynamoSessionStore,
} from "../../packages/adapters/src/session-store/dynamodb/dynamo-session-store.ts";

export interface TestTable {
  client: DynamoDBClient;
  tableName: string;
  store: DynamoSessionStore;
  /** Every item of the table, raw (for checks such as erasure completeness). */
  scan(): Promise<Record<string, unknown>[]>;
  drop(): Promise<void>;
}

export interface TestTableOptions {
  retentionDays?: number;
  clock?: Clock;
}

/**
 * A fresh table, with its session store, on the test run's DynamoDB Local (started by
 * `dynamodb-global-setup.ts`). The unique name keeps test files apart when they run in parallel.
 */
export async function createTestTable(options: TestTableOptions = {}): Promise<TestTable> {
  const client = createLocalDynamoDbClient(inject("dynamoDbEndpoint"));
  const tableName = `test-${randomUUID()}`;
  const store = createDynamoSessionStore({
    client,
    tableName,
    cursorSecret: "test cursor secret",
    ...options,
  });
  await store.ensureTable();
  const doc = DynamoDBDocumentClient.from(client);
  return {
    client,
    tableName,
    store,
    async scan() {
      const items: Record<string, unknown>[] = [];
      for await (const page of paginateScan({ client: doc }, { TableName: tableName }))
        items.push(...(page.Items ?? []));
      return items;
    },
    async drop() {
      await client.send(new DeleteTableCommand({ TableName: tableName }));
    },
  };
}

/**
 * A test table for the enclosing suite: created before its tests, dropped after them. The
 * returned object is filled in by `beforeAll`, so use it inside tests and hooks only.
 */
export function useTestTable(options: TestTableOptions = {}): TestTable {
  const table = {} as TestTable;
  beforeAll(async () => {
    Object.assign(table, await createTestTable(options));
  });
  afterAll(() => table.drop());
  return table;
}
