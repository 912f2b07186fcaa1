import {
  adapterEnvironment,
  cursorSecret,
  jwtPrivateJwks,
  upstashRedisRestToken,
  upstashRedisRestUrl,
} from "./secrets";
import { table } from "./storage";
import { chatTurn } from "./workflow";

// The REST API (regional, response streaming): POST /v1/chat streams from its own function;
// every other route is the same Hono app served by the api function.
export const api = new sst.aws.ApiGatewayV1("Api", { endpoint: { type: "regional" } });

const origin = {
  runtime: "nodejs24.x" as const,
  link: [table],
  nodejs: { format: "esm" as const },
  permissions: [{ actions: ["states:StartSyncExecution"], resources: [chatTurn.arn] }],
  environment: {
    ...adapterEnvironment,
    WWHD_SESSION_STORE: "dynamodb",
    WWHD_DYNAMODB_TABLE: table.name,
    WWHD_WORKFLOW: "aws",
    CHAT_TURN_STATE_MACHINE_ARN: chatTurn.arn,
    WWHD_JWT_ISSUER: `wwhd-${$app.stage}`,
    WWHD_JWT_PRIVATE_JWKS: jwtPrivateJwks.value,
    WWHD_CURSOR_SECRET: cursorSecret.value,
    UPSTASH_REDIS_REST_URL: upstashRedisRestUrl.value,
    UPSTASH_REDIS_REST_TOKEN: upstashRedisRestToken.value,
  },
};

api.route("POST /v1/chat", {
  handler: "packages/functions/src/chat.handler",
  streaming: true,
  timeout: "120 seconds",
  ...origin,
});
api.route("ANY /{proxy+}", {
  handler: "packages/functions/src/api.handler",
  timeout: "30 seconds",
  ...origin,
});
api.deploy();
