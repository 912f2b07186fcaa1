import type { TestProject } from "vitest/node";
import { startDynamoDbLocal } from "../../packages/adapters/src/dynamodb-local/start-dynamodb-local.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The one in-memory DynamoDB Local of this test run; see `test/support/dynamodb.ts`. */
    dynamoDbEndpoint: string;
  }
}

/** One DynamoDB Local per test run (it takes ~1.5 s to start); each test file makes its table. */
export default async function setup(project: TestProject) {
  const dynamoDb = await startDynamoDbLocal({ inMemory: true });
  project.provide("dynamoDbEndpoint", dynamoDb.endpoint);
  return () => dynamoDb.stop();
}
