import { DynamoDBClient, TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import { EmailTakenError } from "@wwhd/core/ports/session-store.ts";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { createDynamoSessionStore } from "../../src/session-store/dynamodb/dynamo-session-store.ts";

/** DynamoDB Local serialises transactions, so the collisions real DynamoDB reports are mocked. */
const cancelled = (...codes: string[]) =>
  new TransactionCanceledException({
    message: "Transaction cancelled",
    $metadata: {},
    CancellationReasons: codes.map((Code) => ({ Code })),
  });

describe("transactions colliding in DynamoDB", () => {
  const dynamo = mockClient(DynamoDBDocumentClient);
  const store = createDynamoSessionStore({
    client: new DynamoDBClient({ region: "eu-west-1" }),
    tableName: "t",
    cursorSecret: "s",
  });
  beforeEach(() => dynamo.reset());
  const newUser = { email: "a@example.com", roles: ["user" as const], passwordHash: "h" };

  it("retries a registration that collided and succeeds when the address is still free", async () => {
    dynamo
      .on(TransactWriteCommand)
      .rejectsOnce(cancelled("None", "TransactionConflict"))
      .resolves({});
    await expect(store.createUser(newUser)).resolves.toMatchObject({ email: "a@example.com" });
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(2);
  });

  it("answers 'taken' when the retry finds the other registration committed", async () => {
    dynamo
      .on(TransactWriteCommand)
      .rejectsOnce(cancelled("None", "TransactionConflict"))
      .rejects(cancelled("None", "ConditionalCheckFailed"));
    await expect(store.createUser(newUser)).rejects.toBeInstanceOf(EmailTakenError);
  });

  it("gives up after a few collisions in a row", async () => {
    dynamo.on(TransactWriteCommand).rejects(cancelled("TransactionConflict", "None"));
    await expect(store.createUser(newUser)).rejects.toBeInstanceOf(TransactionCanceledException);
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(5);
  });
});
