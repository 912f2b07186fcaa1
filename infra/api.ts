import { table } from "./storage";
import { chatTurn } from "./workflow";

// The REST API: POST /v1/chat streams from its own function; every other route is the same
// Hono app served by the api function.
export const api = new sst.aws.ApiGatewayV1("Api", { endpoint: { type: "regional" } });

const shared = {
  runtime: "nodejs24.x" as const,
  link: [table],
  environment: { CHAT_TURN_ARN: chatTurn.arn },
};

api.route("POST /v1/chat", {
  handler: "packages/functions/src/chat.handler",
  streaming: true,
  timeout: "60 seconds",
  ...shared,
});
api.route("ANY /{proxy+}", { handler: "packages/functions/src/api.handler", ...shared });
api.deploy();
