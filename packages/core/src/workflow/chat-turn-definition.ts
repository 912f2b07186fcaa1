import definition from "./chat-turn.asl.json" with { type: "json" };

/** The Task states of ChatTurn and the placeholder each one's Lambda ARN replaces on deploy. */
export const TASK_ARN_PLACEHOLDERS = {
  Route: "RouterFunctionArn",
  EmbedQuery: "EmbedQueryFunctionArn",
  Retrieve: "LibrarianFunctionArn",
  Plan: "PlannerFunctionArn",
  Interpret: "InterpreterFunctionArn",
  Review: "SafetyFunctionArn",
} as const;

export type TaskStateName = keyof typeof TASK_ARN_PLACEHOLDERS;

/** The ASL document exactly as it is deployed, with `${...}Arn` placeholders. */
export const chatTurnDefinition = definition;

/** The definition with each placeholder replaced by a real ARN (for deployment). */
export function renderChatTurnDefinition(
  arns: Record<(typeof TASK_ARN_PLACEHOLDERS)[TaskStateName], string>,
): string {
  return JSON.stringify(definition).replace(/\$\{(\w+)\}/g, (placeholder, name: string) => {
    const arn = (arns as Record<string, string>)[name];
    if (!arn) throw new Error(`No ARN given for ${placeholder}`);
    return arn;
  });
}
