// The single DynamoDB table behind the SessionStore port. Keys, the GSI1 index and every access
// pattern: packages/adapters/src/session-store/dynamodb/ACCESS-PATTERNS.md. `purgeAt` is the TTL
// attribute that implements session retention.
export const table = new sst.aws.Dynamo("Data", {
  fields: { PK: "string", SK: "string", GSI1PK: "string", GSI1SK: "string" },
  primaryIndex: { hashKey: "PK", rangeKey: "SK" },
  globalIndexes: { GSI1: { hashKey: "GSI1PK", rangeKey: "GSI1SK", projection: "all" } },
  ttl: "purgeAt",
});
