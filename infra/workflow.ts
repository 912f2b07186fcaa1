import { renderChatTurnDefinition } from "../packages/core/src/workflow/chat-turn-definition";
import { adapterEnvironment } from "./secrets";

// One Lambda function per ChatTurn Task state; the ASL document is the project's own, deployed
// verbatim with the functions' ARNs substituted.
const agentFunction = (name: string, handler: string) =>
  new sst.aws.Function(name, {
    handler: `packages/functions/src/${handler}`,
    runtime: "nodejs24.x",
    timeout: "60 seconds",
    memory: "1024 MB",
    environment: adapterEnvironment,
    nodejs: { format: "esm" },
  });

export const routerFunction = agentFunction("RouterFunction", "router.handler");
export const librarianFunction = agentFunction("LibrarianFunction", "librarian.handler");
export const embedQueryFunction = agentFunction("EmbedQueryFunction", "embed-query.handler");
export const plannerFunction = agentFunction("PlannerFunction", "planner.handler");
export const interpreterFunction = agentFunction("InterpreterFunction", "interpreter.handler");
export const safetyFunction = agentFunction("SafetyFunction", "safety.handler");
const agentFunctions = [
  routerFunction,
  librarianFunction,
  plannerFunction,
  interpreterFunction,
  safetyFunction,
];

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
        Resource: agentFunctions.map((fn) => fn.arn),
      },
    ],
  }),
});

const logGroup = new aws.cloudwatch.LogGroup("ChatTurnLogs", { retentionInDays: 30 });

export const chatTurn = new aws.sfn.StateMachine("ChatTurn", {
  type: "EXPRESS",
  roleArn: role.arn,
  definition: $resolve(agentFunctions.map((fn) => fn.arn)).apply(
    ([
      RouterFunctionArn,
      LibrarianFunctionArn,
      PlannerFunctionArn,
      InterpreterFunctionArn,
      SafetyFunctionArn,
    ]) =>
      renderChatTurnDefinition({
        RouterFunctionArn,
        LibrarianFunctionArn,
        PlannerFunctionArn,
        InterpreterFunctionArn,
        SafetyFunctionArn,
      }),
  ),
  loggingConfiguration: {
    level: "ALL",
    includeExecutionData: true,
    logDestination: $interpolate`${logGroup.arn}:*`,
  },
});
