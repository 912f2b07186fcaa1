import { renderChatTurnDefinition } from "../packages/core/src/workflow/chat-turn-definition";

// One Lambda function per ChatTurn Task state; the ASL document is the project's own, deployed
// verbatim with the functions' ARNs substituted.
const agentFunction = (name: string, handler: string) =>
  new sst.aws.Function(name, {
    handler: `packages/functions/src/${handler}`,
    runtime: "nodejs24.x",
    timeout: "10 seconds",
    memory: "1024 MB",
  });

export const routerFunction = agentFunction("RouterFunction", "router.handler");
export const librarianFunction = agentFunction("LibrarianFunction", "librarian.handler");
export const plannerFunction = agentFunction("PlannerFunction", "planner.handler");

const role = new aws.iam.Role("ChatTurnRole", {
  assumeRolePolicy: aws.iam.assumeRolePolicyForPrincipal({ Service: "states.amazonaws.com" }),
});
new aws.iam.RolePolicy("ChatTurnInvoke", {
  role: role.id,
  policy: $jsonStringify({
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Action: ["lambda:InvokeFunction"],
        Resource: [routerFunction.arn, librarianFunction.arn, plannerFunction.arn],
      },
    ],
  }),
});

const logGroup = new aws.cloudwatch.LogGroup("ChatTurnLogs", { retentionInDays: 30 });

export const chatTurn = new aws.sfn.StateMachine("ChatTurn", {
  type: "EXPRESS",
  roleArn: role.arn,
  definition: $resolve([routerFunction.arn, librarianFunction.arn, plannerFunction.arn]).apply(
    ([RouterFunctionArn, LibrarianFunctionArn, PlannerFunctionArn]) =>
      renderChatTurnDefinition({ RouterFunctionArn, LibrarianFunctionArn, PlannerFunctionArn }),
  ),
  loggingConfiguration: {
    level: "ALL",
    includeExecutionData: true,
    logDestination: $interpolate`${logGroup.arn}:*`,
  },
});
