import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  type DynamoDBClient,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from "@aws-sdk/client-dynamodb";
import type { AdapterHealth } from "@wwhd/core/ports/adapter-health.ts";
import { INDEX_NAME, TTL_ATTRIBUTE } from "./keys.ts";

const stringKey = (name: string) => ({ AttributeName: name, AttributeType: "S" as const });

async function createTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: "PAY_PER_REQUEST",
        AttributeDefinitions: ["PK", "SK", "GSI1PK", "GSI1SK"].map(stringKey),
        KeySchema: [
          { AttributeName: "PK", KeyType: "HASH" },
          { AttributeName: "SK", KeyType: "RANGE" },
        ],
        GlobalSecondaryIndexes: [
          {
            IndexName: INDEX_NAME,
            KeySchema: [
              { AttributeName: "GSI1PK", KeyType: "HASH" },
              { AttributeName: "GSI1SK", KeyType: "RANGE" },
            ],
            Projection: { ProjectionType: "ALL" },
          },
        ],
      }),
    );
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  await waitUntilTableExists({ client, maxWaitTime: 120 }, { TableName: tableName });
}

async function enableTimeToLive(client: DynamoDBClient, tableName: string): Promise<void> {
  const { TimeToLiveDescription } = await client.send(
    new DescribeTimeToLiveCommand({ TableName: tableName }),
  );
  const status = TimeToLiveDescription?.TimeToLiveStatus;
  if (status === "ENABLED" || status === "ENABLING") return;
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
    }),
  );
}

/**
 * Creates the table (on-demand, with its index and TTL) unless it exists; safe to call on every
 * start. In AWS the table is defined by the infrastructure code with this same layout.
 */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<void> {
  await createTable(client, tableName);
  await enableTimeToLive(client, tableName);
}

export async function tableHealth(
  client: DynamoDBClient,
  tableName: string,
): Promise<AdapterHealth> {
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    return Table?.TableStatus === "ACTIVE"
      ? { kind: "dynamodb", status: "ok" }
      : { kind: "dynamodb", status: "degraded", detail: `table ${Table?.TableStatus}` };
  } catch (error) {
    return {
      kind: "dynamodb",
      status: "down",
      detail: error instanceof Error ? error.name : "unknown",
    };
  }
}
