import { SFNClient, StartSyncExecutionCommand } from "@aws-sdk/client-sfn";
import type { TurnInput, TurnState } from "@wwhd/core/domain/turn-state.ts";
import type { Logger } from "@wwhd/core/ports/logger.ts";
import { WorkflowError, type WorkflowRunner } from "@wwhd/core/ports/workflow-runner.ts";

/**
 * Runs ChatTurn as an Express workflow with StartSyncExecution. The execution name is the turn
 * id, so an operator finds any turn's history by its `x-turn-id`. A failed or timed-out run
 * still answers HTTP 200, so the `status` field is what decides success.
 */
export function createAwsWorkflowRunner(deps: {
  stateMachineArn: string;
  logger: Logger;
  client?: SFNClient;
}): WorkflowRunner {
  const client = deps.client ?? new SFNClient({});
  return {
    kind: "aws-step-functions",
    async health() {
      return { kind: "aws-step-functions", status: "ok", detail: deps.stateMachineArn };
    },
    async run(input: TurnInput) {
      const result = await client
        .send(
          new StartSyncExecutionCommand({
            stateMachineArn: deps.stateMachineArn,
            name: input.turnId,
            input: JSON.stringify(input),
          }),
        )
        .catch((error: unknown) => {
          throw new WorkflowError("StartSyncExecution failed", { cause: error });
        });
      const executionArn = result.executionArn ?? "";
      if (result.status !== "SUCCEEDED" || result.output === undefined) {
        deps.logger.error("ChatTurn execution did not succeed", {
          turnId: input.turnId,
          executionArn,
          status: result.status,
          error: result.error,
        });
        throw new WorkflowError(
          `ChatTurn ${result.status ?? "UNKNOWN"}: ${result.error ?? "no output"}`,
          {
            executionArn,
          },
        );
      }
      return { state: JSON.parse(result.output) as TurnState, executionArn };
    },
  };
}
