import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateSigningJwk } from "@wwhd/core/auth/key-store.ts";
import { handle } from "hono/aws-lambda";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { useTestTable } from "../../../test/support/dynamodb.ts";
import { composeApi } from "../src/compose-api.ts";

/**
 * The API function as Lambda runs it: API Gateway (REST) events in, through `hono/aws-lambda`,
 * into the same app as the local server, on the real DynamoDB adapter (here DynamoDB Local,
 * reached through the SDK's standard `AWS_ENDPOINT_URL_DYNAMODB` setting).
 */
const table = useTestTable();
interface LambdaResult {
  statusCode: number;
  body: string;
  headers?: Record<string, string>;
  multiValueHeaders?: Record<string, string[]>;
}
let lambda: ReturnType<typeof handle>;
const handler = async (e: unknown) => (await lambda(e as never, {} as never)) as LambdaResult;

beforeAll(async () => {
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_DYNAMODB: inject("dynamoDbEndpoint"),
    AWS_REGION: "local",
    AWS_ACCESS_KEY_ID: "local",
    AWS_SECRET_ACCESS_KEY: "local",
  });
  const app = await composeApi({
    WWHD_SESSION_STORE: "dynamodb",
    WWHD_DYNAMODB_TABLE: table.tableName,
    WWHD_JWT_PRIVATE_JWKS: JSON.stringify([await generateSigningJwk()]),
    WWHD_CURSOR_SECRET: "a cursor secret of at least thirty-two characters",
    WWHD_DATA_DIR: await mkdtemp(join(tmpdir(), "wwhd-lambda-")),
    LOG_LEVEL: "SILENT",
  });
  lambda = handle(app);
});

const event = (httpMethod: string, path: string, body?: unknown) => ({
  httpMethod,
  path,
  resource: "/{proxy+}",
  headers: { "content-type": "application/json", "x-forwarded-for": "203.0.113.9" },
  multiValueHeaders: {},
  queryStringParameters: null,
  multiValueQueryStringParameters: null,
  pathParameters: null,
  stageVariables: null,
  requestContext: { httpMethod, path, stage: "prod", identity: { sourceIp: "203.0.113.9" } },
  body: body === undefined ? null : JSON.stringify(body),
  isBase64Encoded: false,
});

describe("the API Lambda handler", () => {
  it("answers /health and registers an account in the DynamoDB table", async () => {
    const health = await handler(event("GET", "/health"));
    expect(health.statusCode).toBe(200);
    const register = await handler(
      event("POST", "/v1/auth/register", {
        email: "lambda@example.com",
        password: "plum blossom in the snow",
      }),
    );
    expect(register.statusCode).toBe(201);
    const headers = { ...register.headers, ...register.multiValueHeaders };
    expect(headers["x-request-id"]).toBeTruthy();
    expect(
      (await table.scan()).some((item) => JSON.stringify(item).includes("lambda@example.com")),
    ).toBe(true);
  });

  it("refuses /v1 routes without a token, as the local server does", async () => {
    const response = await handler(event("GET", "/v1/me"));
    expect(response.statusCode).toBe(401);
    expect(JSON.parse(response.body)).toMatchObject({ code: "missing_token" });
  });
});
