// The single DynamoDB table behind the SessionStore port (keys: see
// packages/adapters/src/session-store/dynamodb/ACCESS-PATTERNS.md).
export const table = new sst.aws.Dynamo("Data", {
  fields: { pk: "string", sk: "string" },
  primaryIndex: { hashKey: "pk", rangeKey: "sk" },
  ttl: "expiresAt",
});
