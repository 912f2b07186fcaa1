import { DynamoDBClient } from "@aws-sdk/client-dynamodb";

/**
 * A client for DynamoDB Local. It accepts any credentials (it runs with `-sharedDb`), but the
 * SDK insists on having some, so fixed placeholders keep the real AWS credential chain out of it.
 */
export function createLocalDynamoDbClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: "local",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
}
